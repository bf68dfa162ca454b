import type { GrowthPlanSectionKey } from "#core/growth-plan/sections.schemas.ts";

export interface SectionGuide {
  key: GrowthPlanSectionKey;
  /** The step's name in the guided mode's list. */
  stepLabel: string;
  /** What the step is for, in a sentence or two. */
  intro: string;
  /** Tips from the Individual Growth Plan guide (content/handbook/individual-growth-plan-guide.md). */
  tips: string[];
}

/** The steps of the guided mode, in the order of the handbook's guide. */
export const sectionGuides: SectionGuide[] = [
  {
    key: "inspiration",
    stepLabel: "Discover your inspiration",
    intro:
      "Reflection helps guide your career decisions. Answer the five questions below; your answers are private unless you share this section.",
    tips: [
      "Be flexible with yourself: some make this an elaborate reflection with assessments such as Myers-Briggs, StrengthsFinder or a learning style; others treat it as a quick check-in.",
      "Having trouble answering? Keep the energy journal for one week, then look back at what drained or energized you.",
    ],
  },
  {
    key: "energy",
    stepLabel: "Energy journal",
    intro:
      "Record your energy a few times a day for a week: how you feel, what you were doing. The summary shows what energizes and what drains you.",
    tips: [
      "Log an entry right after a meeting or a focused block: it takes seconds and the details are still fresh.",
      "Do you notice the same trends as your teammates? Add what you find to Section 1.",
    ],
  },
  {
    key: "role",
    stepLabel: "Clarify your role",
    intro:
      "Knowing your growth direction helps you set goals and find the right resources. This section clarifies your role trajectory.",
    tips: [
      "Think big. Do you want to become a manager? Are you growing as an IC leader? Maybe you are ready for a career transition to a new team.",
      "Career growth is non-linear: we grow in all directions.",
    ],
  },
  {
    key: "exploration",
    stepLabel: "Exploration",
    intro:
      "Before you fill in Section 3, explore: bookmark the learning programs, courses and people most relevant to the direction you want to grow.",
    tips: [
      "If you cannot find resources internally, the growth and development benefit can cover university programs, coding classes, external certifications and more.",
    ],
  },
  {
    key: "goals",
    stepLabel: "Set specific goals",
    intro:
      "Turn your exploration into goals: what you are learning, the support you need, one or two measurable action steps, how you will engage your network and what could get in the way.",
    tips: [
      "Make this your own: if you have seven career goals this year, add seven rows. If you have one, remove the others. It is your learning plan.",
      "Get specific in the action steps. Do you need to sign up or apply? Set aside time to learn? Is there a deadline?",
      "Plan to share what you learn: post about it, present to your team, or share with your coach or mentor.",
      "Get ahead of challenges for greater support. Will it be hard to find time? Do you need accountability?",
    ],
  },
  {
    key: "tracking",
    stepLabel: "Track, reflect, iterate",
    intro:
      "Your growth plan is a living document. Decide when you will come back to it, then record each check-in and what you learned.",
    tips: [
      "Set calendar reminders so you do not forget to revisit your plan, and tick pieces off as you complete them.",
      "Block calendar time for learning, and tell your team about it, especially if you are a manager.",
    ],
  },
  {
    key: "accomplishments",
    stepLabel: "Accomplishments",
    intro:
      "Your brag sheet: write down wins as they happen and link them to the goals they support. It makes the next reflection, and the next career conversation, much easier.",
    tips: ["Small wins count. Note the date, what happened and why it mattered."],
  },
];

export function guideOf(key: GrowthPlanSectionKey): SectionGuide {
  const guide = sectionGuides.find((candidate) => candidate.key === key);
  if (!guide) throw new Error(`No guide for section ${key}`);
  return guide;
}
