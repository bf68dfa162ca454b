import type { goalStatuses } from "#core/growth-plan/goals.schemas.ts";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import { sectionTitles, trajectoryLabels } from "#core/growth-plan/sections.schemas.ts";
import { removeUnsafeLinks } from "#core/safe-markdown.ts";
import {
  pdfBlock as block,
  type PdfBlock,
  renderBlocksPdf,
} from "#server/shared/pdf/pdf-document.ts";
import { handbookGoalColumns } from "./growth-plans.exports.ts";

/**
 * The plan as a PDF for printing, with the content and labels of the web app's print view
 * (plan-document.tsx) in the same order. Member text is drawn as plain text: the PDF holds no
 * links, scripts or actions, so nothing in it can run.
 */

const statusLabels: Record<(typeof goalStatuses)[number], string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  done: "Done",
  dropped: "Dropped",
};

const plain = (text: string) => removeUnsafeLinks(text.trim());
/** Member text, or the print view's placeholder when there is none. */
const written = (text: string, empty = "Nothing written yet.") =>
  plain(text) ? block("text", plain(text)) : block("empty", empty);
const goalName = (skill: string, index: number) =>
  plain(skill) ? `Goal ${index + 1}: ${plain(skill)}` : `Goal ${index + 1}`;

function inspirationBlocks(content: NonNullable<PlanView["sections"]["inspiration"]>["content"]) {
  const blocks: PdfBlock[] = [];
  for (const answer of content.answers)
    blocks.push(block("label", plain(answer.prompt)), written(answer.answer));
  const { assessments, energyFindings } = content;
  const assessmentLines = [
    assessments.myersBriggs && `Myers-Briggs: ${plain(assessments.myersBriggs)}`,
    assessments.strengths.length > 0 &&
      `StrengthsFinder: ${assessments.strengths.map(plain).join(", ")}`,
    assessments.learningStyle && `Learning style: ${plain(assessments.learningStyle)}`,
  ].filter((line): line is string => Boolean(line));
  if (assessmentLines.length > 0 || assessments.notes.trim()) {
    blocks.push(
      block("label", "Assessments"),
      ...assessmentLines.map((line) => block("text", line)),
    );
    if (assessments.notes.trim()) blocks.push(written(assessments.notes));
  }
  if (energyFindings.length > 0) {
    blocks.push(block("label", "Findings from the energy journal"));
    for (const finding of energyFindings) {
      const entries = finding.count === 1 ? "entry" : "entries";
      const note = finding.note ? ` — ${plain(finding.note)}` : "";
      blocks.push(
        block(
          "text",
          `• ${finding.kind === "energizes" ? "Energizes" : "Drains"}: ${plain(finding.subject)} (average ${finding.averageLevel.toFixed(1)} over ${finding.count} ${entries})${note}`,
        ),
      );
    }
  }
  return blocks;
}

function goalBlocks(goals: NonNullable<PlanView["goals"]>): PdfBlock[] {
  if (goals.length === 0) return [block("empty", "No goals yet.")];
  return goals.flatMap((goal, index) => {
    const { content } = goal;
    const target = content.targetDate ? ` · Target ${content.targetDate}` : "";
    const steps = content.actionSteps.map((step) =>
      block(
        "text",
        `${step.done ? "■ Done: " : "□ "}${plain(step.title) || "Untitled step"}${step.dueOn ? ` (due ${step.dueOn})` : ""}`,
      ),
    );
    return [
      block("strong", goalName(content.skill, index)),
      block("muted", `${statusLabels[content.status]}${target}`),
      block("label", handbookGoalColumns[1]),
      written(content.resources),
      block("label", handbookGoalColumns[2]),
      written(content.careerSupport),
      block("label", handbookGoalColumns[3]),
      ...(steps.length > 0 ? steps : [block("empty", "No action steps yet.")]),
      block("label", handbookGoalColumns[4]),
      written(content.network),
      block("label", handbookGoalColumns[5]),
      written(content.challenges),
    ];
  });
}

