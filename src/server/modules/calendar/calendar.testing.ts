import { randomUUID } from "node:crypto";
import type { CalendarFeedBody, LearningBlock } from "#core/calendar.schemas.ts";
import { noTitles } from "#core/calendar.schemas.ts";
import { emptyGoal } from "#core/growth-plan/goals.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import { createTestAssessment } from "#server/modules/career-paths/career-assessments.testing.ts";
import { createFeedbackRequests } from "#server/modules/career-paths/career-feedback.service.ts";
import {
  createPublishedFramework,
  giveCurrentRole,
} from "#server/modules/career-paths/career-paths.testing.ts";
import { createGoal } from "#server/modules/growth-plans/growth-plan-goals.service.ts";
import { saveSection } from "#server/modules/growth-plans/growth-plan-sections.service.ts";
import { createPlan } from "#server/modules/growth-plans/growth-plans.service.ts";
import { matrixMeta } from "#server/testing/authorization-matrix.ts";
import { createMyFeedToken, saveMyCalendarFeed } from "./calendar.service.ts";

/** Helpers only tests import: a plan with check-ins and due steps, and a feed turned on. */

export const memberActor = (personId: string): Actor => ({
  personId,
  role: "member",
  sessionId: "test",
});

/** Private words a feed must never carry, whatever the person lets it include. */
export const privateTexts = {
  checkInReflection: "PRIVATE-checkin-reflection-7d1",
  reflection: "PRIVATE-reflection-body-42a",
  goalResources: "PRIVATE-goal-resources-9f3",
  goalChallenges: "PRIVATE-goal-challenges-c55",
  goalNetwork: "PRIVATE-goal-network-0e8",
  goalCareerSupport: "PRIVATE-career-support-b21",
  feedbackMessage: "PRIVATE-feedback-message-e60",
} as const;

/** `ownerId` asks `raterId` for feedback due on `dueOn`; answers the request id. */
export async function askForDueFeedback(
  ctx: AppContext,
  ownerId: string,
  raterId: string,
  dueOn: string,
): Promise<string> {
  const { frameworkId } = await createPublishedFramework(ctx);
  await giveCurrentRole(ctx, ownerId, frameworkId, "analyst");
  const assessment = await createTestAssessment(ctx, ownerId, { frameworkId });
  const { requests } = await createFeedbackRequests(ctx, memberActor(ownerId), assessment.id, {
    includeManager: false,
    peerIds: [raterId],
    message: privateTexts.feedbackMessage,
    dueOn,
  });
  return requests[0]?.id ?? "";
}

export type CalendarPlan = {
  planId: string;
  scheduleId: string;
  goalId: string;
  stepId: string;
  doneStepId: string;
};

/**
 * An active plan with a monthly check-in from `startsOn`, a recorded check-in with a private
 * reflection, and a goal with one step due on `stepDueOn` and one done.
 */
export async function createCalendarPlan(
  ctx: AppContext,
  personId: string,
  options: { startsOn?: string; stepDueOn?: string; stepTitle?: string; skill?: string } = {},
): Promise<CalendarPlan> {
  const actor = memberActor(personId);
  const plan = await createPlan(ctx, actor, { title: "My plan", templateId: null, activate: true });
  const scheduleId = randomUUID();
  const startsOn = options.startsOn ?? "2026-03-10";
  await saveSection(ctx, actor, plan.plan.id, "tracking", {
    baseVersion: plan.sections.tracking?.version ?? 0,
    content: {
      schedule: [{ id: scheduleId, cadence: "monthly", label: "Monthly reflection", startsOn }],
      checkIns: [
        {
          id: randomUUID(),
          scheduleId,
          dueOn: startsOn,
          label: "Monthly reflection",
          done: true,
          doneOn: startsOn,
          reflection: privateTexts.checkInReflection,
        },
      ],
      reflections: [{ id: randomUUID(), on: startsOn, body: privateTexts.reflection }],
    },
  });
  const stepId = randomUUID();
  const doneStepId = randomUUID();
  const goal = await createGoal(ctx, actor, plan.plan.id, {
    content: {
      ...emptyGoal(),
      skill: options.skill ?? "Public speaking",
      resources: privateTexts.goalResources,
      careerSupport: privateTexts.goalCareerSupport,
      network: privateTexts.goalNetwork,
      challenges: privateTexts.goalChallenges,
      status: "in-progress",
      actionSteps: [
        {
          id: stepId,
          title: options.stepTitle ?? "Give a lightning talk",
          dueOn: options.stepDueOn ?? "2026-04-15",
          done: false,
          doneOn: null,
        },
        {
          id: doneStepId,
          title: "Watch talks",
          dueOn: "2026-03-20",
          done: true,
          doneOn: "2026-03-01",
        },
      ],
    },
  });
  return { planId: plan.plan.id, scheduleId, goalId: goal.goal.id, stepId, doneStepId };
}

export const fridayBlock = (overrides: Partial<LearningBlock> = {}): LearningBlock => ({
  id: randomUUID(),
  weekdays: ["FR"],
  start: "14:00",
  end: "16:00",
  timeZone: "Europe/Paris",
  title: "",
  ...overrides,
});

/** Turns the person's feed on with these settings; answers the secret URL's path. */
export async function turnOnFeed(
  ctx: AppContext,
  personId: string,
  settings: Partial<Omit<CalendarFeedBody, "baseVersion">> = {},
): Promise<{ path: string; token: string }> {
  const actor = memberActor(personId);
  await saveMyCalendarFeed(ctx, actor, {
    baseVersion: 0,
    includeTitles: settings.includeTitles ?? noTitles,
    learningBlocks: settings.learningBlocks ?? [],
  });
  const { url } = await createMyFeedToken(ctx, actor, matrixMeta);
  const path = new URL(url).pathname;
  return { path, token: path.replace("/api/calendar/feed/", "").replace(/\.ics$/, "") };
}
