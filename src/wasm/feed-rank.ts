// Whole-input feeding for the exact-ranking kernels. Unlike the streamed feeds,
// a sort needs every sample resident in wasm memory at once: this is the one
// place memory grows with the number of samples. The buffers live past the
// arena's fixed regions for the length of one call, and memory only grows when
// a call needs more than any call before it.
//
// Peak bytes per sample (input copies plus the sort's second buffers). Sort keys
// take 4 bytes when the scores' key range and the label bit fit in 32 bits, else
// 8; a range of all 64 bits leaves no bit for the label, and is sorted with
// weights of 1 instead:
//   float32 scores, unweighted:  9 (e.g. probabilities) or 21 (e.g. logits of both
//                                signs, whose keys span 32 bits before the label)
//   float64 scores, unweighted:  9 (e.g. float32 values held as float64), 17, or 33
//                                (both signs at extreme magnitudes: a 64-bit range)
//   float32 scores, weighted:   25 (float32 keys span at most 32 bits)
//   float64 scores, weighted:   25 or 33
// plus a fixed 48 KiB of histograms. Weighted sorts carry each weight (signed by
// its label) through every pass.
import { arena } from './runtime.js';
import type { Arena } from './arena.js';

export type RankScores = Float32Array | Float64Array;

/** Samples sorted in wasm memory, valid until the next kernel call. */
export interface SortedSamples {
  readonly arena: Arena;
  /** Address of the plan the sweep kernels read. */
  readonly plan: number;
  /** Samples kept (zero weights dropped). */
  readonly count: number;
  /** Bytes of wasm memory the sort used, from its workspace to its last buffer. */
  readonly bytes: number;
}

const align16 = (address: number): number => Math.ceil(address / 16) * 16;

/** rankKeyRange's payload kind for scores whose keys leave no bit for the label (assembly/rankkeys.ts). */
const PAYLOAD_UNIT_WEIGHTS = 1;

/**
 * Copies the samples into wasm memory and sorts them by score, ascending; with
 * `sums`, the sort also writes [pairs, positive weight, negative weight] to the arena's output.
 */
export function sortSamples(scores: RankScores, labels: Uint8Array, weights: Float64Array | undefined, sums = false): SortedSamples {
  const a = arena();
  const kernels = a.kernels;
  const n = scores.length;
  const scoreBytes = scores instanceof Float64Array ? 8 : 4;
  const plan = align16(a.end);
  const scoresAt = align16(plan + kernels.rankWorkspaceBytes());
  const labelsAt = align16(scoresAt + n * scoreBytes);
  const weightsAt = weights ? align16(labelsAt + n) : 0;
  const inputEnd = align16(weights ? weightsAt + n * 8 : labelsAt + n);
  a.ensureAddressable(inputEnd);
  if (scoreBytes === 8) a.f64.set(scores, scoresAt / 8);
  else a.f32.set(scores, scoresAt / 4);
  a.u8.set(labels, labelsAt);
  if (weights) a.f64.set(weights, weightsAt / 8);

  const layout = kernels.rankKeyRange(scoresAt, scoreBytes === 8 ? 1 : 0, n, weights ? 1 : 0, plan);
  // Scores spanning all 64 key bits leave none for the label: sort with weights of 1, which carry it in their sign.
  if (layout >> 8 === PAYLOAD_UNIT_WEIGHTS) return sortSamples(scores, labels, new Float64Array(n).fill(1), sums);
  const keyBytes = layout & 0xff;
  // What moves beside the keys: nothing (the label is the key's low bit) or the signed weights.
  const payloadBytes = weights ? 8 : 0;
  // Keys overwrite the scores when they fit; the second key buffer takes the
  // scores' upper half when keys are half their size; the rest goes after the inputs.
  let next = inputEnd;
  const take = (bytes: number): number => {
    const at = next;
    next = align16(next + bytes);
    return at;
  };
  const keysAt = keyBytes <= scoreBytes ? scoresAt : take(n * keyBytes);
  const otherKeysAt = 2 * keyBytes <= scoreBytes ? scoresAt + n * keyBytes : take(n * keyBytes);
  const otherPayloadAt = payloadBytes ? take(n * payloadBytes) : 0;
  a.ensureAddressable(next);
  const count = kernels.rankSort(plan, scoresAt, labelsAt, weightsAt, n, keysAt, otherKeysAt, otherPayloadAt, sums ? a.output : 0);
  return { arena: a, plan, count, bytes: next - plan };
}

/** [pairs, positive weight, negative weight] of the samples, computed while sorting them. */
export function rocAucSumsOf(scores: RankScores, labels: Uint8Array, weights: Float64Array | undefined): Float64Array {
  return sortSamples(scores, labels, weights, true).arena.readOutput(3);
}

/** Distinct scores (descending) with their positive and negative weights. */
export function groupsFromSorted(sorted: SortedSamples): { scores: Float64Array; positives: Float64Array; negatives: Float64Array } {
  const a = sorted.arena;
  const groups = sorted.count ? a.kernels.countScoreGroups(sorted.plan) : 0;
  const scores = new Float64Array(groups), positives = new Float64Array(groups), negatives = new Float64Array(groups);
  // Groups come out through three arena regions, a region's capacity at a time.
  const scoresAt = a.address('predictions'), positivesAt = a.address('labels'), negativesAt = a.address('weights');
  let end = sorted.count;
  for (let done = 0; done < groups;) {
    const take = Math.min(a.capacity, groups - done);
    end = a.kernels.writeScoreGroups(sorted.plan, end, take, scoresAt, positivesAt, negativesAt);
    scores.set(a.f64.subarray(scoresAt / 8, scoresAt / 8 + take), done);
    positives.set(a.f64.subarray(positivesAt / 8, positivesAt / 8 + take), done);
    negatives.set(a.f64.subarray(negativesAt / 8, negativesAt / 8 + take), done);
    done += take;
  }
  return { scores, positives, negatives };
}
