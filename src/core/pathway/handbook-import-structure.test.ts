import { describe, expect, it } from "vitest";
import { exportHandbookPathway } from "./handbook-export.ts";
import { importHandbookPathway } from "./handbook-import.ts";

const page = (...lines: string[]) => ["---", "title: Test pathway", "---", ...lines].join("\n");
const stageKeys = (markdown: string) =>
  importHandbookPathway(markdown).template.stages.map((stage) => stage.key);

// The page structure is what the CommonMark parser reads, as the renderer shows it.
describe("importHandbookPathway reads the page as the renderer does", () => {
  it("keeps a fenced code block holding a stage heading inside its item", () => {
    const result = importHandbookPathway(
      page("## Year 1", "### Q1", "1. Write:", "", "   ```", "   ## Year 2", "   ```", "2. Next"),
    );
    expect(result.template.stages.map((stage) => stage.key)).toEqual([
      { kind: "quarter", year: 1, quarter: 1 },
    ]);
    expect(result.template.stages[0]?.items.map((item) => item.description)).toEqual([
      "Write:\n\n```\n## Year 2\n```",
      "Next",
    ]);
  });

  it("does not start a stage from a heading inside an HTML comment", () => {
    const markdown = page(
      "## Year 1",
      "### Q1",
      "1. One",
      "",
      "<!--",
      "## Year 2",
      "### Q1",
      "-->",
    );
    expect(stageKeys(markdown)).toEqual([{ kind: "quarter", year: 1, quarter: 1 }]);
  });

  it("does not take a line with a backtick in its info string for a code fence", () => {
    const markdown = page(
      "## Year 1",
      "### Q1",
      "1. One",
      "``` not`a fence",
      "## Year 2",
      "### Q1",
      "1. Two",
    );
    const result = importHandbookPathway(markdown);
    expect(
      result.template.stages.map((stage) => stage.items.map((item) => item.description)),
    ).toEqual([["One\n``` not`a fence"], ["Two"]]);
  });

  it("keeps a lazy continuation line in its item", () => {
    const result = importHandbookPathway(
      page("## Year 1", "### Q1", "1. Tag your notes", "#learning"),
    );
    expect(result.template.stages[0]?.items[0]?.description).toBe("Tag your notes\n#learning");
    expect(result.warnings.map((warning) => warning.message)).not.toContain(
      "Text outside a numbered item is not imported",
    );
  });

  it("reads a line indented less than its item's text as outside the item", () => {
    const result = importHandbookPathway(
      page("## Year 1", "### Q1", "1. One", "", "  ## Year 2", "### Q2", "1. Two"),
    );
    expect(result.template.stages.map((stage) => stage.key)).toEqual([
      { kind: "quarter", year: 1, quarter: 1 },
      { kind: "quarter", year: 2, quarter: 2 },
    ]);
    expect(result.template.stages[0]?.items[0]?.description).toBe("One");
  });

  it("keeps an item's Markdown as written, under a wide list marker", () => {
    const result = importHandbookPathway(
      page(
        "## Year 1",
        "### Q1",
        "10.  Read [the guide](https://example.com/g)",
        "",
        "     - first",
        "     - second",
      ),
    );
    expect(result.template.stages[0]?.items[0]?.description).toBe(
      "Read [the guide](https://example.com/g)\n\n- first\n- second",
    );
  });

  it("gives the same template back for an item that ends in an open code block", () => {
    const result = importHandbookPathway(
      page(
        "## Year 1",
        "### Q1",
        "1. Run",
        "   ```",
        "   make test",
        '   <!-- trellis: {"kind":"course"} -->',
      ),
    );
    const item = result.template.stages[0]?.items[0];
    expect(item).toMatchObject({ description: "Run\n```\nmake test", kind: "course" });
    expect(importHandbookPathway(exportHandbookPathway(result.template)).template).toEqual(
      result.template,
    );
  });
});
