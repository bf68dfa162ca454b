import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exportHandbookPathway } from "./handbook-export.ts";
import { importHandbookPathway } from "./handbook-import.ts";
import {
  PathwayAudienceNote,
  type PathwayItemDraft,
  PathwayItemTitle,
  type PathwayStage,
  type PathwayStageKey,
  PathwayTemplateDraft,
  pathwayItemKinds,
  pathwayLimits,
} from "./pathway.schemas.ts";
import { inferItemDetails } from "./pathway-items.ts";
import { normalizeMarkdown } from "./pathway-markdown.ts";
import { arrangePathwayStages } from "./pathway-stages.ts";

// ── Arbitraries that produce exactly what the schemas accept ────────────────────────────────

const anyText = fc.string({ unit: "grapheme", maxLength: 30 });

/** Strings the given single-line schema accepts, in the form it returns them. */
function singleLine(schema: typeof PathwayItemTitle) {
  return anyText
    .map((text) => schema.safeParse(text))
    .filter((result) => result.success)
    .map((result) => result.data ?? "");
}

const absoluteUrl = fc.constantFrom(
  "https://handbook.gitlab.com/handbook/people-group/",
  "https://example.com/a_(b)?q=1#x",
  "http://example.org",
  "mailto:someone@example.com",
);
const word = fc.oneof(
  fc.stringMatching(/^[A-Za-z]{1,10}$/),
  fc.constantFrom(
    "course",
    "mentor",
    "IGP",
    "if you are an aspiring manager",
    "e.g.",
    "café",
    "😀",
  ),
  fc.constantFrom("a\u2028b", "no\u00a0break", "tab\there", "-->", "<b>", "#", "1)"),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }),
);
const words = fc.array(word, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(" "));
const inlineMarkdown = fc.oneof(
  words,
  words.map((text) => `**${text}**`),
  words.map((text) => `_${text}_`),
  words.map((text) => `\`${text} [x]()\``),
  fc.tuple(words, absoluteUrl).map(([text, url]) => `[${text}](${url})`),
  fc.tuple(words, absoluteUrl).map(([text, url]) => `![${text}](${url} "A title")`),
  fc.constantFrom("\\[escaped\\]", "a.", "Really?", "x: y", "<!-- note -->"),
);
const markdownLine = fc.oneof(
  fc.array(inlineMarkdown, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(" ")),
  fc.constantFrom(
    "",
    "- a bullet",
    "1. a number",
    "## Year 2",
    "### Q1",
    "---",
    "```",
    "> quoted",
    "\tindented",
    "    code",
    "Year 1 Considerations",
    '<!-- trellis: {"kind":"course"} -->',
  ),
);
/** Any Markdown, normalized the way every stored description is. */
const markdown = (max: number) =>
  fc
    .array(markdownLine, { maxLength: 6 })
    .map((lines) => normalizeMarkdown(lines.join("\n")).markdown)
    .filter((text) => text.length <= max);

const itemDraft = fc
  .record({
    description: markdown(pathwayLimits.itemDescription).filter((text) => text !== ""),
    title: fc.option(singleLine(PathwayItemTitle)),
    kind: fc.option(fc.constantFrom(...pathwayItemKinds)),
    audienceNote: fc.option(fc.option(singleLine(PathwayItemTitle)), { nil: undefined }),
  })
  .map(({ description, title, kind, audienceNote }): PathwayItemDraft => {
    const inferred = inferItemDetails(description);
    return {
      title: title ?? inferred.title,
      description,
      kind: kind ?? inferred.kind,
      audienceNote:
        audienceNote === undefined
          ? inferred.audienceNote
          : PathwayAudienceNote.parse(audienceNote),
      links: normalizeMarkdown(description).links,
    };
  });

const quarterKey = fc.record({
  kind: fc.constant("quarter" as const),
  year: fc.integer({ min: 1, max: 4 }),
  quarter: fc.integer({ min: 1, max: 4 }),
});
const stages = fc
  .tuple(
    fc.uniqueArray(quarterKey, {
      maxLength: 6,
      selector: (key) => `${key.year}-${key.quarter}`,
    }),
    fc.option(fc.integer({ min: 0, max: 5 })),
    fc.array(fc.array(itemDraft, { maxLength: 3 }), { minLength: 7, maxLength: 7 }),
  )
  .map(([quarters, considerations, items]): PathwayStage[] => {
    const keys: PathwayStageKey[] = [...quarters];
    if (considerations !== null) keys.push({ kind: "considerations", afterYear: considerations });
    return arrangePathwayStages(keys.map((key, index) => ({ key, items: items[index] ?? [] })));
  });

