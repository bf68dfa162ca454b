/**
 * Words of search queries and of the vocabulary misspellings are corrected from: lower case,
 * accents removed, letters and digits only, so a word can never carry query syntax into FTS5 or
 * to_tsquery.
 */

const stopWords = new Set([
  "a",
  "an",
  "and",
  "at",
  "by",
  "for",
  "in",
  "of",
  "on",
  "or",
  "the",
  "to",
  "with",
]);

export const vocabularyWordLength = { min: 3, max: 40 } as const;

export function wordsOf(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** The words a query searches for: no stop words, no repeats, at most `max`, each bounded. */
export function queryWords(query: string, max: number): string[] {
  const words = wordsOf(query)
    .filter((word) => !stopWords.has(word))
    .map((word) => word.slice(0, vocabularyWordLength.max));
  return [...new Set(words)].slice(0, max);
}

/** The vocabulary words of a resource's title, provider and skills. */
export function vocabularyOf(texts: readonly string[]): string[] {
  return [
    ...new Set(
      texts
        .flatMap(wordsOf)
        .filter(
          (word) =>
            word.length >= vocabularyWordLength.min &&
            word.length <= vocabularyWordLength.max &&
            !/^\p{N}+$/u.test(word),
        ),
    ),
  ];
}

/** Edits allowed for a word of this length: none below 4 letters, one to 7, two beyond. */
export function allowedEdits(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

/**
 * Optimal string alignment distance (Levenshtein plus swapping two neighbours), stopping early
 * once every path costs more than `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current[j] = value;
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/** The closest candidates within the allowed edits, nearest first, at most `max`. */
export function closestWords(word: string, candidates: readonly string[], max: number): string[] {
  const limit = allowedEdits(word.length);
  if (limit === 0) return [];
  return candidates
    .filter((candidate) => candidate !== word)
    .map((candidate) => ({ candidate, distance: editDistance(word, candidate, limit) }))
    .filter(({ distance }) => distance <= limit)
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, max)
    .map(({ candidate }) => candidate);
}
