import { parse } from "content-disposition";
import { describe, expect, it } from "vitest";
import { asciiFileName, attachmentHeader, safeFileName } from "./download.ts";

/** What an old client reads (filename=) and what a browser saves the file as (filename* first). */
const namesIn = (header: string) => ({
  ascii: parse(header, { extended: false }).parameters.filename,
  saved: parse(header).parameters.filename,
});

describe("attachmentHeader", () => {
  it("gives a non-Latin name in filename* and an ASCII one in filename", () => {
    const header = attachmentHeader("Развитие лидерства 成長 - growth plan 2026-03-02.pdf");
    expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[!-~]+$/);
    expect(parse(header).type).toBe("attachment");
    expect(namesIn(header)).toEqual({
      ascii: "growth plan 2026-03-02.pdf",
      saved: "Развитие лидерства 成長 - growth plan 2026-03-02.pdf",
    });
  });

  it("keeps accented Latin readable in the ASCII name", () => {
    expect(namesIn(attachmentHeader("Café für Zoë.md"))).toEqual({
      ascii: "Cafe fur Zoe.md",
      saved: "Café für Zoë.md",
    });
  });

  it("takes quotes, slashes, backslashes and CR/LF out of the name", () => {
    const header = attachmentHeader('My "plan" ../../etc/passwd\\x\r\nSet-Cookie: a=b.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    const names = namesIn(header);
    expect(names.saved).toBe("My -plan- ..-..-etc-passwd-x-Set-Cookie- a=b.pdf");
    for (const name of Object.values(names)) expect(name).not.toMatch(/["/\\\r\n]/);
  });

  it("answers a plain ASCII name as filename alone", () => {
    expect(attachmentHeader("trellis-people-2026-03-02.csv")).toBe(
      "attachment; filename=trellis-people-2026-03-02.csv",
    );
  });

  it("names a file whose name has nothing left in ASCII 'download'", () => {
    expect(asciiFileName("成長計画.pdf")).toBe("download.pdf");
    expect(safeFileName("\r\n/")).toBe("download");
  });

  it("shortens a very long name before its extension", () => {
    const name = safeFileName(`${"長".repeat(400)}.pdf`);
    expect(Array.from(name)).toHaveLength(150);
    expect(name.endsWith("長.pdf")).toBe(true);
  });
});
