import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { FrameworkContent } from "#core/career/framework.schemas.ts";
import {
  type ImportFormat,
  ImportWarning,
  importFormats,
} from "#core/career/frameworks.schemas.ts";
import { readFrameworkFile, writeFrameworkFile } from "./career-framework-interchange.ts";
import { testFrameworkContent } from "./career-paths.testing.ts";

/**
 * Whatever text an admin uploads, reading it never throws, and the framework it answers always
 * passes the schema, with well-formed warnings: arbitrary strings, arbitrary JSON, and valid
 * files of each format with parts cut, repeated, replaced or given hostile values.
 */

const base = testFrameworkContent();
const format = fc.constantFrom<ImportFormat>(...importFormats);
const existing = fc.constantFrom(null, base);

function check(kind: ImportFormat, text: string, current: FrameworkContent | null) {
  const { content, warnings } = readFrameworkFile(kind, text, current);
  const parsed = FrameworkContent.safeParse(content);
  expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 2))).toBe(true);
  for (const warning of warnings) expect(ImportWarning.safeParse(warning).success).toBe(true);
}

const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    "",
    "\u0000",
    "\ud800",
    "=1+1",
    "__proto__",
    "constructor",
    -1,
    0,
    8,
    1.5,
    Number.POSITIVE_INFINITY,
    { toString: 1, valueOf: 2 },
    { __proto__: { polluted: true } },
    "x".repeat(3_000),
  ),
);

/** A valid framework document with one field somewhere replaced by a hostile value. */
const mutatedDocument = fc
  .tuple(
    fc.constantFrom("themes", "competencies", "families", "roles", "edges", "scale", "root"),
    fc.nat(5),
    fc.constantFrom(
      "key",
      "name",
      "title",
      "themeKey",
      "familyKey",
      "level",
      "track",
      "expectations",
      "descriptors",
      "from",
      "kind",
      "url",
      "value",
      "extra",
      "gapRule",
    ),
    hostileValue,
  )
  .map(([list, index, field, value]) => {
    const document = structuredClone(base) as unknown as Record<string, unknown>;
    if (list === "root") {
      document[field] = value;
      return document;
    }
    const entries = document[list] as Record<string, unknown>[];
    const entry = entries[index % entries.length];
    if (entry) entry[field] = value;
    return document;
  });

/** A valid file with a slice removed, repeated or replaced. */
const mutatedText = (text: string) =>
  fc
    .tuple(
      fc.nat(text.length),
      fc.nat(200),
      fc.constantFrom("cut", "repeat", "insert"),
      fc.string(),
    )
    .map(([start, length, how, inserted]) => {
      const end = Math.min(text.length, start + length);
      if (how === "cut") return text.slice(0, start) + text.slice(end);
      if (how === "repeat") return text.slice(0, end) + text.slice(start, end) + text.slice(end);
      return text.slice(0, start) + inserted + text.slice(start);
    });

describe("reading framework files never fails", () => {
  it("on arbitrary text", () => {
    fc.assert(
      fc.property(format, fc.string({ maxLength: 400 }), existing, (kind, text, current) =>
        check(kind, text, current),
      ),
      { numRuns: 300 },
    );
  });

  it("on arbitrary JSON", () => {
    fc.assert(
      fc.property(format, fc.json({ maxDepth: 4 }), existing, (kind, text, current) =>
        check(kind, text, current),
      ),
      { numRuns: 300 },
    );
  });

  it("on framework documents with hostile values, as YAML and as a CASE package", () => {
    fc.assert(
      fc.property(mutatedDocument, existing, (document, current) => {
        check("yaml", stringify(document), current);
        check("case", JSON.stringify({ CFDocument: { identifier: "d" }, ...document }), current);
      }),
      { numRuns: 150 },
    );
  });

  for (const kind of importFormats) {
    it(`on valid ${kind} files with parts cut, repeated or inserted`, () => {
      const { text } = writeFrameworkFile(kind, base, { now: "2026-12-01T00:00:00.000Z" });
      fc.assert(
        fc.property(mutatedText(text), existing, (mutated, current) =>
          check(kind, mutated, current),
        ),
        { numRuns: 200 },
      );
    });
  }

  it("on CASE packages whose parts are hostile values", () => {
    const valid = JSON.parse(
      writeFrameworkFile("case", base, { now: "2026-12-01T00:00:00.000Z" }).text,
    );
    fc.assert(
      fc.property(
        fc.constantFrom("CFDocument", "CFItems", "CFAssociations", "CFRubrics"),
        fc.nat(10),
        fc.constantFrom(
          "identifier",
          "fullStatement",
          "originNodeURI",
          "destinationNodeURI",
          "CFRubricCriteria",
          "CFItemURI",
          "abbreviatedStatement",
          "humanCodingScheme",
        ),
        hostileValue,
        (part, index, field, value) => {
          const document = structuredClone(valid);
          const target = document.CFPackage[part];
          const entry = Array.isArray(target) ? target[index % target.length] : target;
          if (entry && typeof entry === "object") entry[field] = value;
          check("case", JSON.stringify(document), null);
        },
      ),
      { numRuns: 300 },
    );
  });
});
