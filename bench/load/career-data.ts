import type { FrameworkContent } from "#core/career/framework.schemas.ts";
import { defaultGapRule, defaultScale } from "#core/career/framework.schemas.ts";
import { newId } from "#core/ids.ts";
import type { Actor, AppContext } from "#server/context.ts";
import {
  createAssessment,
  finishAssessment,
  saveRatings,
  shareAssessment,
} from "#server/modules/career-paths/career-assessments.service.ts";
import {
  answerFeedbackRequest,
  createFeedbackRequests,
} from "#server/modules/career-paths/career-feedback.service.ts";
import {
  insertFrameworkRow,
  insertVersionRow,
} from "#server/modules/career-paths/career-frameworks.queries.ts";
import type { Organization } from "./organization.ts";

const batchSize = 500;

/**
 * The largest framework the limits allow: 20 themes of 5 competencies (100), 20 job families of
 * 10 levels (200 roles, the top three of each family on the manager track), every role with an
 * expectation for every competency (20,000), upward edges within each family and a lateral and
 * a cross-department edge from every role.
 */
export function largestFramework(): FrameworkContent {
  const themes = Array.from({ length: 20 }, (_, index) => ({
    key: `theme-${index + 1}`,
    name: `Theme ${index + 1}`,
    description: `What theme ${index + 1} is about.`,
    caseId: null,
  }));
  const competencies = Array.from({ length: 100 }, (_, index) => ({
    key: `competency-${index + 1}`,
    themeKey: `theme-${Math.floor(index / 5) + 1}`,
    name: `Competency ${index + 1}`,
    description: `Competency ${index + 1}, described in a sentence or two for the role page.`,
    descriptors: defaultScale.map(
      (point) => `At ${point.label.toLowerCase()} level, competency ${index + 1} looks like this.`,
    ),
    caseId: null,
  }));
  const departments = ["Revenue", "Product", "Data", "Support", "Engineering"];
  const families = Array.from({ length: 20 }, (_, index) => ({
    key: `family-${index + 1}`,
    name: `Family ${index + 1}`,
    department: departments[index % departments.length] ?? "Revenue",
    description: "",
    handbookUrl: null,
  }));
  const roles = families.flatMap((family, familyIndex) =>
    Array.from({ length: 10 }, (_, level) => ({
      key: `${family.key}-level-${level + 1}`,
      familyKey: family.key,
      title: `${family.name} Level ${level + 1}`,
      level: level + 1,
      levelName: `L${level + 1}`,
      track: level >= 7 ? ("manager" as const) : ("ic" as const),
      department: family.department,
      summary: `Level ${level + 1} of ${family.name}.`,
      responsibilities: "- Owns an area\n- Helps others grow",
      requirements: "- Experience in the previous level",
      url: null,
      expectations: Object.fromEntries(
        competencies.map((competency, index) => [
          competency.key,
          1 + ((level + index + familyIndex) % defaultScale.length),
        ]),
      ),
    })),
  );
  const edges = roles.flatMap((role, index) => {
    const level = role.level;
    const family = Number(role.familyKey.split("-")[1]);
    const next =
      level < 10
        ? [
            {
              from: role.key,
              to: `${role.familyKey}-level-${level + 1}`,
              kind: "upward" as const,
              note: "",
            },
          ]
        : [];
    const lateralFamily = (family % 20) + 1;
    const lateral = {
      from: role.key,
      to: `family-${lateralFamily}-level-${level}`,
      kind: (index % 2 === 0 ? "lateral" : "cross-department") as "lateral" | "cross-department",
      note: "typical after 18 months",
    };
    return [...next, lateral];
  });
  return {
    name: "Benchmark framework",
    description: "The largest framework the limits allow.",
    scale: defaultScale,
    gapRule: defaultGapRule,
    themes,
    competencies,
    families,
    roles,
    edges,
    caseDocumentId: null,
  };
}

export type BenchFramework = { frameworkId: string; versionId: string; content: FrameworkContent };

/** Stores the largest framework as published version 1 and gives everyone a role in it. */
export async function generateCareerData(
  ctx: AppContext,
  organization: Organization,
): Promise<BenchFramework> {
  const content = largestFramework();
  const now = ctx.clock.now().toISOString();
  const frameworkId = newId();
  const versionId = newId();
  await insertFrameworkRow(ctx.db, {
    id: frameworkId,
    name: content.name,
    is_sample: 0,
    draft_content: content,
    draft_version: 1,
    draft_updated_at: now,
    draft_updated_by: null,
    latest_version_id: null,
    created_at: now,
  });
  await insertVersionRow(ctx.db, {
    id: versionId,
    framework_id: frameworkId,
    number: 1,
    content,
    change_summary: "Benchmark",
    published_at: now,
    published_by: null,
  });
  for (let start = 0; start < organization.people.length; start += batchSize) {
    const rows = organization.people.slice(start, start + batchSize).map((person) => ({
      person_id: person.id,
      framework_id: frameworkId,
      role_key: content.roles[person.index % content.roles.length]?.key ?? null,
      target_framework_id: null,
      target_role_key: null,
      updated_at: now,
    }));
    await ctx.db.insertInto("career_positions").values(rows).execute();
  }
  return { frameworkId, versionId, content };
}

/** An assessment whose gap analysis reads 20 raters: the manager and 19 peers. */
export type BenchAssessment = { assessmentId: string; ownerId: string };

const raterCount = 20;

/**
 * `count` members each assess themselves against their role on every competency, finish, share
 * with their manager, and ask their manager and 19 colleagues, who all answer: each gap analysis
 * then combines 20 raters' answers.
 */
export async function generateAssessments(
  ctx: AppContext,
  organization: Organization,
  framework: BenchFramework,
  count: number,
): Promise<BenchAssessment[]> {
  const actor = (personId: string): Actor => ({ personId, role: "member", sessionId: "bench" });
  const owners = organization.people.filter((person) => person.managerId).slice(-count);
  const assessments: BenchAssessment[] = [];
  for (const [index, owner] of owners.entries()) {
    const me = actor(owner.id);
    let assessment = await createAssessment(ctx, me, { frameworkId: framework.frameworkId });
    assessment = await saveRatings(ctx, me, assessment.id, {
      baseVersion: assessment.version,
      ratings: assessment.ratings.map((rating, position) => ({
        ...rating,
        rating: 1 + ((position + index) % framework.content.scale.length),
        evidence: { text: "Led the quarterly forecast review.", links: [], goalIds: [] },
      })),
    });
    assessment = await finishAssessment(ctx, me, assessment.id, {
      baseVersion: assessment.version,
    });
    await shareAssessment(ctx, me, assessment.id, { sharedWithManager: true });
    const peers = organization.people
      .filter((person) => person.id !== owner.id && person.id !== owner.managerId)
      .slice(index * raterCount, index * raterCount + raterCount - 1)
      .map((person) => person.id);
    const { requests } = await createFeedbackRequests(ctx, me, assessment.id, {
      includeManager: true,
      peerIds: peers,
      message: "",
      dueOn: null,
    });
    for (const [position, request] of requests.entries()) {
      await answerFeedbackRequest(ctx, actor(request.rater.id), request.id, {
        ratings: assessment.ratings.map((rating, key) => ({
          competencyKey: rating.competencyKey,
          rating: 1 + ((key + position) % framework.content.scale.length),
          comment: "",
        })),
      });
    }
    assessments.push({ assessmentId: assessment.id, ownerId: owner.id });
  }
  return assessments;
}
