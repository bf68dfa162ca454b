import type { GapAnalysis, GapRow } from "#core/career/assessments.schemas.ts";
import { sanitizeMarkdown } from "#core/safe-markdown.ts";
import { writeCsv } from "#server/shared/csv.ts";

/**
 * The gap table as a file, rendered from the reader's GapAnalysis, so it holds exactly what the
 * JSON answer holds for them: the peers' column is their mean only where the analysis shows one.
 */

const columns = [
  "Theme",
  "Competency",
  "Expected",
  "Self",
  "Manager",
  "Peers (average)",
  "Gap based on",
  "Gap",
  "Meets",
  "Discuss",
] as const;

const numberText = (value: number | null) => (value === null ? "" : String(value));
const meetsText = (row: GapRow) => (row.meets === null ? "Not rated" : row.meets ? "Yes" : "No");

function rowFields(analysis: GapAnalysis, row: GapRow): string[] {
  return [
    row.themeName,
    row.competencyName,
    numberText(row.expected),
    numberText(row.self),
    numberText(row.manager),
    row.peers === null ? peersPending(analysis) : String(row.peers),
    row.basis ? row.basis.source : "",
    numberText(row.gap),
    meetsText(row),
    row.discuss ? "Yes" : "",
  ];
}

function peersPending(analysis: GapAnalysis): string {
  const { answered, needed } = analysis.peers;
  return answered < needed ? `${answered} of ${needed} needed` : "";
}

export function renderGapsCsv(analysis: GapAnalysis): string {
  return writeCsv([columns, ...analysis.rows.map((row) => rowFields(analysis, row))]);
}

const cell = (text: string) =>
  sanitizeMarkdown(text.trim()).replaceAll("|", "\\|").replace(/\r?\n/g, " ");

export function renderGapsMarkdown(
  analysis: GapAnalysis,
  owner: string,
  exportedAt: string,
): string {
  const lines = [
    `# Gap analysis: ${cell(analysis.roleTitle)}`,
    "",
    `${cell(owner)} ${analysis.readiness.text.replace(analysis.roleTitle, cell(analysis.roleTitle))}.`,
    "",
    `_${analysis.ruleText}_`,
    "",
    analysis.managerRater
      ? `Manager: ${cell(analysis.managerRater.name)}.`
      : "Manager: not answered yet.",
    `Peers: ${analysis.peers.answered} answered; their average is shown once ${analysis.peers.needed} have rated a competency.`,
    "",
    `| ${columns.join(" | ")} |`,
    `| ${columns.map(() => "---").join(" | ")} |`,
    ...analysis.rows.map((row) => `| ${rowFields(analysis, row).map(cell).join(" | ")} |`),
    "",
    `Exported ${exportedAt.slice(0, 10)}.`,
    "",
  ];
  return lines.join("\n");
}
