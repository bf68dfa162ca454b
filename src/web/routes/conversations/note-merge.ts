/**
 * "Keep both" after a conflict on free text: what is stored now, then the person's own text,
 * each once. Nothing typed by either is lost.
 */
export function joinNotes(theirs: string, mine: string): string {
  const stored = theirs.trimEnd();
  const own = mine.trim();
  if (!own || stored.includes(own)) return theirs;
  if (!stored || own.includes(stored)) return mine;
  return `${stored}\n\n${own}`;
}
