/** Nearest-name suggestions for typos ("did you mean"), by edit distance. */

/** Levenshtein distance with adjacent transpositions counted as one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        d[(i - 1) * cols + j]! + 1,
        d[i * cols + j - 1]! + 1,
        d[(i - 1) * cols + j - 1]! + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1]!;
}

/** The candidates ordered by closeness to `word` (ties keep their given order). */
export function byCloseness(word: string, candidates: readonly string[]): string[] {
  const lower = word.toLowerCase();
  return candidates
    .map((c, i) => ({ c, i, d: editDistance(lower, c.toLowerCase()) }))
    .sort((x, y) => x.d - y.d || x.i - y.i)
    .map((x) => x.c);
}

/**
 * The closest candidate when it is close enough to be a plausible typo (at most a third of the word's
 * letters differ, and at least 1 edit is allowed), else `undefined`.
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0 || word.length > 200) return undefined;
  const best = byCloseness(word, candidates)[0]!;
  const limit = Math.max(2, Math.ceil(Math.max(word.length, best.length) / 3));
  const distance = editDistance(word.toLowerCase(), best.toLowerCase());
  // Replacing every letter of a short word is not a typo ("X" is not a misspelt "P").
  return distance <= limit && distance < word.length ? best : undefined;
}

/** `did you mean "x"?` or undefined. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const best = nearest(word, candidates);
  return best === undefined ? undefined : `did you mean "${best}"?`;
}
