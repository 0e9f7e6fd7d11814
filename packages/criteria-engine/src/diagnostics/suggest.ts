/** The closest candidate by edit distance, for "did you mean …?" hints; undefined when none is close. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  const lower = word.toLowerCase();
  for (const c of candidates) {
    // The distance is at least the difference in length: skip the table when that is too far
    // already (it kept 20,000 unknown names × every declared fact from costing seconds).
    if (Math.abs(c.length - word.length) >= bestDistance) continue;
    const d = distance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  // One row of the edit-distance table; `at` reads a cell that is always there (0 ≤ j ≤ b.length).
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  const at = (j: number): number => row[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    let prev = at(0);
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = at(j);
      row[j] = Math.min(at(j) + 1, at(j - 1) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return at(b.length);
}