function trackingBlocks(content: NonNullable<PlanView["sections"]["tracking"]>["content"]) {
  const { schedule, checkIns, reflections } = content;
  const blocks: PdfBlock[] = [block("label", "Check-in schedule")];
  if (schedule.length === 0) blocks.push(block("empty", "No schedule yet."));
  for (const item of schedule)
    blocks.push(block("text", `• ${plain(item.label)}: ${item.cadence}, from ${item.startsOn}`));
  if (checkIns.length > 0) blocks.push(block("label", "Check-ins"));
  for (const checkIn of checkIns) {
    const done = checkIn.done ? ` — done${checkIn.doneOn ? ` on ${checkIn.doneOn}` : ""}` : "";
    blocks.push(block("strong", `${checkIn.dueOn} · ${plain(checkIn.label)}${done}`));
    if (checkIn.reflection.trim()) blocks.push(block("text", plain(checkIn.reflection)));
  }
  if (reflections.length > 0) blocks.push(block("label", "Reflections"));
  for (const reflection of reflections)
    blocks.push(block("strong", reflection.on), written(reflection.body));
  return blocks;
}

/** The print view's content, in its order, as styled paragraphs. */
export function planPdfBlocks(view: PlanView, exportedAt: string): PdfBlock[] {
  const { plan, sections } = view;
  const blocks: PdfBlock[] = [
    block("title", plain(plan.title)),
    block(
      "muted",
      `Growth plan of ${plain(plan.owner.displayName)} · ${plan.status === "active" ? "active" : "archived"} · version ${plan.version} · exported ${exportedAt.slice(0, 10)}`,
    ),
  ];
  if (sections.inspiration) {
    blocks.push(block("heading", sectionTitles.inspiration));
    blocks.push(...inspirationBlocks(sections.inspiration.content));
  }
  if (view.energy) {
    const { entryCount, lastEntryAt } = view.energy;
    blocks.push(
      block("heading", sectionTitles.energy),
      entryCount === 0
        ? block("empty", "No journal entries yet.")
        : block(
            "text",
            `${entryCount} ${entryCount === 1 ? "entry" : "entries"}${lastEntryAt ? `, the latest on ${lastEntryAt.slice(0, 10)}` : ""}.`,
          ),
    );
  }
  if (sections.role) {
    const role = sections.role.content;
    blocks.push(
      block("heading", sectionTitles.role),
      block("label", "Trajectory"),
      block("text", role.trajectory ? trajectoryLabels[role.trajectory] : "Not decided yet"),
      block("label", "Target roles"),
      block("text", role.targetRoles.map(plain).join(", ") || "None named yet"),
      block("label", "Time frame"),
      block("text", plain(role.timeFrame) || "Not set"),
    );
    if (role.notes.trim()) blocks.push(block("label", "Notes"), written(role.notes));
  }
  if (sections.exploration) {
    const { resources } = sections.exploration.content;
    blocks.push(block("heading", sectionTitles.exploration));
    if (resources.length === 0) blocks.push(block("empty", "No resources bookmarked yet."));
    for (const resource of resources) {
      const url = resource.url ? ` <${resource.url}>` : "";
      blocks.push(block("strong", `${plain(resource.title)}${url}`));
      if (resource.note) blocks.push(block("muted", plain(resource.note)));
    }
  }
  if (view.goals) blocks.push(block("heading", sectionTitles.goals), ...goalBlocks(view.goals));
  if (sections.tracking) {
    blocks.push(block("heading", sectionTitles.tracking));
    blocks.push(...trackingBlocks(sections.tracking.content));
  }
  if (sections.accomplishments) {
    const { entries } = sections.accomplishments.content;
    const goals = view.goals ?? [];
    blocks.push(block("heading", sectionTitles.accomplishments));
    if (entries.length === 0) blocks.push(block("empty", "No accomplishments logged yet."));
    for (const entry of entries) {
      blocks.push(block("strong", `${entry.on} · ${plain(entry.title)}`));
      const linked = entry.goalIds
        .map((id) => goals.findIndex((goal) => goal.id === id))
        .filter((index) => index >= 0)
        .map((index) => goalName(goals[index]?.content.skill ?? "", index));
      if (linked.length > 0) blocks.push(block("muted", `Supports ${linked.join("; ")}`));
      if (entry.details.trim()) blocks.push(block("text", plain(entry.details)));
    }
  }
  return blocks;
}

/** An A4 PDF in Noto fonts subset to the characters used. */
export function renderPlanPdf(view: PlanView, exportedAt: string): Promise<Uint8Array> {
  return renderBlocksPdf(plain(view.plan.title), planPdfBlocks(view, exportedAt));
}
