// "Did you mean" suggestions for unknown identifiers and keys.

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** The known names closest to `name` (case-insensitive edit distance), best first. */
export function closestNames(name: string, known: Iterable<string>, count = 3): string[] {
  const lower = name.toLowerCase();
  // One spelling per case-insensitive name ('auc' and 'AUC' are one suggestion):
  // the one whose letter case is closest to what was typed.
  const byLowerCase = new Map<string, string>();
  for (const candidate of known) {
    const key = candidate.toLowerCase();
    const current = byLowerCase.get(key);
    if (current === undefined || editDistance(name, candidate) < editDistance(name, current)) byLowerCase.set(key, candidate);
  }
  return [...byLowerCase.values()]
    .map((candidate) => ({ candidate, distance: editDistance(lower, candidate.toLowerCase()) }))
    .sort((x, y) => x.distance - y.distance || x.candidate.localeCompare(y.candidate))
    .slice(0, count)
    .map((entry) => entry.candidate);
}

/** " Did you mean 'a', 'b'?" or an empty string. */
export function didYouMean(name: string, known: Iterable<string>): string {
  const close = closestNames(name, known);
  return close.length ? ` Did you mean ${close.map((c) => `'${c}'`).join(', ')}?` : '';
}
