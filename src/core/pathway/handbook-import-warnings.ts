import { type ImportWarning, pathwayLimits } from "./pathway.schemas.ts";

export type Warnings = { add(line: number, message: string): void; list(): ImportWarning[] };

/** Collects warnings up to a limit, so a hostile page cannot make the preview huge. */
export function collectWarnings(): Warnings {
  const found: ImportWarning[] = [];
  let dropped = 0;
  return {
    add(line, message) {
      if (found.length < pathwayLimits.warnings) found.push({ line, message });
      else dropped++;
    },
    list() {
      const sorted = [...found].sort((a, b) => a.line - b.line);
      if (dropped > 0) sorted.push({ line: 1, message: `${dropped} more warnings are not shown` });
      return sorted;
    },
  };
}
