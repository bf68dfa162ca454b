import { removeUnsafeLinks, sanitizeMarkdown } from "#core/safe-markdown.ts";
import { safeFileName } from "#server/http/download.ts";
import {
  renderGapsCsv,
  renderGapsMarkdown,
} from "#server/modules/career-paths/career-gaps.exports.ts";
import { renderConversationMarkdown } from "#server/modules/conversations/conversation-exports.ts";
import { renderPlanMarkdown } from "#server/modules/growth-plans/growth-plans.exports.ts";
import { writeCsv } from "#server/shared/csv.ts";
import {
  type ExportSectionKey,
  exportSections,
  type PersonalData,
} from "./personal-data.sections.ts";

/**
 * The files of the archive, rendered from the collected data only: `data.json` with every
 * section, and Markdown and CSV for what people read. Member text is made inert as in the other
 * exports (Markdown escapes raw HTML and drops unsafe links; CSV escapes formulas).
 */

export type ArchiveFile = { path: string; text: string };

const inline = (text: string) =>
  sanitizeMarkdown(text)
    .replace(/\s*\r?\n\s*/g, " ")
    .trim();
const block = (text: string, empty = "_Nothing written._") =>
  text.trim() === "" ? empty : sanitizeMarkdown(text.trim());

/** Unique, file-system-safe names inside one folder. */
function namer(folder: string) {
  const used = new Set<string>();
  return (stem: string, extension: string) => {
    const base = safeFileName(stem).replace(/\s+/g, "-").slice(0, 80) || "item";
    let name = `${base}.${extension}`;
    for (let n = 2; used.has(name); n += 1) name = `${base}-${n}.${extension}`;
    used.add(name);
    return `${folder}/${name}`;
  };
}

