import type { ReactNode } from "react";

/**
 * The message for an input that edits a whole list of strings (target roles): its own, or the
 * first one about an entry, named by position.
 */
export function errorOfStringList(
  errors: Record<string, ReactNode>,
  path: string,
  entryNoun: string,
): ReactNode {
  if (errors[path]) return errors[path];
  for (const [errorPath, message] of Object.entries(errors)) {
    const index = errorPath.startsWith(`${path}.`) ? errorPath.slice(path.length + 1) : "";
    if (/^\d+$/.test(index) && message) {
      return typeof message === "string"
        ? `${entryNoun} ${Number(index) + 1}: ${message}`
        : message;
    }
  }
  return undefined;
}

/** The paths to try, nearest first, when putting focus on the input a message is about. */
export function inputPathsFor(errorPath: string): string[] {
  const segments = errorPath.split(".");
  return segments.map((_, index) => segments.slice(0, segments.length - index).join("."));
}
