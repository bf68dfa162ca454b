import type { FrameworkContent } from "#core/career/framework.schemas.ts";
import { defaultGapRule, defaultScale } from "#core/career/framework.schemas.ts";
import { newId } from "#core/ids.ts";
import type { AppContext } from "#server/context.ts";
import {
  findLatestVersionRow,
  insertFrameworkRow,
  insertVersionRow,
} from "./career-frameworks.queries.ts";
import { savePosition } from "./career-positions.queries.ts";

/**
 * Test helpers of the career paths module: a small framework (two families, four roles, three
 * competencies in two themes, upward, lateral and cross-department edges) and factories that
 * store it as a published framework and give people roles in it.
 */
export function testFrameworkContent(overrides: Partial<FrameworkContent> = {}): FrameworkContent {
  const descriptors = ["Learns with help", "Does it with guidance", "Does it alone", "Teaches it"];
  return {
    name: "Test framework",
    description: "",
    scale: defaultScale,
    gapRule: defaultGapRule,
    caseDocumentId: null,
    themes: [
      { key: "craft", name: "Craft", description: "", caseId: null },
      { key: "people", name: "People", description: "", caseId: null },
    ],
    competencies: [
      {
        key: "forecasting",
        themeKey: "craft",
        name: "Forecasting",
        description: "",
        descriptors,
        caseId: null,
      },
      {
        key: "tooling",
        themeKey: "craft",
        name: "Tooling",
        description: "",
        descriptors,
        caseId: null,
      },
      {
        key: "coaching",
        themeKey: "people",
        name: "Coaching",
        description: "",
        descriptors,
        caseId: null,
      },
    ],
    families: [
      {
        key: "sales-ops",
        name: "Sales Operations",
        department: "Revenue",
        description: "",
        handbookUrl: null,
      },
      { key: "data", name: "Data", department: "Data", description: "", handbookUrl: null },
    ],
    roles: [
      role("analyst", "sales-ops", "Sales Operations Analyst", 1, "Revenue", {
        forecasting: 2,
        tooling: 2,
        coaching: 1,
      }),
      role("senior-analyst", "sales-ops", "Senior Sales Operations Analyst", 2, "Revenue", {
        forecasting: 3,
        tooling: 3,
        coaching: 2,
      }),
      role(
        "ops-manager",
        "sales-ops",
        "Sales Operations Manager",
        3,
        "Revenue",
        { forecasting: 3, tooling: 2, coaching: 4 },
        "manager",
      ),
      role("data-analyst", "data", "Data Analyst", 2, "Data", { forecasting: 3, tooling: 4 }),
    ],
    edges: [
      { from: "analyst", to: "senior-analyst", kind: "upward", note: "typical after 18 months" },
      { from: "senior-analyst", to: "ops-manager", kind: "upward", note: "" },
      { from: "senior-analyst", to: "data-analyst", kind: "cross-department", note: "" },
    ],
    ...overrides,
  };
}

function role(
  key: string,
  familyKey: string,
  title: string,
  level: number,
  department: string,
  expectations: Record<string, number>,
  track: "ic" | "manager" = "ic",
): FrameworkContent["roles"][number] {
  return {
    key,
    familyKey,
    title,
    level,
    levelName: `Level ${level}`,
    track,
    department,
    summary: "",
    responsibilities: "",
    requirements: "",
    url: null,
    expectations,
  };
}

/** A framework whose draft and version 1 hold `content`; returns its ids. */
export async function createPublishedFramework(
  ctx: AppContext,
  content: FrameworkContent = testFrameworkContent(),
  options: { isSample?: boolean } = {},
): Promise<{ frameworkId: string; versionId: string }> {
  const now = ctx.clock.now().toISOString();
  const frameworkId = newId();
  const versionId = newId();
  await insertFrameworkRow(ctx.db, {
    id: frameworkId,
    name: content.name,
    is_sample: options.isSample ? 1 : 0,
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
    change_summary: "First version",
    published_at: now,
    published_by: null,
  });
  return { frameworkId, versionId };
}

export async function giveCurrentRole(
  ctx: AppContext,
  personId: string,
  frameworkId: string,
  roleKey: string,
): Promise<void> {
  await savePosition(
    ctx.db,
    personId,
    { current: { frameworkId, roleKey } },
    ctx.clock.now().toISOString(),
  );
}

/** Publishes `content` as the framework's next version; returns the new version's id. */
export async function publishNextVersion(
  ctx: AppContext,
  frameworkId: string,
  content: FrameworkContent,
): Promise<string> {
  const latest = await findLatestVersionRow(ctx.db, frameworkId);
  const versionId = newId();
  await insertVersionRow(ctx.db, {
    id: versionId,
    framework_id: frameworkId,
    number: (latest?.number ?? 0) + 1,
    content,
    change_summary: "Next version",
    published_at: ctx.clock.now().toISOString(),
    published_by: null,
  });
  return versionId;
}
