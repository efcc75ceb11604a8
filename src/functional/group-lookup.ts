// A sample's score group from its score, for the paired DeLong test: an
// open-addressing hash table over the distinct scores' bit patterns. A binary
// search over a million descending scores misses the cache at most of its
// steps; the table costs one or two probes (measured about 2x faster).

export class GroupLookup {
  private readonly slots: Int32Array;
  private readonly mask: number;
  // One float64 seen as two uint32 words: its bit pattern, for hashing.
  private readonly bits = new Float64Array(1);
  private readonly words = new Uint32Array(this.bits.buffer);

  /** `scores`: distinct, finite, -0 already reported as +0 (as scoreGroups gives them). */
  constructor(private readonly scores: Float64Array) {
    let size = 2;
    while (size < 2 * scores.length) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size).fill(-1);
    for (let group = 0; group < scores.length; group++) {
      let slot = this.slotOf(scores[group]!);
      while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
      this.slots[slot] = group;
    }
  }

  private slotOf(score: number): number {
    this.bits[0] = score + 0;   // -0 + 0 is +0: both find the +0 group
    const mixed = Math.imul(this.words[0]! ^ Math.imul(this.words[1]!, 0x9e3779b1), 0x85ebca6b);
    return (mixed ^ (mixed >>> 15)) & this.mask;
  }

  /** The group of `score`, which must be one of the scores. */
  groupOf(score: number): number {
    for (let slot = this.slotOf(score); ; slot = (slot + 1) & this.mask) {
      const group = this.slots[slot]!;
      if (group < 0) throw new RangeError(`score ${score} is not among the groups`);
      if (this.scores[group] === score) return group;
    }
  }
}
