import { describe, expect, it } from "vitest";
import { importHandbookPathway } from "#core/pathway/handbook-import.ts";
import { personCsvColumns } from "#core/people-import.schemas.ts";
import { maximalHandbookPage, maximalPeopleCsv } from "./documents.ts";
import { textShapes } from "./max-values.ts";

const megabyte = 1024 * 1024;

describe("a maximal handbook page", () => {
  it.each(textShapes)("in %s text fills the byte budget and imports item by item", (shape) => {
    const page = maximalHandbookPage(shape, megabyte - 2_048);
    const bodyBytes = Buffer.byteLength(JSON.stringify({ markdown: page }));
    expect(bodyBytes).toBeLessThanOrEqual(megabyte - 2_048 + 20);
    expect(bodyBytes).toBeGreaterThan(megabyte - 2_048 - 3_000);
    const { template } = importHandbookPathway(page);
    const items = template.stages.flatMap((stage) => stage.items);
    expect(template.stages.length).toBeGreaterThan(1);
    expect(items.length).toBe(page.split("\n").filter((line) => line.startsWith("1. ")).length);
  });
});

describe("a maximal people CSV", () => {
  it.each(textShapes)(
    "in %s text has every column, unique addresses and fits the budget",
    (shape) => {
      const csv = maximalPeopleCsv(shape, 200_000, "t", "root@example.com");
      expect(Buffer.byteLength(csv)).toBeLessThanOrEqual(200_000);
      const [header, ...rows] = csv.trimEnd().split("\n");
      expect(header?.split(",")).toEqual([...personCsvColumns]);
      expect(rows.length).toBeGreaterThan(shape === "cjk" ? 40 : 100);
      const emails = rows.map((row) => row.split(",")[0] ?? "");
      expect(new Set(emails).size).toBe(rows.length);
      for (const email of emails) expect(email).toHaveLength(254);
      // A reporting tree: the first row reports to the root, every other to an earlier row.
      expect(rows[0]?.split(",")[7]).toBe("root@example.com");
      expect(emails.slice(0, 9)).toContain(rows[9]?.split(",")[7]);
    },
  );
});
