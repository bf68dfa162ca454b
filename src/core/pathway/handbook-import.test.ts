import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exportHandbookPathway } from "./handbook-export.ts";
import { importHandbookPathway, unreadablePageWarning } from "./handbook-import.ts";
import { PathwayTemplateDraft } from "./pathway.schemas.ts";

const pageUrl = new URL(
  "../../../content/handbook/ic-career-development-pathway.md",
  import.meta.url,
);

function readHandbookPage(): string {
  const path = fileURLToPath(pageUrl);
  if (!existsSync(path)) {
    throw new Error(
      `The handbook page is missing at ${path}: content/handbook holds the pages in the repository`,
    );
  }
  return readFileSync(path, "utf8");
}

function itemsOf(markdown: string) {
  return importHandbookPathway(markdown).template.stages.flatMap((stage) => stage.items);
}

describe("importHandbookPathway on the handbook's IC career development page", () => {
  const page = readHandbookPage();
  const { template, warnings } = importHandbookPathway(page);
  const items = template.stages.flatMap((stage) => stage.items);
  const links = items.flatMap((item) => item.links);

  it("finds every stage with exactly the handbook's items", () => {
    expect(template.stages.map((stage) => [stage.key, stage.items.length])).toEqual([
      [{ kind: "quarter", year: 1, quarter: 1 }, 3],
      [{ kind: "quarter", year: 1, quarter: 2 }, 3],
      [{ kind: "quarter", year: 1, quarter: 3 }, 4],
      [{ kind: "quarter", year: 1, quarter: 4 }, 3],
      [{ kind: "quarter", year: 2, quarter: 1 }, 3],
      [{ kind: "quarter", year: 2, quarter: 2 }, 3],
      [{ kind: "quarter", year: 2, quarter: 3 }, 2],
      [{ kind: "quarter", year: 2, quarter: 4 }, 2],
      [{ kind: "considerations", afterYear: 2 }, 3],
    ]);
    expect(items).toHaveLength(26);
    expect(PathwayTemplateDraft.safeParse(template).success).toBe(true);
  });

  it("reports the two malformed links, with their lines, and nothing else", () => {
    expect(warnings).toEqual([
      {
        line: 25,
        message: expect.stringMatching(/"Product Management" has an empty target/),
      },
      { line: 86, message: expect.stringMatching(/"Elevate" has a stray "\]"/) },
    ]);
  });

  it("keeps each link's text and makes its target absolute", () => {
    expect(links).toContainEqual({
      text: "Individual Growth Plan (IGP)",
      url: "https://handbook.gitlab.com/handbook/people-group/learning-and-development/career-development/#tracking-your-career-development",
    });
    expect(links).toContainEqual({
      text: "Product Management",
      url: "https://gitlab.edcast.com/channel/gitlab-product-team-learning-hub",
    });
    expect(links).toContainEqual({
      text: "Elevate",
      url: "https://handbook.gitlab.com/handbook/people-group/learning-and-development/elevate/",
    });
    expect(links).toContainEqual({
      text: "CoS Shadow",
      url: "https://about.gitlab.com/handbook/ceo/chief-of-staff-team/#chief-of-staff-shadow",
    });
    expect(links).toHaveLength(40);
    for (const link of links) expect(link.url).toMatch(/^https:\/\/[a-z.]+\.com\//);
    for (const item of items) expect(item.description).not.toMatch(/\]\((?!https:\/\/)/);
  });

  it("repairs the malformed links in the descriptions", () => {
    const hubs = items[2]?.description ?? "";
    expect(hubs).toContain(
      "[Product Management](https://gitlab.edcast.com/channel/gitlab-product-team-learning-hub), [Finance]",
    );
    expect(items[24]?.description).toBe(
      "Participate in [Elevate](https://handbook.gitlab.com/handbook/people-group/learning-and-development/elevate/) if you are an aspiring manager",
    );
  });

  it("keeps the page's wording, typos included", () => {
    const text = items.map((item) => item.description).join("\n");
    expect(text).toContain("Exisitng learning hubs include:");
    expect(text).toContain("If there are no available licneses");
    expect(text).toContain("certification programts utilizing");
  });

  it("derives titles, kinds and audience notes", () => {
    expect(items.slice(0, 3).map(({ title, kind }) => ({ title, kind }))).toEqual([
      { title: "Complete the GitLab Team Member Certification", kind: "certification" },
      {
        title: "Start tracking career development goals using an Individual Growth Plan (IGP)",
        kind: "growth_plan",
      },
      {
        title: "Find and follow your division's Learning Hub on GitLab Learn",
        kind: "learning_hub",
      },
    ]);
    expect(items.map((item) => item.kind)).toEqual([
      ...["certification", "growth_plan", "learning_hub"],
      ...["other", "course", "live_learning"],
      ...["live_learning", "live_learning", "course", "group_conversation"],
      ...["mentorship", "course", "group_conversation"],
      ...["benefit", "live_learning", "group_conversation"],
      ...["growth_plan", "course", "group_conversation"],
      ...["mentorship", "course"],
      ...["shadow_program", "group_conversation"],
      ...["benefit", "other", "shadow_program"],
    ]);
    expect(items.filter((item) => item.audienceNote !== null)).toEqual([
      expect.objectContaining({
        title: "Participate in Elevate if you are an aspiring manager",
        audienceNote: "if you are an aspiring manager",
      }),
    ]);
    for (const item of items) expect(item.title.length).toBeLessThanOrEqual(120);
  });

  it("takes name, description and audience from the front matter and the intro", () => {
    expect(template.name).toBe("Career Development for Individual Contributors at GitLab");
    expect(template.audience).toBe("Individual Contributors");
    expect(template.description).toMatch(
      /^Suggested career development pathway for individual contributors at GitLab\n\nThis page is meant to act as a map/,
    );
    expect(template.description).not.toMatch(/On this page|\{:toc/);
  });

  it("resolves root-relative links against a configured base URL", () => {
    const mirrored = importHandbookPathway(page, { baseUrl: "https://wiki.example.org/gitlab/" });
    const mirroredLinks = mirrored.template.stages.flatMap((stage) =>
      stage.items.flatMap((item) => item.links),
    );
    expect(mirroredLinks).toContainEqual({
      text: "Elevate",
      url: "https://wiki.example.org/gitlab/handbook/people-group/learning-and-development/elevate/",
    });
    expect(mirroredLinks).toContainEqual({
      text: "Product Management",
      url: "https://gitlab.edcast.com/channel/gitlab-product-team-learning-hub",
    });
  });

  it("gives the same template back when its export is imported", () => {
    const exported = exportHandbookPathway(template);
    const again = importHandbookPathway(exported);
    expect(again.template).toEqual(template);
    expect(again.warnings).toEqual([]);
  });
});

describe("importHandbookPathway on defective pages", () => {
  const page = (...lines: string[]) => ["---", "title: Test pathway", "---", ...lines].join("\n");

  it("warns about a missing quarter and an empty stage", () => {
    const result = importHandbookPathway(
      page("## Year 1", "### Q1", "1. One", "### Q2", "### Q4", "1. Four"),
    );
    expect(result.template.stages.map((stage) => stage.items.length)).toEqual([1, 0, 1]);
    expect(result.warnings).toEqual([
      { line: 4, message: "Year 1 has no Q3" },
      { line: 7, message: "Year 1, Q2 has no items" },
    ]);
  });

  it("warns about items outside any stage and under a year without a quarter", () => {
    const result = importHandbookPathway(
      page("1. Before any stage", "## Year 1", "1. Under the year", "### Q1", "1. Kept"),
    );
    expect(result.template.stages[0]?.items.map((item) => item.title)).toEqual(["Kept"]);
    expect(result.warnings).toEqual([
      { line: 4, message: expect.stringMatching(/not under a stage heading/) },
      { line: 5, message: "Year 1 has no Q2" },
      { line: 5, message: "Year 1 has no Q3" },
      { line: 5, message: "Year 1 has no Q4" },
      { line: 6, message: expect.stringMatching(/under Year 1 but not under a quarter/) },
    ]);
  });

  it("warns about headings that look like stages but are not", () => {
    const result = importHandbookPathway(
      page("## Year 1", "### Q1", "1. One", "### Q5", "1. Lost", "## Year Two", "#Year 3"),
    );
    const lines = result.warnings.map((warning) => warning.line);
    expect(lines).toEqual(expect.arrayContaining([7, 8, 9, 10]));
    expect(result.warnings.find((warning) => warning.line === 7)?.message).toMatch(
      /"Q5" looks like a stage/,
    );
    expect(result.warnings.find((warning) => warning.line === 10)?.message).toMatch(
      /space after the "#"/,
    );
    expect(result.template.stages.flatMap((stage) => stage.items)).toHaveLength(1);
  });

  it("merges a repeated stage and sorts stages into tenure order", () => {
    const result = importHandbookPathway(
      page(
        "## Year 2",
        "### Q1",
        "1. Later",
        "## Year 1",
        "### Q1",
        "1. First",
        "## Year 1",
        "### Q1",
        "1. Again",
      ),
    );
    expect(result.template.stages.map((stage) => stage.items.map((item) => item.title))).toEqual([
      ["First", "Again"],
      ["Later"],
    ]);
    expect(result.warnings.map((warning) => warning.message)).toEqual(
      expect.arrayContaining([
        "Year 1, Q1 comes after Year 2, Q1; stages are listed in tenure order",
        "Year 1, Q1 appears again (first on line 8); its items are added to the first",
      ]),
    );
  });

  it("places considerations after the last scheduled year", () => {
    const result = importHandbookPathway(
      page("## Year 1", "### Q1", "1. One", "## Year 5 Considerations", "1. Later on"),
    );
    expect(result.template.stages.at(-1)?.key).toEqual({ kind: "considerations", afterYear: 1 });
    expect(result.warnings).toContainEqual({
      line: 7,
      message: expect.stringMatching(/read as Year 2 Considerations/),
    });
  });

  it("drops links it cannot make safe and keeps their text", () => {
    const [item] = itemsOf(
      page("## Year 1", "### Q1", "1. See [a script](javascript:alert(1)) and [nothing]() here"),
    );
    expect(item?.description).toBe("See a script and nothing here");
    expect(item?.links).toEqual([]);
  });

  it("reads numbered items that span lines, nested lists and lazy continuations", () => {
    const [first, second] = itemsOf(
      page(
        "## Year 1",
        "### Q1",
        "1. Read the [guide](/handbook/guide)",
        "and take notes.",
        "",
        "   - one [sub-step](https://example.com/sub)",
        "   - another",
        "2. Next",
      ),
    );
    expect(first?.description).toBe(
      "Read the [guide](https://handbook.gitlab.com/handbook/guide)\nand take notes.\n\n- one [sub-step](https://example.com/sub)\n- another",
    );
    expect(first?.links.map((link) => link.text)).toEqual(["guide", "sub-step"]);
    expect(second?.title).toBe("Next");
  });

  it("counts lines the same way for CRLF pages", () => {
    const result = importHandbookPathway(
      page("## Year 1", "### Q1", "1. [Broken]](/x)").replace(/\n/g, "\r\n"),
    );
    expect(result.warnings).toEqual(
      [
        { line: 6, message: expect.stringMatching(/stray/) },
        { line: 4, message: "Year 1 has no Q2" },
        { line: 4, message: "Year 1 has no Q3" },
        { line: 4, message: "Year 1 has no Q4" },
      ].sort((a, b) => a.line - b.line),
    );
  });

  it("names an untitled page and says so", () => {
    const result = importHandbookPathway("## Year 1\n### Q1\n1. Something");
    expect(result.template.name).toBe("Imported pathway");
    expect(result.warnings).toContainEqual({ line: 1, message: expect.stringMatching(/no title/) });
  });

  it("reads a page without front matter, taking the first heading as its name", () => {
    const result = importHandbookPathway(
      "# Pathway for Engineers\n\nIntro.\n\n## Year 1 Q1\n1. Go",
    );
    expect(result.template).toMatchObject({
      name: "Pathway for Engineers",
      audience: "Engineers",
      description: "Intro.",
    });
    expect(result.template.stages[0]?.key).toEqual({ kind: "quarter", year: 1, quarter: 1 });
  });

  it("warns about an unclosed front matter and an invalid base URL", () => {
    const result = importHandbookPathway("---\ntitle: x\n## Year 1\n### Q1\n1. a", {
      baseUrl: "ftp://nope",
    });
    expect(result.warnings.map((warning) => warning.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/front matter is not closed/),
        expect.stringMatching(/base URL "ftp:\/\/nope" is not an http\(s\) address/),
      ]),
    );
  });

  it("caps the warnings of a hostile page and says how many are left out", () => {
    const result = importHandbookPathway("1. stray\n".repeat(600));
    expect(result.warnings).toHaveLength(501);
    expect(result.warnings.at(-1)).toEqual({ line: 1, message: "102 more warnings are not shown" });
  });

  it("warns, with its line, about a stray bracket after a link", () => {
    const result = importHandbookPathway(
      page("## Year 1", "### Q1", "1. Read", "   [the guide](/handbook/guide)] first"),
    );
    expect(result.template.stages[0]?.items[0]?.description).toBe(
      "Read\n[the guide](https://handbook.gitlab.com/handbook/guide) first",
    );
    expect(result.warnings).toContainEqual({
      line: 7,
      message: 'Link "the guide" is followed by a stray "]"; it is removed',
    });
  });

  it("ignores an invalid item settings comment with a warning", () => {
    const result = importHandbookPathway(
      page("## Year 1", "### Q1", "1. Take a course", '   <!-- trellis: {"kind":"nope"} -->'),
    );
    expect(result.template.stages[0]?.items[0]?.kind).toBe("course");
    expect(result.warnings).toContainEqual({
      line: 7,
      message: expect.stringMatching(/invalid values/),
    });
  });
});

