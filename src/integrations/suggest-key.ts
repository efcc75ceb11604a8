// "Did you mean" for log keys. A key is often typed short ('val_f1' for
// 'val_f1_score'), which edit distance ranks below unrelated short keys, so
// keys that complete what was typed come first.
import { didYouMean } from '../suggest.js';

export function suggestLogKey(key: string, available: readonly string[]): string {
  const typed = key.toLowerCase();
  const completions = available.filter((candidate) => candidate.toLowerCase().startsWith(typed));
  return didYouMean(key, completions.length ? completions : available);
}
