import { describe, expect, it } from "vitest";
import { CsvSyntaxError, escapeFormula, parseCsv, unescapeFormula, writeCsv } from "./csv.ts";

describe("parseCsv", () => {
  it("reads CRLF and LF records, a BOM and a missing final line break", () => {
    expect(parseCsv("\uFEFFa,b\r\n1,2\n3,4")).toEqual([
      { row: 1, fields: ["a", "b"] },
      { row: 2, fields: ["1", "2"] },
      { row: 3, fields: ["3", "4"] },
    ]);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks, keeping row numbers", () => {
    const text = 'name,note\r\n"Doe, Jane","She said ""hi""\r\non two lines"\r\nNext,""\r\n';
    expect(parseCsv(text)).toEqual([
      { row: 1, fields: ["name", "note"] },
      { row: 2, fields: ["Doe, Jane", 'She said "hi"\r\non two lines'] },
      { row: 3, fields: ["Next", ""] },
    ]);
  });

  it("skips blank lines but still counts them", () => {
    expect(parseCsv("a\r\n\r\nb\r\n")).toEqual([
      { row: 1, fields: ["a"] },
      { row: 3, fields: ["b"] },
    ]);
  });

  it("keeps empty fields, including trailing ones", () => {
    expect(parseCsv("a,,c,\n")).toEqual([{ row: 1, fields: ["a", "", "c", ""] }]);
  });

  it("names the row of broken quoting", () => {
    expect(() => parseCsv('a\n"never closed\n')).toThrow(
      new CsvSyntaxError(2, "a quoted value is never closed"),
    );
    expect(() => parseCsv('a\nb\n"x"y\n')).toThrow("Row 3: unexpected text after a closing quote");
  });
});

describe("writeCsv", () => {
  it("quotes only what needs it and escapes formulas", () => {
    expect(
      writeCsv([
        ["a", 'say "x"', "1,2", null],
        ["=SUM(A1)", "+1", "-2", "@me", "ok"],
      ]),
    ).toBe('\ufeffa,"say ""x""","1,2",\r\n\'=SUM(A1),\'+1,\'-2,\'@me,ok\r\n');
  });

  it("starts with a UTF-8 byte order mark, so spreadsheets read non-Latin text as UTF-8", () => {
    const bytes = Buffer.from(writeCsv([["name"], ["Ольга"], ["李"]]), "utf8");
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(parseCsv(bytes.toString("utf8")).map((record) => record.fields)).toEqual([
      ["name"],
      ["Ольга"],
      ["李"],
    ]);
  });

  it("round-trips through the reader", () => {
    const rows = [
      ["email", "name"],
      ["x@example.com", 'Line\nbreak, "quoted"'],
    ];
    expect(parseCsv(writeCsv(rows)).map((record) => record.fields)).toEqual(rows);
  });

  it.each([
    "=1+1",
    "+cmd",
    "-2",
    "@SUM(1)",
    "\tTab",
    "\rReturn",
    " =1+1",
    "  +cmd",
    "\t=1",
    "\u3000@SUM(1)",
    "\u00a0-2",
    "＝1+1",
    "＋cmd",
    "－2",
    "＠SUM(1)",
    " ＝HYPERLINK(1)",
  ])("escapes %j and the import undoes it", (value) => {
    expect(escapeFormula(value)).toBe(`'${value}`);
    expect(unescapeFormula(escapeFormula(value))).toBe(value);
  });

  it("leaves ordinary values and apostrophes alone", () => {
    expect(escapeFormula("O'Brien")).toBe("O'Brien");
    expect(escapeFormula(" leading space")).toBe(" leading space");
    expect(escapeFormula("a=b")).toBe("a=b");
    expect(escapeFormula("1-2")).toBe("1-2");
    expect(unescapeFormula("'quoted'")).toBe("'quoted'");
  });
});
