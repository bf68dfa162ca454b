import { pathwayLimits } from "./pathway.schemas.ts";

export type StageHeading =
  | { kind: "year"; year: number }
  | { kind: "quarter"; quarter: number }
  | { kind: "year-quarter"; year: number; quarter: number }
  | { kind: "considerations"; year: number | null }
  | { kind: "invalid" };

/**
 * What a heading's words say about the stage below it: "Year N", "QN", "Year N QN",
 * "Year N Considerations"; `invalid` when it looks like one but is not; null for any other.
 */
export function readStageHeading(heading: string): StageHeading | null {
  const text = heading.trim().replace(/\s+/g, " ");
  const maxYear = pathwayLimits.maxYear;
  const validYear = (value: string | undefined) => {
    const year = Number(value);
    return Number.isInteger(year) && year >= 1 && year <= maxYear ? year : null;
  };
  const validQuarter = (value: string | undefined) => {
    const quarter = Number(value);
    return Number.isInteger(quarter) && quarter >= 1 && quarter <= 4 ? quarter : null;
  };
  let match = /^year (\d{1,4}) ?(?:[,:–—-] ?)?(?:q|quarter) ?(\d{1,4})$/i.exec(text);
  if (match) {
    const year = validYear(match[1]);
    const quarter = validQuarter(match[2]);
    return year && quarter ? { kind: "year-quarter", year, quarter } : { kind: "invalid" };
  }
  match = /^year (\d{1,4})\+? considerations?$/i.exec(text);
  if (match) {
    const year = Number(match[1]);
    return year >= 1 && year <= maxYear + 1
      ? { kind: "considerations", year }
      : { kind: "invalid" };
  }
  if (/^considerations?$/i.test(text)) return { kind: "considerations", year: null };
  match = /^year (\d{1,4})$/i.exec(text);
  if (match) {
    const year = validYear(match[1]);
    return year ? { kind: "year", year } : { kind: "invalid" };
  }
  match = /^(?:q|quarter) ?(\d{1,4})$/i.exec(text);
  if (match) {
    const quarter = validQuarter(match[1]);
    return quarter ? { kind: "quarter", quarter } : { kind: "invalid" };
  }
  if (/^(?:year|quarter|considerations?)\b|^q ?\d/i.test(text)) return { kind: "invalid" };
  return null;
}
