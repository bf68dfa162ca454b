import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FrameworkContent } from "#core/career/framework.schemas.ts";
import type { ImportWarning } from "#core/career/frameworks.schemas.ts";
import { formatDescriptors, parseDescriptors } from "./career-framework-csv-layout.ts";
import { readSampleFramework } from "./career-framework-defaults.ts";
import { readFrameworkFile, writeFrameworkFile } from "./career-framework-interchange.ts";
import { testFrameworkContent } from "./career-paths.testing.ts";

const now = "2026-12-01T09:00:00.000Z";
const at = (warnings: ImportWarning[]) =>
  warnings.map((warning) => warning.line ?? warning.path).sort();
const withoutCaseIds = (content: FrameworkContent) => ({
  themes: content.themes.map((theme) => ({ ...theme, caseId: null })),
  competencies: content.competencies.map((competency) => ({ ...competency, caseId: null })),
});

describe("native YAML", () => {
  it("reads a file with defects into a valid framework, with each warning on its line", () => {
    const file = [
      "name: Broken framework",
      "themes:",
      "  - key: craft",
      "    name: Craft",
      "competencies:",
      "  - key: forecasting",
      "    themeKey: craft",
      "    name: Forecasting",
      "    descriptors: [Learns, Does, Leads, Teaches]",
      "  - key: Bad Key",
      "    themeKey: craft",
      "    name: Bad",
      "families:",
      "  - key: ops",
      "    name: Ops",
      "    department: Revenue",
      "    handbookUrl: not a url",
      "roles:",
      "  - key: analyst",
      "    familyKey: ops",
      "    title: Analyst",
      "    level: 1",
      "    department: Revenue",
      "    expectations:",
      "      forecasting: 2",
      "      ghost: 1",
      "edges:",
      "  - from: analyst",
      "    to: nobody",
      "    kind: upward",
    ].join("\n");
    const { content, warnings } = readFrameworkFile("yaml", file, null);
    expect(FrameworkContent.safeParse(content).success).toBe(true);
    expect(at(warnings)).toEqual([10, 17, 26, 29]);
    expect(content.competencies.map((competency) => competency.key)).toEqual(["forecasting"]);
    expect(content.families[0]?.handbookUrl).toBeNull();
    expect(content.roles[0]?.expectations).toEqual({ forecasting: 2 });
    expect(content.edges).toEqual([]);
  });

  it("reports YAML syntax errors with their line and keeps what it can read", () => {
    const { content, warnings } = readFrameworkFile(
      "yaml",
      "name: Half\nthemes:\n  - key: craft\n    name: Craft\n  bad: [unclosed\n",
      null,
    );
    expect(FrameworkContent.safeParse(content).success).toBe(true);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings[0]?.line).toBe(5);
  });

  it("reads the example of docs/career-frameworks.md without a warning", () => {
    const page = readFileSync(
      new URL("../../../../docs/career-frameworks.md", import.meta.url),
      "utf8",
    );
    const example = /```yaml\n([\s\S]*?)```/.exec(page)?.[1] ?? "";
    const { content, warnings } = readFrameworkFile("yaml", example, null);
    expect(warnings).toEqual([]);
    expect(content.roles.map((role) => role.expectations)).toEqual([
      { forecasting: 2 },
      { forecasting: 3 },
    ]);
    expect(content.edges).toHaveLength(1);
  });

  it("warns about fields that are not part of a framework, on their line", () => {
    const { warnings } = readFrameworkFile("yaml", "name: X\nowner: someone\n", null);
    expect(warnings).toEqual([expect.objectContaining({ line: 2 })]);
  });

  it("round-trips a framework exactly", () => {
    const original = testFrameworkContent({
      description: "Line one\n\nLine two: with a colon",
      caseDocumentId: "doc-1",
    });
    const { text } = writeFrameworkFile("yaml", original);
    expect(readFrameworkFile("yaml", text, null)).toEqual({ content: original, warnings: [] });
  });

  it("reads the shipped sample framework without a warning", () => {
    const { content, warnings } = readSampleFramework();
    expect(warnings).toEqual([]);
    expect(content.competencies.length).toBeGreaterThanOrEqual(12);
    expect(content.competencies.every((competency) => competency.descriptors.length === 4)).toBe(
      true,
    );
    const competencyCount = content.competencies.length;
    expect(
      content.roles.every((role) => Object.keys(role.expectations).length === competencyCount),
    ).toBe(true);
    expect(new Set(content.edges.map((edge) => edge.kind))).toEqual(
      new Set(["upward", "lateral", "cross-department"]),
    );
  });
});

