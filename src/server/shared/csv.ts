/**
 * A small RFC 4180 reader and writer, the one every CSV import and export uses: comma-separated,
 * fields optionally in double quotes with `""` for a quote, records ended by CRLF or LF, an
 * optional UTF-8 byte order mark on reading and always one on writing.
 */

export type CsvRecord = {
  /** Spreadsheet row number: the first record is row 1 (a quoted line break stays in its row). */
  row: number;
  fields: string[];
};

export class CsvSyntaxError extends Error {
  override name = "CsvSyntaxError";
  readonly row: number;

  constructor(row: number, message: string) {
    super(`Row ${row}: ${message}`);
    this.row = row;
  }
}

const quote = 34; // "
const comma = 44; // ,
const lineFeed = 10; // \n
const carriageReturn = 13; // \r

/** Every non-blank record, in order. Blank lines are skipped but still counted as rows. */
export function parseCsv(text: string): CsvRecord[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let row = 1;
  let index = 0;
  const endRecord = () => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === "";
    if (!blank) records.push({ row, fields });
    fields = [];
    field = "";
    row += 1;
  };
  while (index < source.length) {
    const code = source.charCodeAt(index);
    if (code === quote && field === "") {
      const closing = readQuoted(source, index + 1, row);
      field = closing.value;
      index = closing.next;
      const after = source.charCodeAt(index);
      if (
        index < source.length &&
        after !== comma &&
        after !== lineFeed &&
        after !== carriageReturn
      ) {
        throw new CsvSyntaxError(row, "unexpected text after a closing quote");
      }
      continue;
    }
    if (code === comma) {
      fields.push(field);
      field = "";
    } else if (code === lineFeed) {
      endRecord();
    } else if (code === carriageReturn) {
      if (source.charCodeAt(index + 1) === lineFeed) index += 1;
      endRecord();
    } else {
      field += source[index];
    }
    index += 1;
  }
  if (field !== "" || fields.length > 0) endRecord();
  return records;
}

function readQuoted(source: string, start: number, row: number): { value: string; next: number } {
  let value = "";
  let index = start;
  while (index < source.length) {
    const next = source.indexOf('"', index);
    if (next === -1) break;
    value += source.slice(index, next);
    if (source.charCodeAt(next + 1) === quote) {
      value += '"';
      index = next + 2;
      continue;
    }
    return { value, next: next + 1 };
  }
  throw new CsvSyntaxError(row, "a quoted value is never closed");
}

/**
 * Spreadsheets run cells that start with these as formulas (CSV injection), and some skip
 * leading spaces or read the full-width forms (＝ ＋ － ＠) as the ASCII ones first.
 */
const formulaStart = /^(?:\s*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r])/;

/** Prefixes a formula-like value with `'`, which spreadsheets show as text. */
export function escapeFormula(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

/** Undoes `escapeFormula`, so an exported file imports back unchanged. */
export function unescapeFormula(value: string): string {
  return value.startsWith("'") && formulaStart.test(value.slice(1)) ? value.slice(1) : value;
}

function csvField(value: string): string {
  const safe = escapeFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Tells spreadsheets (Excel above all) that the file is UTF-8, so non-Latin text reads right. */
export const utf8ByteOrderMark = "\ufeff";

/**
 * A byte order mark, then CRLF-separated records with fields quoted only when they need it and
 * formulas escaped.
 */
export function writeCsv(rows: readonly (readonly (string | null)[])[]): string {
  const records = rows.map((fields) => fields.map((value) => csvField(value ?? "")).join(","));
  return `${utf8ByteOrderMark}${records.join("\r\n")}\r\n`;
}