// ── Fuzzing: any text imports without throwing into a valid, stable template ────────────────

function checkImport(markdown: string, baseUrl?: string): void {
  const result = importHandbookPathway(markdown, baseUrl === undefined ? {} : { baseUrl });
  expect(PathwayTemplateDraft.safeParse(result.template).error).toBeUndefined();
  expect(result.warnings.map((warning) => warning.message)).not.toContain(unreadablePageWarning);
  const lineCount = markdown.split(/\r\n|\r|\n/).length;
  for (const warning of result.warnings) {
    expect(warning.line).toBeGreaterThanOrEqual(1);
    expect(warning.line).toBeLessThanOrEqual(lineCount);
  }
  const again = importHandbookPathway(exportHandbookPathway(result.template));
  expect(again.template).toEqual(result.template);
}

const markdownCharacters = fc.constantFrom(
  ..."[]()#1.-*` \\\n\r\t<>!{}:/Yearsonid QhtpC'\"~_".split(""),
  "Year ",
  "### Q",
  "## ",
  "https://",
  "](",
  "]()",
  "]](",
  "<!-- trellis: ",
  "-->",
  "---\n",
);

const inlineText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: markdownCharacters, maxLength: 12 }),
);
const target = fc.oneof(
  fc.constantFrom(
    "",
    "/handbook/x/",
    "https://example.com/a_(b)",
    "//cdn.example.com/x",
    "mailto:a@example.com",
    "javascript:alert(1)",
    "<with space>",
    "#anchor",
    "../up",
    "http://[bad",
    'https://example.com "Title"',
  ),
  fc.string({ unit: markdownCharacters, maxLength: 10 }),
);
const inline = fc.oneof(
  inlineText,
  fc.tuple(inlineText, target).map(([text, url]) => `[${text}](${url})`),
  fc.tuple(inlineText, target).map(([text, url]) => `[${text}]](${url})`),
  inlineText.map((text) => `[${text}https://example.com/glued]()`),
  fc.constantFrom(
    "`code [x]()`",
    "\\[not a link\\](/x)",
    "![image](/img.png)",
    "**bold**",
    "[[a]](/b)",
  ),
  fc.json().map((json) => `<!-- trellis: ${json} -->`),
);
const inlineLine = fc.array(inline, { maxLength: 5 }).map((parts) => parts.join(""));
const headingText = fc.oneof(
  fc.constantFrom(
    "Year 1",
    "Year 2",
    "Year 0",
    "Year 99",
    "Q1",
    "Q2",
    "Q4",
    "Q5",
    "Quarter 3",
    "Year 1 Q2",
    "Year 3 Considerations",
    "Considerations",
    "On this page",
    "Year one",
    "Title",
  ),
  inlineLine,
);
const markdownLine = fc.oneof(
  inlineLine,
  fc
    .tuple(fc.integer({ min: 1, max: 7 }), fc.constantFrom(" ", "", "  "), headingText)
    .map(([level, space, text]) => `${"#".repeat(level)}${space}${text}`),
  fc
    .tuple(fc.constantFrom("1. ", "2) ", "- ", "* ", "   ", "  - ", "\t", "10. ", "1."), inlineLine)
    .map(([marker, text]) => marker + text),
  fc.constantFrom(
    "",
    "",
    "---",
    "```",
    "~~~",
    "***",
    "{:toc}",
    "- TOC",
    "title: Fuzz",
    'description: "a\\nb"',
  ),
);
const itemBlock = fc
  .tuple(
    fc.constantFrom("1. ", "1) ", "- ", "7. "),
    inlineLine,
    fc.array(
      fc.oneof(
        fc.constant(""),
        inlineLine.map((text) => `   ${text}`),
        markdownLine.map((text) => `   ${text}`),
        inlineLine,
      ),
      { maxLength: 3 },
    ),
  )
  .map(([marker, first, rest]) => [marker + first, ...rest]);