export function renderDataJson(
  data: PersonalData,
  meta: { exportedAt: string; personId: string; exportedBy: "self" | "admin" },
): string {
  const document = {
    format: "trellis-personal-data",
    formatVersion: 1,
    exportedAt: meta.exportedAt,
    personId: meta.personId,
    exportedBy: meta.exportedBy,
    sections: data,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function renderJournal(data: PersonalData): string {
  const lines = ["# Energy journal", ""];
  let count = 0;
  for (const { view, journal } of data.growthPlans.plans) {
    if (journal.length === 0) continue;
    lines.push(`## ${inline(view.plan.title)}`, "");
    for (const entry of [...journal].sort((a, b) => a.at.localeCompare(b.at))) {
      count += 1;
      const tags = entry.tags.length > 0 ? ` [${entry.tags.map(inline).join(", ")}]` : "";
      lines.push(`### ${entry.at.slice(0, 16).replace("T", " ")} UTC · energy ${entry.level}`, "");
      lines.push(`${inline(entry.activity)}${tags}`, "");
      if (entry.note.trim()) lines.push(block(entry.note), "");
    }
  }
  if (count === 0) lines.push("_No journal entries._", "");
  return `${removeUnsafeLinks(lines.join("\n")).trimEnd()}\n`;
}

function renderAssessmentMarkdown(
  entry: PersonalData["career"]["assessments"][number],
  ownerName: string,
  exportedAt: string,
): string {
  const { assessment } = entry;
  const ratings = new Map(assessment.ratings.map((rating) => [rating.competencyKey, rating]));
  const lines = [
    `# Self assessment: ${inline(assessment.roleTitle)}`,
    "",
    `- Framework: ${inline(assessment.frameworkName)}, version ${assessment.versionNumber}`,
    `- Status: ${assessment.status}${assessment.finishedAt ? `, finished ${assessment.finishedAt.slice(0, 10)}` : ""}`,
    `- Shared with your manager: ${assessment.sharedWithManager ? "yes" : "no"}`,
    `- Started ${assessment.createdAt.slice(0, 10)}`,
    "",
    "## Your ratings",
    "",
  ];
  for (const { competency, themeName, expected } of assessment.competencies) {
    const rating = ratings.get(competency.key);
    lines.push(`### ${inline(competency.name)}`, "");
    lines.push(
      `- Theme: ${inline(themeName)}`,
      `- Expected: ${expected ?? "–"}`,
      `- Your rating: ${rating?.rating ?? "not rated"}`,
      "",
    );
    if (rating?.evidence.text.trim()) lines.push(block(rating.evidence.text), "");
    for (const link of rating?.evidence.links ?? []) lines.push(`- <${link}>`);
    if (rating?.evidence.links.length) lines.push("");
  }
  if (assessment.requests.length > 0) {
    lines.push("## Feedback you asked for", "");
    for (const request of assessment.requests) {
      lines.push(`- ${inline(request.rater.name)} (${request.relation}): ${request.status}`);
    }
    lines.push("");
  }
  const gaps = renderGapsMarkdown(entry.gapAnalysis, ownerName, exportedAt).replace(/^# /, "## ");
  lines.push(gaps);
  return `${removeUnsafeLinks(lines.join("\n")).trimEnd()}\n`;
}

function renderPathwayCsv(data: PersonalData): string {
  const rows: (string | null)[][] = [
    ["stage", "item", "kind", "status", "done_on", "evidence_url", "note", "hidden_reason"],
  ];
  for (const row of data.pathway.progress) {
    rows.push([
      row.stage,
      row.item_title,
      "template item",
      row.status,
      row.done_on,
      row.evidence_url,
      row.note,
      row.hidden_reason,
    ]);
  }
  for (const item of data.pathway.customItems) {
    rows.push([
      item.stage_key_id,
      item.title,
      "your own item",
      item.done_on ? "done" : "open",
      item.done_on,
      item.evidence_url,
      item.note,
      null,
    ]);
  }
  return writeCsv(rows);
}

function renderBookmarksCsv(data: PersonalData): string {
  return writeCsv([
    ["title", "kind", "provider", "url", "bookmarked_at"],
    ...data.learning.bookmarks.map((row) => [
      row.title,
      row.kind,
      row.provider,
      row.url,
      row.created_at,
    ]),
  ]);
}

function renderRequestsCsv(data: PersonalData): string {
  const rows: (string | null)[][] = [
    ["kind", "program_or_title", "status", "submitted_at", "details"],
  ];
  for (const request of data.benefits.requests) {
    rows.push([
      "benefit request",
      request.title,
      request.status,
      request.submitted_at,
      `${request.provider}; ${(request.cost_minor / 100).toFixed(2)} ${request.currency}; ${request.details}`,
    ]);
  }
  for (const application of data.mentorship.applications) {
    rows.push([
      "mentorship application",
      application.program_name,
      application.status,
      application.created_at,
      application.goals,
    ]);
  }
  for (const application of data.shadowPrograms.applications) {
    rows.push([
      "shadow application",
      `${application.program_name} ${application.starts_on}–${application.ends_on}`,
      application.status,
      application.created_at,
      application.motivation,
    ]);
  }
  return writeCsv(rows);
}

const readableFiles = [
  ["data.json", "Everything below and more, one section per area, as JSON."],
  ["plans/*.md", "Each growth plan as Markdown, as its own export shows it to you."],
  ["journal.md", "The energy journal of all your plans."],
  [
    "assessments/*.md, assessments/*.csv",
    "Each self assessment: your ratings and evidence, and the gap analysis as Trellis shows it to you.",
  ],
  [
    "conversations/*.md",
    "Each career conversation you took part in: shared notes, action items and your own private note.",
  ],
  ["pathway-progress.csv", "Your pathway items, done or hidden, and your own items."],
  ["bookmarks.csv", "The learning resources you bookmarked."],
  ["requests.csv", "Your benefit requests and your mentorship and shadow program applications."],
] as const;

function renderReadme(
  data: PersonalData,
  meta: { exportedAt: string; personName: string },
): string {
  const lines = [
    `# Your data in Trellis`,
    "",
    `This archive holds the personal data Trellis keeps about ${inline(meta.personName)}, exported ${meta.exportedAt.slice(0, 16).replace("T", " ")} UTC.`,
    "",
    "It never holds other people's private content: another participant's private conversation notes, the individual ratings your peers gave you (only their average, as Trellis shows it), password hashes or secret tokens.",
    "",
    "## Files",
    "",
    ...readableFiles.map(([file, holds]) => `- \`${file}\`: ${holds}`),
    "",
    "## Sections of data.json",
    "",
    ...Object.entries(exportSections).map(
      ([key, section]) => `- \`${key}\` (${section.title}): ${section.holds}`,
    ),
    "",
    `${data.growthPlans.plans.length} growth plans, ${data.career.assessments.length} assessments and ${data.conversations.length} conversations are included.`,
    "",
    "Dates and times are ISO 8601 in UTC. CSV files are UTF-8 with a byte order mark; a cell that would start a spreadsheet formula begins with `'`.",
    "",
  ];
  return lines.join("\n");
}

/** Every file of the archive, `data.json` and `README.md` first. */
export function renderArchiveFiles(
  data: PersonalData,
  meta: { exportedAt: string; personId: string; personName: string; exportedBy: "self" | "admin" },
): ArchiveFile[] {
  const files: ArchiveFile[] = [
    { path: "data.json", text: renderDataJson(data, meta) },
    { path: "README.md", text: renderReadme(data, meta) },
  ];
  const planName = namer("plans");
  for (const { view } of data.growthPlans.plans) {
    files.push({
      path: planName(`${view.plan.createdAt.slice(0, 10)} ${view.plan.title}`, "md"),
      text: renderPlanMarkdown(view, meta.exportedAt),
    });
  }
  files.push({ path: "journal.md", text: renderJournal(data) });
  const assessmentName = namer("assessments");
  for (const entry of data.career.assessments) {
    const stem = `${entry.assessment.createdAt.slice(0, 10)} ${entry.assessment.roleTitle}`;
    const markdown = assessmentName(stem, "md");
    files.push({
      path: markdown,
      text: renderAssessmentMarkdown(entry, meta.personName, meta.exportedAt),
    });
    files.push({ path: markdown.replace(/\.md$/, ".csv"), text: renderGapsCsv(entry.gapAnalysis) });
  }
  const conversationName = namer("conversations");
  for (const conversation of data.conversations) {
    const { role: _role, ...view } = conversation;
    files.push({
      path: conversationName(
        `${view.scheduledAt.slice(0, 10)} ${view.member} and ${view.manager}`,
        "md",
      ),
      text: renderConversationMarkdown(view, meta.exportedAt),
    });
  }
  files.push(
    { path: "pathway-progress.csv", text: renderPathwayCsv(data) },
    { path: "bookmarks.csv", text: renderBookmarksCsv(data) },
    { path: "requests.csv", text: renderRequestsCsv(data) },
  );
  return files;
}

export const sectionKeys = Object.keys(exportSections) as ExportSectionKey[];