describe("CSV", () => {
  const header = "role,competency,theme,expected_level,descriptor,family,level,track,department";

  it("reads rows in any column order, warning with the row of each defect", () => {
    const file = [
      header,
      "Analyst,Forecasting,Craft,2,1: Learns; 2: Does; 3: Leads; 4: Teaches,Ops,1,ic,Revenue",
      "Analyst,Tooling,Craft,9,,Ops,1,ic,Revenue",
      ",,,,,,,,",
      "Senior Analyst,Forecasting,Craft,3,,Ops,two,ic,Revenue",
      "Ops Manager,Forecasting,Craft,3,,Ops,2,Manager,Revenue",
    ].join("\r\n");
    const { content, warnings } = readFrameworkFile("csv", file, null);
    expect(FrameworkContent.safeParse(content).success).toBe(true);
    expect(at(warnings)).toEqual([3, 3, 4, 5]);
    expect(content.roles.map((role) => [role.key, role.track, role.expectations])).toEqual([
      ["analyst", "ic", { forecasting: 2 }],
      ["ops-manager", "manager", { forecasting: 3 }],
    ]);
    expect(content.competencies[0]?.descriptors).toEqual(["Learns", "Does", "Leads", "Teaches"]);
  });

  it("names the missing columns of a file without a header", () => {
    const { warnings } = readFrameworkFile("csv", "Analyst,Forecasting\n", null);
    expect(warnings).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringContaining("missing: role") }),
    ]);
  });

  it("round-trips into the framework it came from, and its grid into a new one", () => {
    const original = testFrameworkContent();
    const { text } = writeFrameworkFile("csv", original);
    expect(readFrameworkFile("csv", text, original)).toEqual({ content: original, warnings: [] });
    const fresh = readFrameworkFile("csv", text, null).content;
    expect(
      fresh.roles.map((role) => [role.title, role.level, role.track, role.department]),
    ).toEqual(original.roles.map((role) => [role.title, role.level, role.track, role.department]));
    expect(fresh.competencies.map((c) => [c.name, c.descriptors])).toEqual(
      original.competencies.map((c) => [c.name, c.descriptors]),
    );
    expect(readFrameworkFile("csv", writeFrameworkFile("csv", fresh).text, fresh).content).toEqual(
      fresh,
    );
  });

  it("escapes formula cells on export and reads them back unchanged", () => {
    const original = testFrameworkContent();
    const formula = {
      ...original.competencies[0],
      name: '=HYPERLINK("x")',
    } as (typeof original.competencies)[number];
    const content = { ...original, competencies: [formula, ...original.competencies.slice(1)] };
    const { text } = writeFrameworkFile("csv", content);
    expect(text.startsWith("\ufeff")).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(readFrameworkFile("csv", text, content).content).toEqual(content);
  });

  it("keeps descriptors with colons and semicolons of their own", () => {
    const descriptors = ["Reads: reports", "Builds; tests", "", "4: the last"];
    expect(parseDescriptors(formatDescriptors(descriptors))).toEqual(descriptors);
    const numbered = ["Starts; 2: with help", "Leads; 3: alone;; often", "Owns; 4:", ";"];
    expect(parseDescriptors(formatDescriptors(numbered))).toEqual(numbered);
  });

  it("reads back any descriptors it wrote", () => {
    // Texts made of the characters that matter to the cell: digits, colons, semicolons, spaces.
    const text = fc
      .array(fc.constantFrom("1", "2", "3", ":", ";", " ", "a"), { maxLength: 24 })
      .map((chars) => chars.join("").trim());
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 7 }), (descriptors) => {
        const cell = formatDescriptors(descriptors);
        const expected = descriptors.length === 1 && !cell.trim() ? [] : descriptors;
        expect(parseDescriptors(cell)).toEqual(expected);
      }),
    );
  });

  it("reads a hand-written descriptor cell, single semicolons and all", () => {
    expect(parseDescriptors("1: Learns; asks; 2: Practises; 3: Teaches")).toEqual([
      "Learns; asks",
      "Practises",
      "Teaches",
    ]);
    expect(parseDescriptors("Only one level")).toEqual(["Only one level"]);
  });
});