const stageBlock = fc
  .tuple(
    fc.integer({ min: 0, max: 3 }),
    fc.integer({ min: 0, max: 5 }),
    fc.array(itemBlock, { maxLength: 4 }),
  )
  .map(([year, quarter, items]) => [
    `## Year ${year}`,
    "",
    `### Q${quarter}`,
    "",
    ...items.flat(),
    "",
  ]);
const considerationsBlock = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.array(itemBlock, { maxLength: 3 }))
  .map(([year, items]) => [`## Year ${year} Considerations`, ...items.flat()]);
const markdownPage = fc
  .tuple(
    fc.boolean(),
    fc.array(
      fc.oneof(
        { weight: 3, arbitrary: stageBlock },
        { weight: 1, arbitrary: considerationsBlock },
        { weight: 2, arbitrary: fc.array(markdownLine, { maxLength: 6 }) },
      ),
      { maxLength: 8 },
    ),
    fc.constantFrom("\n", "\r\n", "\r"),
  )
  .map(([frontMatter, blocks, newline]) => {
    const lines = blocks.flat();
    return (frontMatter ? ["---", "title: Fuzzed", "audience: all", "---", ...lines] : lines).join(
      newline,
    );
  });

describe("importHandbookPathway on arbitrary text", () => {
  it("never throws on random strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => checkImport(text)),
      { numRuns: 1_000 },
    );
  });

  it("never throws on random strings of Markdown syntax", () => {
    fc.assert(
      fc.property(fc.string({ unit: markdownCharacters, maxLength: 400 }), (text) =>
        checkImport(text),
      ),
      { numRuns: 1_500 },
    );
  });

  // Thousands of generated pages: seconds on a quiet machine, more on a busy one.
  it("never throws on random Markdown pages, whatever the base URL", { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(
        markdownPage,
        fc.option(fc.constantFrom("https://wiki.example.org/base/", "not a url", "http://h"), {
          nil: undefined,
        }),
        (markdown, baseUrl) => checkImport(markdown, baseUrl),
      ),
      { numRuns: 2_000 },
    );
  });

  it("generates pages that exercise stages, items, repairs and warnings", () => {
    const pages = fc.sample(markdownPage, { numRuns: 500, seed: 42 });
    const results = pages.map((markdown) => importHandbookPathway(markdown));
    const items = results.flatMap((result) =>
      result.template.stages.flatMap((stage) => stage.items),
    );
    const messages = results.flatMap((result) => result.warnings.map((warning) => warning.message));
    expect(items.length).toBeGreaterThan(100);
    expect(items.some((item) => item.links.length > 0)).toBe(true);
    expect(messages.some((message) => /stray "\]"/.test(message))).toBe(true);
    expect(messages.some((message) => /empty target/.test(message))).toBe(true);
    expect(messages.some((message) => /looks like a stage/.test(message))).toBe(true);
  });

  it("handles very long and deeply bracketed input in reasonable time", () => {
    const started = performance.now();
    checkImport(`## Year 1\n### Q1\n1. ${"[".repeat(9_000)}${"](".repeat(400)}`);
    checkImport(`## Year 1\n### Q1\n1. ${"`a".repeat(4_000)}`);
    checkImport(`## Year 1\n### Q1\n${"1. [x](/y)\n".repeat(150)}`);
    checkImport("x".repeat(200_000));
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
