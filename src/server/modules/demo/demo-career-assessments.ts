import type { Assessment } from "#core/career/assessments.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import {
  createAssessment,
  finishAssessment,
  saveRatings,
  shareAssessment,
} from "#server/modules/career-paths/career-assessments.service.ts";
import {
  answerFeedbackRequest,
  createFeedbackRequests,
  declineFeedbackRequest,
} from "#server/modules/career-paths/career-feedback.service.ts";
import { sampleFrameworkId } from "#server/modules/career-paths/career-framework-defaults.ts";
import { gapsToGoals, getGapAnalysis } from "#server/modules/career-paths/career-gaps.service.ts";
import { setTargetRole } from "#server/modules/career-paths/career-positions.service.ts";
import { findPersonByEmail } from "#server/modules/people/people.queries.ts";
import { demoEmailDomain } from "./demo-organization.ts";

/**
 * Career assessments of the demo company at different stages, written through the career
 * services as the people themselves would write them: Sofia's finished assessment against the
 * manager role she aims for, shared with Marcus, with his and three peers' feedback and two
 * gaps turned into goals; Ethan's draft against his current role; Kevin's with two of three
 * peers answered and Marcus still to answer; Amara's with a declined request. Marcus's queue
 * holds the requests he has not answered. Ratings follow the role's expectations, so every
 * load looks alike.
 */

const emailOf = (key: string) => `${key}@${demoEmailDomain}`;

type Rater = { key: string; answer: "answered" | "declined" | "pending"; below?: number };

type DemoAssessment = {
  owner: string;
  /** Against this role instead of the current one (it becomes the owner's target role). */
  roleKey?: string;
  /** Competencies, by position, rated one point below the expectation by the owner. */
  selfBelow?: number[];
  evidence?: string;
  stage: "draft" | "finished" | "shared";
  includeManager?: boolean;
  managerAnswer?: "answered" | "pending";
  peers?: Rater[];
  /** How many of the gaps become goals of the owner's active growth plan. */
  goals?: number;
};

const demoAssessments: DemoAssessment[] = [
  {
    owner: "sofia.nowak",
    roleKey: "sales-operations-manager",
    evidence: "Led the quarterly forecast rebuild and coached Ethan through his first model.",
    stage: "shared",
    includeManager: true,
    managerAnswer: "answered",
    peers: [
      { key: "ethan.clarke", answer: "answered" },
      { key: "kevin.obrien", answer: "answered", below: 1 },
      { key: "amara.nwosu", answer: "answered" },
    ],
    goals: 2,
  },
  {
    owner: "ethan.clarke",
    selfBelow: [1, 3],
    evidence: "Run the weekly forecast refresh on my own since the spring.",
    stage: "draft",
  },
  {
    owner: "kevin.obrien",
    roleKey: "senior-sales-operations-analyst",
    selfBelow: [0],
    stage: "finished",
    includeManager: true,
    managerAnswer: "pending",
    peers: [
      { key: "ethan.clarke", answer: "answered", below: 1 },
      { key: "amara.nwosu", answer: "answered" },
      { key: "sofia.nowak", answer: "pending" },
    ],
  },
  {
    owner: "amara.nwosu",
    stage: "finished",
    includeManager: true,
    managerAnswer: "pending",
    peers: [
      { key: "kevin.obrien", answer: "declined" },
      { key: "julia.santos", answer: "answered" },
    ],
  },
];

/** Target roles set by their holders (Kevin's assessment is against his). */
const demoTargets = [
  { owner: "kevin.obrien", roleKey: "senior-sales-operations-analyst" },
  { owner: "lina.berg", roleKey: "senior-strategy-analytics-analyst" },
];

const actorOf = (personId: string): Actor => ({ personId, role: "member", sessionId: "demo" });

/** Expected level of each competency, lowered by one at the `below` positions. */
function ratingsFor(assessment: Assessment, below: readonly number[]) {
  return assessment.competencies.map((entry, index) => {
    const expected = entry.expected ?? 2;
    return {
      competencyKey: entry.competency.key,
      rating: below.includes(index) ? Math.max(1, expected - 1) : expected,
    };
  });
}

