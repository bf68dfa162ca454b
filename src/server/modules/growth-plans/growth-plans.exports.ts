import type { EnergyEntry } from "#core/growth-plan/energy.schemas.ts";
import type { GoalView, goalStatuses } from "#core/growth-plan/goals.schemas.ts";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import { sectionTitles, trajectoryLabels } from "#core/growth-plan/sections.schemas.ts";
import { markdownLink, removeUnsafeLinks, sanitizeMarkdown } from "#core/safe-markdown.ts";
import { writeCsv } from "#server/shared/csv.ts";

/**
 * Every export is rendered from the reader's PlanView, so it holds exactly what the JSON read
 * holds for them. Member text is made inert for each format: Markdown escapes raw HTML and drops
 * links other than http(s)/mailto, as the CommonMark parser reads them; CSV escapes formulas;
 * the PDF (growth-plan-pdf.ts) is plain text without links.
 */

const statusLabels: Record<(typeof goalStatuses)[number], string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  done: "Done",
  dropped: "Dropped",
};

export const handbookGoalColumns = [
  "Skill/Behavior",
  "What resources/support do you need?",
  "How will this support your career goals?",
  "List 1-2 measurable and achievable action steps",
  "How will you engage your network?",
  "Anticipated Challenges",
] as const;

// ── Markdown ────────────────────────────────────────────────────────────────────────────────

/** Member text on one line (headings, list items). */
const inline = (text: string) =>
  sanitizeMarkdown(text)
    .replace(/\s*\r?\n\s*/g, " ")
    .trim();
/** Member text as a block; blank when empty. */
const block = (text: string, empty = "_Nothing written yet._") =>
  text.trim() === "" ? empty : sanitizeMarkdown(text.trim());
/** A table cell: pipes escaped, line breaks kept as <br> (the only HTML in the export). */
const cell = (text: string) =>
  sanitizeMarkdown(text.trim()).replaceAll("|", "\\|").replace(/\r?\n/g, "<br>");

function actionStepsCell(goal: GoalView): string {
  return goal.content.actionSteps
    .map((step) => {
      const due = step.dueOn ? ` (due ${step.dueOn})` : "";
      return `${step.done ? "☑" : "☐"} ${cell(step.title)}${due}`;
    })
    .join("<br>");
}

function markdownGoals(goals: GoalView[]): string[] {
  const lines = [`## ${sectionTitles.goals}`, ""];
  if (goals.length === 0) return [...lines, "_No goals yet._", ""];
  lines.push(`| ${handbookGoalColumns.join(" | ")} |`);
  lines.push(`| ${handbookGoalColumns.map(() => "---").join(" | ")} |`);
  for (const goal of goals) {
    const { content } = goal;
    const row = [
      cell(content.skill),
      cell(content.resources),
      cell(content.careerSupport),
      actionStepsCell(goal),
      cell(content.network),
      cell(content.challenges),
    ];
    lines.push(`| ${row.join(" | ")} |`);
  }
  lines.push("", "### Status");
  goals.forEach((goal, index) => {
    const target = goal.content.targetDate ? `, target ${goal.content.targetDate}` : "";
    const skill = inline(goal.content.skill) || `Goal ${index + 1}`;
    lines.push(`- ${skill}: ${statusLabels[goal.content.status]}${target}`);
  });
  return [...lines, ""];
}

