import { PathwayItemDraft, type PathwayItemKind, pathwayLimits } from "./pathway.schemas.ts";
import { normalizeMarkdown } from "./pathway-markdown.ts";
import { plainText } from "./pathway-text.ts";

/** What the importer reads from an item's description when nothing else says otherwise. */
export type InferredItemDetails = {
  title: string;
  kind: PathwayItemKind;
  audienceNote: string | null;
};

const titleLength = 120;
// Inference reads the beginning only: it is enough for real items and bounds the work on
// pathological input.
const inferenceWindow = 2_000;

const careerConversationWords = /\bcareer (?:development )?conversations?\b/;

/** First match wins, so the more specific activities come before the generic words. */
const kindKeywords: readonly [PathwayItemKind, RegExp][] = [
  ["growth_plan", /\bigps?\b|\bgrowth plans?\b/],
  ["career_conversation", careerConversationWords],
  ["learning_hub", /\blearning hubs?\b/],
  ["course", /\blinkedin learning\b|\bcourses?\b/],
  ["live_learning", /\blive learning\b/],
  ["group_conversation", /\bgroup conversations?\b/],
  ["mentorship", /\bmentor|\bmentee/],
  ["shadow_program", /\bshadow/],
  ["benefit", /\bgrowth (?:and|&) development benefit|\bbenefits?\b/],
  ["certification", /\bcertifi(?:cation|cate|ed)/],
];

// "If you are an aspiring manager" names an audience; "once you have your IGP" is only timing.
const audiencePhrase =
  /\b(?:(?:if|when) you(?:['’]re| are)|if you (?:want|plan|aim|hope|would like) to)\b[^.,;:!?()\n]{0,200}/i;

const abbreviations = /\b(?:e\.g|i\.e|etc|vs|incl|approx|cf)$/i;

export function inferItemKind(description: string): PathwayItemKind {
  const text = plainText(description.slice(0, inferenceWindow)).toLowerCase();
  return kindKeywords.find(([, keywords]) => keywords.test(text))?.[0] ?? "other";
}

/**
 * True when an item's text asks for a career conversation, whatever its kind: the shipped
 * pathway's "start your IGP … then have a Career Development Conversation" is a growth-plan item
 * that only a held conversation completes.
 */
export function asksForCareerConversation(description: string): boolean {
  return careerConversationWords.test(
    plainText(description.slice(0, inferenceWindow)).toLowerCase(),
  );
}

/** "if you are an aspiring manager" and the like, as written. */
export function inferAudienceNote(description: string): string | null {
  const match = audiencePhrase.exec(plainText(description.slice(0, inferenceWindow)));
  if (!match) return null;
  const note = shorten(match[0].replace(/[\s,\-–—]+$/, ""), pathwayLimits.audienceNote);
  return note === "" ? null : note;
}

/** The first sentence of the first paragraph, as plain text, cut to a readable length. */
export function deriveItemTitle(description: string): string {
  const firstParagraph = description.slice(0, inferenceWindow).split(/\n[ \t]*\n/, 1)[0] ?? "";
  const text = plainText(firstParagraph);
  const title = shorten(
    firstSentence(text)
      .replace(/[.:;,]+$/, "")
      .trim(),
    titleLength,
  );
  return title === "" ? "Untitled item" : title;
}

export function inferItemDetails(description: string): InferredItemDetails {
  return {
    title: deriveItemTitle(description),
    kind: inferItemKind(description),
    audienceNote: inferAudienceNote(description),
  };
}

function firstSentence(text: string): string {
  for (const match of text.matchAll(/[.!?](?=\s|$)/g)) {
    const before = text.slice(0, match.index);
    if (!abbreviations.test(before)) return text.slice(0, match.index + 1);
  }
  return text;
}

/** Cuts at a clause or word boundary and marks the cut with an ellipsis. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const clause = Math.max(head.lastIndexOf(", "), head.lastIndexOf("; "));
  const word = head.lastIndexOf(" ");
  const cut = clause >= max / 3 ? clause : word >= max / 3 ? word : head.length;
  return `${head.slice(0, cut).trimEnd()}…`;
}

export type PathwayItemInput = {
  description: string;
  /** Omitted: derived from the description; likewise for kind and audienceNote. */
  title?: string;
  kind?: PathwayItemKind;
  audienceNote?: string | null;
};

export type BuiltPathwayItem =
  | { ok: true; item: PathwayItemDraft; problems: string[] }
  | { ok: false; problems: string[] };

/**
 * The one way to turn edited or imported text into a valid item: normalizes the description
 * (links repaired and made absolute against `baseUrl`), derives `links`, and fills in what the
 * input leaves out. `problems` lists what was repaired, or why the item cannot be built.
 */
export function buildPathwayItem(
  input: PathwayItemInput,
  options: { baseUrl?: string } = {},
): BuiltPathwayItem {
  const normalized = normalizeMarkdown(input.description, options.baseUrl);
  const problems = normalized.problems.map((problem) => problem.message);
  const inferred = inferItemDetails(normalized.markdown);
  const parsed = PathwayItemDraft.safeParse({
    title: input.title ?? inferred.title,
    description: normalized.markdown,
    kind: input.kind ?? inferred.kind,
    audienceNote:
      input.audienceNote === undefined
        ? inferred.audienceNote
        : input.audienceNote?.trim()
          ? input.audienceNote
          : null,
    links: normalized.links,
  });
  if (parsed.success) return { ok: true, item: parsed.data, problems };
  const issues = parsed.error.issues.map(
    (issue) => `${issue.path.join(".") || "item"}: ${issue.message}`,
  );
  return { ok: false, problems: [...problems, ...issues] };
}