async function personId(db: Db, key: string): Promise<string | null> {
  return (await findPersonByEmail(db, emailOf(key)))?.id ?? null;
}

async function writeOne(ctx: AppContext, demo: DemoAssessment): Promise<boolean> {
  const ownerId = await personId(ctx.db, demo.owner);
  if (!ownerId) return false;
  const owner = actorOf(ownerId);
  let assessment = await createAssessment(ctx, owner, {
    frameworkId: sampleFrameworkId,
    ...(demo.roleKey ? { roleKey: demo.roleKey } : {}),
  });
  const self = ratingsFor(assessment, demo.selfBelow ?? []);
  const rated = demo.stage === "draft" ? self.slice(0, Math.ceil(self.length / 2)) : self;
  assessment = await saveRatings(ctx, owner, assessment.id, {
    baseVersion: assessment.version,
    ratings: rated.map((rating, index) => ({
      ...rating,
      evidence: { text: index === 0 ? (demo.evidence ?? "") : "", links: [], goalIds: [] },
    })),
  });
  if (demo.stage !== "draft") {
    assessment = await finishAssessment(ctx, owner, assessment.id, {
      baseVersion: assessment.version,
    });
  }
  if (demo.stage === "shared") {
    assessment = await shareAssessment(ctx, owner, assessment.id, { sharedWithManager: true });
  }
  const peers: { id: string; rater: Rater }[] = [];
  for (const rater of demo.peers ?? []) {
    const id = await personId(ctx.db, rater.key);
    if (id) peers.push({ id, rater });
  }
  if (!demo.includeManager && peers.length === 0) return true;
  const { requests } = await createFeedbackRequests(ctx, owner, assessment.id, {
    includeManager: demo.includeManager ?? false,
    peerIds: peers.map((peer) => peer.id),
    message: "Thanks for your honest view; it helps me plan the next year.",
    dueOn: null,
  });
  const raters: { id: string; rater: Rater }[] = [...peers];
  const managerRequest = requests.find((request) => request.relation === "manager");
  if (managerRequest) {
    raters.push({
      id: managerRequest.rater.id,
      rater: { key: "manager", answer: demo.managerAnswer ?? "pending", below: 2 },
    });
  }
  for (const { id, rater } of raters) {
    const request = requests.find((entry) => entry.rater.id === id);
    if (!request || rater.answer === "pending") continue;
    if (rater.answer === "declined") {
      await declineFeedbackRequest(ctx, actorOf(id), request.id);
      continue;
    }
    const below = Array.from({ length: rater.below ?? 0 }, (_, index) => index);
    await answerFeedbackRequest(ctx, actorOf(id), request.id, {
      ratings: ratingsFor(assessment, below).map((rating) => ({ ...rating, comment: "" })),
    });
  }
  if (demo.goals) {
    const gaps = (await getGapAnalysis(ctx, owner, assessment.id)).rows
      .filter((row) => (row.gap ?? 0) > 0)
      .slice(0, demo.goals)
      .map((row) => row.competencyKey);
    if (gaps.length > 0) {
      await gapsToGoals(ctx, owner, assessment.id, { competencyKeys: gaps });
    }
  }
  return true;
}

/** Writes the demo assessments inside the caller's transaction (the demo loads all or nothing). */
export async function writeDemoCareerAssessments(trx: Db, ctx: AppContext): Promise<number> {
  const within: AppContext = { ...ctx, db: trx };
  let written = 0;
  for (const demo of demoAssessments) {
    if (await writeOne(within, demo)) written += 1;
  }
  for (const target of demoTargets) {
    const id = await personId(trx, target.owner);
    if (!id) continue;
    await setTargetRole(within, actorOf(id), id, {
      frameworkId: sampleFrameworkId,
      roleKey: target.roleKey,
    });
  }
  return written;
}