export function renderPlanMarkdown(view: PlanView, exportedAt: string): string {
  const { plan, sections } = view;
  const lines = [
    `# ${inline(plan.title)}`,
    "",
    `${inline(plan.owner.displayName)} · ${plan.status === "active" ? "Active" : "Archived"} plan · version ${plan.version} · exported ${exportedAt.slice(0, 10)}`,
    "",
  ];
  if (sections.inspiration) {
    const { answers, assessments, energyFindings } = sections.inspiration.content;
    lines.push(`## ${sectionTitles.inspiration}`, "");
    for (const answer of answers)
      lines.push(`### ${inline(answer.prompt)}`, "", block(answer.answer), "");
    lines.push("### Assessments", "");
    lines.push(`- Myers-Briggs: ${inline(assessments.myersBriggs) || "–"}`);
    lines.push(`- StrengthsFinder themes: ${assessments.strengths.map(inline).join(", ") || "–"}`);
    lines.push(`- Learning style: ${inline(assessments.learningStyle) || "–"}`, "");
    if (assessments.notes.trim()) lines.push(block(assessments.notes), "");
    if (energyFindings.length > 0) {
      lines.push("### From the energy journal", "");
      for (const finding of energyFindings) {
        const note = finding.note.trim() ? ` — ${inline(finding.note)}` : "";
        lines.push(
          `- ${finding.kind === "energizes" ? "Energizes" : "Drains"}: ${inline(finding.subject)} (average ${finding.averageLevel} over ${finding.count} entries)${note}`,
        );
      }
      lines.push("");
    }
  }
  if (view.energy) {
    lines.push(`## ${sectionTitles.energy}`, "");
    lines.push(
      `${view.energy.entryCount} entries${view.energy.lastEntryAt ? `, the last on ${view.energy.lastEntryAt.slice(0, 10)}` : ""}.`,
      "",
    );
  }
  if (sections.role) {
    const role = sections.role.content;
    lines.push(`## ${sectionTitles.role}`, "");
    lines.push(`- Trajectory: ${role.trajectory ? trajectoryLabels[role.trajectory] : "–"}`);
    lines.push(`- Target roles: ${role.targetRoles.map(inline).join(", ") || "–"}`);
    lines.push(`- Time frame: ${inline(role.timeFrame) || "–"}`, "");
    if (role.notes.trim()) lines.push(block(role.notes), "");
  }
  if (sections.exploration) {
    lines.push(`## ${sectionTitles.exploration}`, "");
    const { resources } = sections.exploration.content;
    if (resources.length === 0) lines.push("_No resources yet._");
    for (const resource of resources) {
      const link = resource.url
        ? markdownLink(resource.title, resource.url)
        : inline(resource.title);
      const note = resource.note.trim() ? ` — ${inline(resource.note)}` : "";
      lines.push(`- ${link}${note}`);
    }
    lines.push("");
  }
  if (view.goals) lines.push(...markdownGoals(view.goals));
  if (sections.tracking) {
    const { schedule, checkIns, reflections } = sections.tracking.content;
    lines.push(`## ${sectionTitles.tracking}`, "", "### Check-in schedule", "");
    if (schedule.length === 0) lines.push("_No schedule yet._");
    for (const item of schedule)
      lines.push(`- ${inline(item.label)}: ${item.cadence}, from ${item.startsOn}`);
    lines.push("", "### Check-ins", "");
    if (checkIns.length === 0) lines.push("_No check-ins yet._");
    for (const checkIn of checkIns) {
      const reflection = checkIn.reflection.trim() ? ` — ${inline(checkIn.reflection)}` : "";
      lines.push(
        `- [${checkIn.done ? "x" : " "}] ${checkIn.dueOn} ${inline(checkIn.label)}${reflection}`,
      );
    }
    lines.push("", "### Reflections", "");
    if (reflections.length === 0) lines.push("_No reflections yet._", "");
    for (const reflection of reflections)
      lines.push(`#### ${reflection.on}`, "", block(reflection.body), "");
  }
  if (sections.accomplishments) {
    lines.push(`## ${sectionTitles.accomplishments}`, "");
    const goalNames = new Map(
      (view.goals ?? []).map((goal) => [goal.id, inline(goal.content.skill)]),
    );
    const { entries } = sections.accomplishments.content;
    if (entries.length === 0) lines.push("_No accomplishments yet._");
    for (const entry of entries) {
      const linked = entry.goalIds.flatMap((id) => goalNames.get(id) ?? []);
      const goals = linked.length > 0 ? ` (supports: ${linked.join("; ")})` : "";
      const details = entry.details.trim() ? ` — ${inline(entry.details)}` : "";
      lines.push(`- ${entry.on} **${inline(entry.title)}**${goals}${details}`);
    }
    lines.push("");
  }
  // Each field is inert alone, but brackets in one field and a destination in the next could
  // still meet as a link, so the whole page is read once more.
  return `${removeUnsafeLinks(lines.join("\n")).trimEnd()}\n`;
}

// ── CSV ─────────────────────────────────────────────────────────────────────────────────────

export const goalCsvColumns = [
  "row_type",
  "goal_number",
  "skill_behavior",
  "resources_support",
  "career_goals",
  "engage_network",
  "anticipated_challenges",
  "status",
  "target_date",
  "action_step",
  "due_on",
  "done",
  "done_on",
] as const;

/** One row per goal, then one per action step; formulas escaped by writeCsv. */
export function renderGoalsCsv(view: PlanView): string {
  const rows: (string | null)[][] = [[...goalCsvColumns]];
  (view.goals ?? []).forEach((goal, index) => {
    const number = String(index + 1);
    const { content } = goal;
    rows.push([
      "goal",
      number,
      removeUnsafeLinks(content.skill),
      removeUnsafeLinks(content.resources),
      removeUnsafeLinks(content.careerSupport),
      removeUnsafeLinks(content.network),
      removeUnsafeLinks(content.challenges),
      content.status,
      content.targetDate,
      null,
      null,
      null,
      null,
    ]);
    for (const step of content.actionSteps) {
      rows.push([
        "action_step",
        number,
        removeUnsafeLinks(content.skill),
        null,
        null,
        null,
        null,
        null,
        null,
        removeUnsafeLinks(step.title),
        step.dueOn,
        step.done ? "yes" : "no",
        step.doneOn,
      ]);
    }
  });
  return writeCsv(rows);
}

// ── JSON ────────────────────────────────────────────────────────────────────────────────────

/** The reader's PlanView (and journal entries when readable); `<` escaped so no sniffer sees HTML. */
export function renderPlanJson(view: PlanView, energyEntries: EnergyEntry[] | null): string {
  const document = energyEntries ? { ...view, energyEntries } : view;
  return JSON.stringify(document, null, 2).replaceAll("<", "\\u003c");
}
