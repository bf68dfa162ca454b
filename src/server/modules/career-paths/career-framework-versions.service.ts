import type { z } from "zod";
import type { FrameworkContent } from "#core/career/framework.schemas.ts";
import type {
  DiffQuery,
  FrameworkDiff,
  FrameworkVersion,
  PublishBody,
} from "#core/career/frameworks.schemas.ts";
import { newId } from "#core/ids.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { AppError } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { diffFrameworks } from "./career-framework-diff.ts";
import {
  findVersionSummaryById,
  findVersionSummaryByNumber,
  listVersionSummaries,
  type VersionSummaryRow,
} from "./career-framework-versions.queries.ts";
import { loadFramework, loadReadableFrameworkHead } from "./career-frameworks.access.ts";
import { DraftConflictError } from "./career-frameworks.errors.ts";
import { assertCanManageFrameworks } from "./career-frameworks.policy.ts";
import {
  presentDraft,
  presentVersion,
  presentVersionSummary,
  sameContent,
} from "./career-frameworks.presenters.ts";
import {
  claimDraftAt,
  findLatestVersionRow,
  insertVersionRow,
} from "./career-frameworks.queries.ts";
import { loadVersion } from "./version-cache.ts";

/**
 * Publishing snapshots the draft as the next numbered version, which never changes afterwards:
 * assessments keep the version they were made against and stay readable as they were made.
 */
export async function publishFramework(
  ctx: AppContext,
  actor: Actor,
  frameworkId: string,
  input: z.output<typeof PublishBody>,
  meta: RequestMeta,
): Promise<FrameworkVersion> {
  assertCanManageFrameworks(actor);
  const now = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const framework = await loadFramework(trx, frameworkId);
    const current = framework.draft_version === input.baseVersion;
    if (!current || !(await claimDraftAt(trx, frameworkId, framework.draft_version))) {
      throw new DraftConflictError(presentDraft(await loadFramework(trx, frameworkId)));
    }
    const latest = await findLatestVersionRow(trx, frameworkId);
    if (latest && sameContent(latest.content, framework.draft_content)) {
      throw new AppError(
        "bad_request",
        `Nothing changed since version ${latest.number}: edit the draft before publishing.`,
      );
    }
    const id = newId();
    const number = (latest?.number ?? 0) + 1;
    await insertVersionRow(trx, {
      id,
      framework_id: frameworkId,
      number,
      content: framework.draft_content,
      change_summary: input.changeSummary,
      published_at: now,
      published_by: actor.personId,
    });
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "career_framework.published",
      actorId: actor.personId,
      target: { type: "career-framework", id: frameworkId },
      details: { number, changeSummary: input.changeSummary },
    });
    const summary = await findVersionSummaryById(trx, id);
    if (!summary) throw new AppError("internal", "The published version could not be read back.");
    return presentVersion(summary, framework.draft_content);
  });
}

export async function listVersions(
  ctx: AppContext,
  actor: Actor,
  frameworkId: string,
): Promise<{ versions: ReturnType<typeof presentVersionSummary>[] }> {
  await loadReadableFrameworkHead(ctx.db, actor, frameworkId);
  const rows = await listVersionSummaries(ctx.db, frameworkId);
  return { versions: rows.map(presentVersionSummary) };
}

const noSuchVersion = () => new AppError("not_found", "This framework has no such version.");

async function loadNumberedVersion(
  db: Db,
  frameworkId: string,
  number: number,
): Promise<{ summary: VersionSummaryRow; content: FrameworkContent }> {
  const summary = await findVersionSummaryByNumber(db, frameworkId, number);
  const version = summary && (await loadVersion(db, summary.id));
  if (!summary || !version) throw noSuchVersion();
  return { summary, content: version.content };
}

export async function getVersion(
  ctx: AppContext,
  actor: Actor,
  frameworkId: string,
  number: number,
): Promise<FrameworkVersion> {
  await loadReadableFrameworkHead(ctx.db, actor, frameworkId);
  const { summary, content } = await loadNumberedVersion(ctx.db, frameworkId, number);
  return presentVersion(summary, content);
}

/** Between two versions, or a version and the draft (admins). */
export async function diffVersions(
  ctx: AppContext,
  actor: Actor,
  frameworkId: string,
  query: z.output<typeof DiffQuery>,
): Promise<FrameworkDiff> {
  await loadReadableFrameworkHead(ctx.db, actor, frameworkId);
  const side = async (which: "draft" | number): Promise<FrameworkContent> => {
    if (which !== "draft") return (await loadNumberedVersion(ctx.db, frameworkId, which)).content;
    assertCanManageFrameworks(actor);
    return (await loadFramework(ctx.db, frameworkId)).draft_content;
  };
  const before = await side(query.from);
  const after = await side(query.to);
  return { from: query.from, to: query.to, changes: diffFrameworks(before, after) };
}
