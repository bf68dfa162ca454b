import type { z } from "zod";
import type { FrameworkContent } from "#core/career/framework.schemas.ts";
import type {
  ExportQuery,
  FrameworkDraft,
  ImportBody,
  ImportResult,
} from "#core/career/frameworks.schemas.ts";
import { newId } from "#core/ids.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import { ConflictError, notFound } from "#server/errors.ts";
import { AccessDeniedError } from "#server/modules/audit/access-denials.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { createWorkerPool, runForRequest } from "#server/shared/worker-pool.ts";
import type {
  FrameworkFileJob,
  FrameworkFileResult,
  ReadOutcome,
} from "./career-framework-file.worker.ts";
import {
  assertCanImportFrameworks,
  careerFrameworkImportPolicies,
} from "./career-framework-imports.policy.ts";
import type { FrameworkFile } from "./career-framework-interchange.ts";
import {
  findFrameworkRow,
  findLatestVersionRow,
  findVersionByNumber,
  insertFrameworkRow,
  updateDraftAt,
} from "./career-frameworks.queries.ts";
import { slugify } from "./career-keys.ts";

/** Framework files are read and written in a worker thread, so a large one delays no request. */
export const frameworkFileWorkers = createWorkerPool<FrameworkFileJob, FrameworkFileResult>(
  new URL("./career-framework-file.worker.ts", import.meta.url),
  { size: 1, maxQueued: 8, maxHeapMb: 512, idleMs: 60_000 },
);

function runFileJob(ctx: AppContext, job: FrameworkFileJob): Promise<FrameworkFileResult> {
  const seconds = ctx.config.exportTimeBudgetMs / 1000;
  return runForRequest(frameworkFileWorkers, job, ctx.config.exportTimeBudgetMs, {
    overBudget: `The framework file took longer than ${seconds} seconds and was stopped. Try a smaller one.`,
    busy: "Too many framework files are being imported or exported. Try again in a minute.",
  });
}

const noSuchFramework = () => notFound("No such career framework.");

function resultOf(frameworkId: string | null, outcome: ReadOutcome): ImportResult {
  const { content } = outcome;
  return {
    frameworkId,
    ...outcome,
    counts: {
      families: content.families.length,
      roles: content.roles.length,
      competencies: content.competencies.length,
      themes: content.themes.length,
      edges: content.edges.length,
    },
  };
}

async function planImport(ctx: AppContext, actor: Actor, body: z.infer<typeof ImportBody>) {
  assertCanImportFrameworks(actor);
  const row = body.frameworkId ? await findFrameworkRow(ctx.db, body.frameworkId) : undefined;
  if (body.frameworkId && !row) throw noSuchFramework();
  const outcome = (await runFileJob(ctx, {
    kind: "read",
    format: body.format,
    text: body.content,
    existing: row?.draft_content ?? null,
  })) as ReadOutcome;
  return { row, outcome };
}

/** What the file holds and what importing it would change; writes nothing. */
export async function previewFrameworkImport(
  ctx: AppContext,
  actor: Actor,
  body: z.infer<typeof ImportBody>,
): Promise<ImportResult> {
  const { outcome } = await planImport(ctx, actor, body);
  return resultOf(null, outcome);
}

/**
 * A new framework whose draft is the file's framework, unpublished; or, with `frameworkId`, that
 * framework's draft replaced by it. A draft saved meanwhile by someone else is not overwritten.
 */
export async function importFramework(
  ctx: AppContext,
  actor: Actor,
  body: z.infer<typeof ImportBody>,
  meta: RequestMeta,
): Promise<ImportResult> {
  const { row, outcome } = await planImport(ctx, actor, body);
  const now = ctx.clock.now().toISOString();
  const frameworkId = row?.id ?? newId();
  await ctx.db.transaction().execute(async (trx) => {
    if (row) {
      const saved = await updateDraftAt(trx, row.id, row.draft_version, {
        content: outcome.content,
        updatedAt: now,
        updatedBy: actor.personId,
      });
      if (!saved) {
        const current = await findFrameworkRow(trx, row.id);
        throw new ConflictError<FrameworkDraft | null>(
          "The draft was changed while the file was read. Look at it, then import again.",
          current
            ? {
                frameworkId: current.id,
                version: current.draft_version,
                updatedAt: current.draft_updated_at,
                content: current.draft_content,
              }
            : null,
        );
      }
    } else {
      await insertFrameworkRow(trx, {
        id: frameworkId,
        name: outcome.content.name,
        is_sample: 0,
        draft_content: outcome.content,
        draft_version: 1,
        draft_updated_at: now,
        draft_updated_by: actor.personId,
        latest_version_id: null,
        created_at: now,
      });
    }
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "career_framework.imported",
      actorId: actor.personId,
      target: { type: "career-framework", id: frameworkId },
      details: {
        format: body.format,
        into: row ? "draft" : "new",
        changes: outcome.changes.length,
        warnings: outcome.warnings.length,
      },
    });
  });
  return resultOf(frameworkId, outcome);
}

/** A version of the framework (the latest published by default, or the draft) as a file. */
export async function exportFramework(
  ctx: AppContext,
  actor: Actor,
  frameworkId: string,
  query: z.infer<typeof ExportQuery>,
): Promise<FrameworkFile & { fileName: string }> {
  const row = await findFrameworkRow(ctx.db, frameworkId);
  if (!row) throw noSuchFramework();
  const draft = query.version === "draft";
  const facts = { published: row.latest_version_id !== null, draft };
  if (!careerFrameworkImportPolicies.export(actor, facts)) {
    throw new AccessDeniedError(
      { type: "career-framework", id: frameworkId },
      "No such career framework.",
    );
  }
  let content: FrameworkContent;
  let suffix: string;
  if (query.version === "draft") {
    content = row.draft_content;
    suffix = "draft";
  } else {
    const version =
      query.version === undefined
        ? await findLatestVersionRow(ctx.db, frameworkId)
        : await findVersionByNumber(ctx.db, frameworkId, query.version);
    if (!version) throw noSuchFramework();
    content = version.content;
    suffix = `v${version.number}`;
  }
  const file = (await runFileJob(ctx, {
    kind: "write",
    format: query.format,
    content,
    now: ctx.clock.now().toISOString(),
  })) as FrameworkFile;
  return {
    ...file,
    fileName: `${slugify(content.name, "career-framework")}-${suffix}.${file.extension}`,
  };
}
