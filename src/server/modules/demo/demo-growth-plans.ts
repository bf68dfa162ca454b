import type { GoalContent } from "#core/growth-plan/goals.schemas.ts";
import { defaultReflectionPrompts } from "#core/growth-plan/growth-plan-defaults.ts";
import type { DocumentSectionContent } from "#core/growth-plan/sections.schemas.ts";
import { newId } from "#core/ids.ts";
import type { AppContext } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { insertEnergyEntries } from "#server/modules/growth-plans/growth-plan-energy.queries.ts";
import { replaceShares } from "#server/modules/growth-plans/growth-plan-sharing.queries.ts";
import { findTemplate } from "#server/modules/growth-plans/growth-plan-templates.service.ts";
import { managerGrantee } from "#server/modules/growth-plans/growth-plans.policy.ts";
import {
  initialGoals,
  initialSections,
  writeNewPlan,
} from "#server/modules/growth-plans/growth-plans.service.ts";
import { findPersonByEmail } from "#server/modules/people/people.queries.ts";
import { demoEmailDomain } from "./demo-organization.ts";

/**
 * Growth plans of the demo company at different stages: a plan well under way and shared with
 * the manager and a mentor, a fresh one kept private, a transition plan, one with last year's
 * plan archived. Fixed content, dates relative to the load date, so every load looks alike.
 */

type DemoPlan = {
  owner: string;
  title: string;
  templateId: string | null;
  /** Days before the load date the plan was started. */
  startedDaysAgo: number;
  answers?: string[];
  edit?: (
    sections: DocumentSectionContent,
    goals: GoalContent[],
    day: (ago: number) => string,
  ) => void;
  /** Named viewers per section, besides the default sharing with the manager. */
  mentors?: { email: string; sections: ("inspiration" | "goals" | "energy")[] }[];
  /** Keep every section private. */
  private?: boolean;
  archived?: boolean;
  energy?: { daysAgo: number; hour: number; level: number; activity: string; tags: string[] }[];
};

const emailOf = (key: string) => `${key}@${demoEmailDomain}`;

const sofiaEnergy: DemoPlan["energy"] = [
  { daysAgo: 6, hour: 9, level: 4, activity: "Forecast modelling", tags: ["analysis", "focus"] },
  { daysAgo: 6, hour: 14, level: 2, activity: "Pipeline review meeting", tags: ["meetings"] },
  { daysAgo: 5, hour: 10, level: 5, activity: "Coaching a new analyst", tags: ["people"] },
  { daysAgo: 5, hour: 16, level: 1, activity: "CRM data clean-up", tags: ["admin"] },
  { daysAgo: 4, hour: 11, level: 4, activity: "Forecast modelling", tags: ["analysis", "focus"] },
  { daysAgo: 3, hour: 9, level: 5, activity: "Coaching a new analyst", tags: ["people"] },
  { daysAgo: 3, hour: 15, level: 2, activity: "Pipeline review meeting", tags: ["meetings"] },
  {
    daysAgo: 2,
    hour: 13,
    level: 4,
    activity: "Presenting to sales leaders",
    tags: ["people", "presenting"],
  },
  { daysAgo: 1, hour: 10, level: 2, activity: "CRM data clean-up", tags: ["admin"] },
];