const template = fc
  .record({
    name: singleLine(PathwayItemTitle),
    description: markdown(pathwayLimits.templateDescription),
    audience: fc.oneof(fc.constant(""), singleLine(PathwayItemTitle)),
    stages,
  })
  .map((draft) => PathwayTemplateDraft.parse(draft));

describe("exportHandbookPathway", () => {
  it("writes the handbook's shape", () => {
    const exported = exportHandbookPathway({
      name: "Pathway: ICs",
      description: "For *everyone*.",
      audience: "Individual Contributors",
      stages: [
        {
          key: { kind: "quarter", year: 1, quarter: 1 },
          items: [
            {
              title: "Take a course",
              description: "Take a course.\n\n- on [LinkedIn Learning](https://example.com/ll)",
              kind: "course",
              audienceNote: null,
              links: [{ text: "LinkedIn Learning", url: "https://example.com/ll" }],
            },
            {
              title: "Meet your mentor",
              description: "Meet your mentor",
              kind: "other",
              audienceNote: null,
              links: [],
            },
          ],
        },
        { key: { kind: "quarter", year: 1, quarter: 2 }, items: [] },
        { key: { kind: "considerations", afterYear: 1 }, items: [] },
      ],
    });
    expect(exported).toBe(
      [
        "---",
        'title: "Pathway: ICs"',
        'description: "For *everyone*."',
        "audience: Individual Contributors",
        "---",
        "",
        "## Year 1",
        "",
        "### Q1",
        "",
        "1. Take a course.",
        "",
        "   - on [LinkedIn Learning](https://example.com/ll)",
        "1. Meet your mentor",
        '   <!-- trellis: {"kind":"other"} -->',
        "",
        "### Q2",
        "",
        "## Year 2 Considerations",
        "",
      ].join("\n"),
    );
  });

  it("writes links under a base URL as root-relative handbook links", () => {
    const page = exportHandbookPathway(
      {
        name: "P",
        description: "",
        audience: "",
        stages: [
          {
            key: { kind: "quarter", year: 1, quarter: 1 },
            items: [
              {
                title: "Read",
                description:
                  "Read [this](https://handbook.gitlab.com/handbook/x/) and [that](https://handbook.gitlab.com//evil.example)",
                kind: "other",
                audienceNote: null,
                links: [
                  { text: "this", url: "https://handbook.gitlab.com/handbook/x/" },
                  { text: "that", url: "https://handbook.gitlab.com//evil.example" },
                ],
              },
            ],
          },
        ],
      },
      { baseUrl: "https://handbook.gitlab.com" },
    );
    expect(page).toContain(
      "1. Read [this](/handbook/x/) and [that](https://handbook.gitlab.com//evil.example)",
    );
  });

  // Thousands of generated pages: seconds on a quiet machine, more on a busy one.
  it("round-trips any valid template through Markdown", { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(template, (draft) => {
        const back = importHandbookPathway(exportHandbookPathway(draft)).template;
        expect(back).toEqual(draft);
      }),
      { numRuns: 1_000 },
    );
  });

  it("round-trips with root-relative links when both sides use the same base URL", () => {
    const baseUrl = "https://handbook.gitlab.com";
    fc.assert(
      fc.property(template, (draft) => {
        const page = exportHandbookPathway(draft, { baseUrl });
        expect(importHandbookPathway(page, { baseUrl }).template).toEqual(draft);
      }),
      { numRuns: 300 },
    );
  });

  it("generates templates with Markdown descriptions, links and edited fields", () => {
    const drafts = fc.sample(template, { numRuns: 200, seed: 7 });
    const items = drafts.flatMap((draft) => draft.stages.flatMap((stage) => stage.items));
    const edited = items.filter((item) => {
      const inferred = inferItemDetails(item.description);
      return item.title !== inferred.title || item.kind !== inferred.kind;
    });
    expect(items.filter((item) => item.description.includes("\n")).length).toBeGreaterThan(20);
    expect(items.filter((item) => item.links.length > 0).length).toBeGreaterThan(20);
    expect(edited.length).toBeGreaterThan(20);
  });
});
