import { sql } from "kysely";
import type { Db } from "#server/db/create-db.ts";

/**
 * What an instance keeps of the directory between searches (docs/decisions/022-learning-search.md):
 * the vocabulary misspellings are corrected from and the answers to recent searches, both under
 * the directory version read from the database on every search. Every write to the directory
 * raises that version in its own transaction, so a write through any instance shows on the next
 * search through every other one. Kept per database handle, so each app keeps its own.
 */

/** Raises the directory version; call in the transaction of every write to the directory. */
export async function raiseDirectoryVersion(trx: Db): Promise<void> {
  await sql`update learning_directory_state set version = version + 1 where id = 1`.execute(trx);
}

/** The directory version: one row read by its primary key. */
export async function readDirectoryVersion(db: Db): Promise<number> {
  const row = await db
    .selectFrom("learning_directory_state")
    .select("version")
    .where("id", "=", 1)
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}

/** A map that forgets its least recently used entry past `capacity`. */
export class LruCache<V> {
  readonly #entries = new Map<string, V>();
  readonly capacity: number;
  constructor(capacity: number) {
    this.capacity = capacity;
  }

  get(key: string): V | undefined {
    const value = this.#entries.get(key);
    if (value === undefined) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    while (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** The known words, sorted, of one directory version. */
export type Vocabulary = { version: number; terms: readonly string[] };

type DirectoryCache = {
  version: number;
  vocabulary: Promise<Vocabulary> | null;
  answers: LruCache<unknown>;
};

/** Answers kept per instance: enough for the searches people repeat, bounded in memory. */
export const cachedAnswerLimit = 1_000;

const caches = new WeakMap<Db, DirectoryCache>();

/** The instance's cache for `version`; emptied when the version moved on. */
export function directoryCache(db: Db, version: number): DirectoryCache {
  let cache = caches.get(db);
  if (!cache || cache.version !== version) {
    cache = { version, vocabulary: null, answers: new LruCache(cachedAnswerLimit) };
    caches.set(db, cache);
  }
  return cache;
}

/** The vocabulary under `version`, read once per version and instance. */
export function vocabularyAt(db: Db, version: number): Promise<Vocabulary> {
  const cache = directoryCache(db, version);
  if (!cache.vocabulary) {
    const loading = db
      .selectFrom("learning_terms")
      .select("term")
      .execute()
      .then((rows) => ({
        version,
        terms: rows.map((row) => row.term).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
      }));
    cache.vocabulary = loading;
    loading.catch(() => {
      if (cache.vocabulary === loading) cache.vocabulary = null;
    });
  }
  return cache.vocabulary;
}

/** Whether some known word begins with `word` (binary search in the sorted terms). */
export function isKnownWordStart(vocabulary: Vocabulary, word: string): boolean {
  const { terms } = vocabulary;
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((terms[middle] ?? "") < word) low = middle + 1;
    else high = middle;
  }
  return (terms[low] ?? "").startsWith(word);
}

/** Known words near `word` in length that share its first or its second letter. */
export function candidateTerms(vocabulary: Vocabulary, word: string, spread: number): string[] {
  const found: string[] = [];
  for (const term of vocabulary.terms) {
    if (Math.abs(term.length - word.length) > spread) continue;
    if (term[0] !== word[0] && term[1] !== word[1]) continue;
    found.push(term);
    if (found.length >= 5_000) break;
  }
  return found;
}