const demoPlans: DemoPlan[] = [
  {
    owner: "sofia.nowak",
    title: "Growth plan — towards team lead",
    templateId: "aspiring-manager",
    startedDaysAgo: 60,
    answers: [
      "Helping a teammate untangle a forecast; presenting findings to sales leaders.",
      "Manual CRM clean-up and status meetings without decisions.",
      "Turning messy data into a clear story. People ask me to review their models.",
      "Rebuilding the quarterly forecast so it takes a day instead of a week.",
      "I want to find out whether leading a small team is for me.",
    ],
    edit: (sections, goals, day) => {
      sections.inspiration.assessments = {
        myersBriggs: "ENFJ",
        strengths: ["Developer", "Analytical", "Communication"],
        learningStyle: "Learning by doing, then teaching it",
        notes: "",
      };
      sections.inspiration.energyFindings = [
        {
          id: newId(),
          kind: "energizes",
          subject: "Coaching a new analyst",
          averageLevel: 5,
          count: 2,
          note: "Every time.",
          addedAt: `${day(1)}T12:00:00.000Z`,
        },
      ];
      const [coaching, leading] = goals;
      if (coaching) {
        coaching.status = "in-progress";
        coaching.targetDate = day(-120);
        coaching.actionSteps.forEach((step, index) => {
          step.dueOn = day(index === 0 ? 20 : -60);
          step.done = index === 0;
          step.doneOn = index === 0 ? day(25) : null;
        });
      }
      if (leading) leading.targetDate = day(-180);
      sections.accomplishments.entries = [
        {
          id: newId(),
          on: day(25),
          title: "Onboarded Ethan to the forecast model",
          details: "He now runs the weekly refresh on his own.",
          goalIds: [],
        },
      ];
      sections.tracking.checkIns = [
        {
          id: newId(),
          scheduleId: sections.tracking.schedule[0]?.id ?? null,
          dueOn: day(30),
          label: "Monthly reflection",
          done: true,
          doneOn: day(30),
          reflection: "Mentoring is going well; I need more practice with hard feedback.",
        },
      ];
    },
    mentors: [{ email: emailOf("priya.raman"), sections: ["inspiration", "goals"] }],
    energy: sofiaEnergy,
  },
  {
    owner: "ngozi.eze",
    title: "Last year's plan",
    templateId: "ic-growing-in-role",
    startedDaysAgo: 400,
    archived: true,
  },
  {
    owner: "ngozi.eze",
    title: "Staff engineer growth plan",
    templateId: "ic-growing-in-role",
    startedDaysAgo: 30,
    answers: [
      "Designing systems with other teams.",
      "Context switching between too many reviews.",
      "",
      "",
      "",
    ],
    edit: (sections, goals) => {
      sections.role.trajectory = "ic-leader";
      sections.role.targetRoles = ["Principal Engineer"];
      for (const goal of goals) goal.status = "in-progress";
    },
  },
  {
    owner: "aisha.bello",
    title: "Manager growth 2026",
    templateId: "people-manager-growth",
    startedDaysAgo: 3,
    private: true,
  },
  {
    owner: "yuki.tanaka",
    title: "Moving towards product management",
    templateId: "lateral-growth",
    startedDaysAgo: 90,
    answers: ["Talking to customers about what they need.", "", "", "", "Product management."],
    edit: (sections, goals, day) => {
      sections.role.targetRoles = ["Product Manager"];
      sections.exploration.resources = [
        {
          id: newId(),
          title: "Product management fundamentals",
          url: "https://example.com/product-management-course",
          note: "Recommended by Chloé",
        },
      ];
      const [first] = goals;
      if (first) {
        first.status = "done";
        for (const step of first.actionSteps) Object.assign(step, { done: true, doneOn: day(40) });
      }
    },
  },
  { owner: "lukas.schmidt", title: "My first growth plan", templateId: null, startedDaysAgo: 1 },
];

/** Writes the demo plans inside the caller's transaction (the demo loads all or nothing). */
export async function writeDemoGrowthPlans(trx: Db, ctx: AppContext): Promise<number> {
  const reference = ctx.clock.now().getTime();
  const day = (ago: number) => new Date(reference - ago * 86_400_000).toISOString().slice(0, 10);
  let written = 0;
  for (const demo of demoPlans) {
    const owner = await findPersonByEmail(trx, emailOf(demo.owner));
    if (!owner) continue;
    const template = demo.templateId ? await findTemplate(trx, demo.templateId) : null;
    const startedOn = day(demo.startedDaysAgo);
    const sections = initialSections(template, defaultReflectionPrompts, startedOn);
    sections.inspiration.answers.forEach((answer, index) => {
      answer.answer = demo.answers?.[index] ?? "";
    });
    const goals = initialGoals(template);
    demo.edit?.(sections, goals, day);
    const planId = newId();
    await writeNewPlan(trx, {
      id: planId,
      ownerId: owner.id,
      title: demo.title,
      templateId: template?.id ?? null,
      activate: !demo.archived,
      sections,
      goals,
      at: `${startedOn}T09:00:00.000Z`,
    });
    if (demo.private || demo.mentors) {
      const shared = demo.private
        ? []
        : ["role", "exploration", "goals", "tracking", "accomplishments"];
      const mentors = [];
      for (const mentor of demo.mentors ?? []) {
        const person = await findPersonByEmail(trx, mentor.email);
        if (person)
          mentors.push(...mentor.sections.map((key) => ({ section_key: key, grantee: person.id })));
      }
      await replaceShares(
        trx,
        planId,
        [...shared.map((key) => ({ section_key: key, grantee: managerGrantee })), ...mentors],
        `${startedOn}T09:00:00.000Z`,
      );
    }
    await insertEnergyEntries(
      trx,
      (demo.energy ?? []).map((entry) => {
        const at = `${day(entry.daysAgo)}T${String(entry.hour).padStart(2, "0")}:00:00.000Z`;
        return {
          id: newId(),
          plan_id: planId,
          at,
          level: entry.level,
          activity: entry.activity,
          tags: JSON.stringify(entry.tags),
          note: "",
          created_at: at,
        };
      }),
    );
    written += 1;
  }
  return written;
}