describe("CASE v1.1", () => {
  const documentId = "6b1a4a4e-0000-4000-8000-000000000001";
  const item = (identifier: string, fullStatement?: string, extra = {}) => ({
    identifier,
    uri: `urn:uuid:${identifier}`,
    fullStatement,
    lastChangeDateTime: now,
    ...extra,
  });
  const childOf = (identifier: string, child: string, parent: string) => ({
    identifier,
    associationType: "isChildOf",
    originNodeURI: { identifier: child, uri: `urn:uuid:${child}`, title: "" },
    destinationNodeURI: { identifier: parent, uri: `urn:uuid:${parent}`, title: "" },
    lastChangeDateTime: now,
  });
  const casePackage = {
    CFDocument: {
      identifier: documentId,
      title: "Imported skills",
      creator: "Someone",
      lastChangeDateTime: now,
    },
    CFItems: [
      item("t1", "Craft"),
      item("c1", "Forecasting"),
      item("c2"),
      item("c3", "Coaching people", { abbreviatedStatement: "Coaching" }),
    ],
    CFAssociations: [
      childOf("a1", "t1", documentId),
      childOf("a2", "c1", "t1"),
      childOf("a3", "c3", "t1"),
      childOf("a4", "ghost", "t1"),
    ],
    CFRubrics: [
      {
        identifier: "r1",
        CFRubricCriteria: [
          {
            identifier: "k1",
            CFItemURI: { identifier: "c1" },
            CFRubricCriterionLevels: [
              { identifier: "l2", score: 2, quality: "Two", description: "Does it" },
              { identifier: "l1", score: 1, quality: "One", description: "Learns it" },
              { identifier: "l3", score: 3, quality: "Three", description: "Teaches it" },
            ],
          },
        ],
      },
    ],
  };

  it("reads items under their themes, with warnings at JSON paths", () => {
    const { content, warnings } = readFrameworkFile("case", JSON.stringify(casePackage), null);
    expect(FrameworkContent.safeParse(content).success).toBe(true);
    expect(at(warnings)).toEqual([
      "$.CFAssociations[3].originNodeURI",
      "$.CFItems[2].fullStatement",
      "$.CFItems[3]",
    ]);
    expect(content.name).toBe("Imported skills");
    expect(content.caseDocumentId).toBe(documentId);
    expect(content.scale.map((point) => point.label)).toEqual(["One", "Two", "Three"]);
    expect(content.themes).toEqual([
      { key: "craft", name: "Craft", description: "", caseId: "t1" },
    ]);
    expect(
      content.competencies.map((c) => [c.key, c.name, c.description, c.descriptors, c.caseId]),
    ).toEqual([
      ["forecasting", "Forecasting", "", ["Learns it", "Does it", "Teaches it"], "c1"],
      ["coaching", "Coaching", "Coaching people", [], "c3"],
    ]);
  });

  it("accepts the package inside a CFPackage wrapper, with paths that say so", () => {
    const { content, warnings } = readFrameworkFile(
      "case",
      JSON.stringify({ CFPackage: casePackage }),
      null,
    );
    expect(content.competencies).toHaveLength(2);
    expect(warnings.map((warning) => warning.path)).toContain(
      "$.CFPackage.CFItems[2].fullStatement",
    );
  });

  it("writes a package that reads back to the same competencies, and keeps roles on re-import", () => {
    const original = testFrameworkContent();
    const { text } = writeFrameworkFile("case", original, { now });
    const written = JSON.parse(text);
    expect(written.CFPackage.CFDocument).toMatchObject({
      title: original.name,
      lastChangeDateTime: now,
      caseVersion: "1.1",
    });
    expect(written.CFPackage.CFItems[0]).toMatchObject({
      CFItemType: "Theme",
      uri: expect.stringMatching(/^urn:uuid:/),
    });
    const fresh = readFrameworkFile("case", text, null);
    expect(fresh.warnings).toEqual([]);
    expect(withoutCaseIds(fresh.content)).toEqual(withoutCaseIds(original));
    const again = readFrameworkFile("case", text, original).content;
    expect(again.roles).toEqual(original.roles);
    expect(again.edges).toEqual(original.edges);
    expect(withoutCaseIds(again)).toEqual(withoutCaseIds(original));
    // Exported twice, the same identifiers: a re-import updates instead of duplicating.
    expect(writeFrameworkFile("case", fresh.content, { now }).text).toBe(
      writeFrameworkFile("case", fresh.content, { now }).text,
    );
    expect(writeFrameworkFile("case", original, { now }).text).toBe(text);
  });

  it("answers a warning for text that is not JSON", () => {
    const { warnings } = readFrameworkFile("case", "{ nope", testFrameworkContent());
    expect(warnings).toEqual([expect.objectContaining({ path: "$" })]);
  });
});
