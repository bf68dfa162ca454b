import type { z } from "zod";
import { emptyFramework, type FrameworkContent } from "#core/career/framework.schemas.ts";
import type {
  CreateFrameworkBody,
  FrameworkDraft,
  FrameworkSummary,
  PublishedFramework,
  SaveDraftBody,
  SaveExpectationsBody,
} from "#core/career/frameworks.schemas.ts";
import { newId } from "#core/ids.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { AppError } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import {
  findVersionSummaryById,
  listVersionSummariesByIds,
  type VersionSummaryRow,
} from "./career-framework-versions.queries.ts";
import { factsOf, loadFramework, loadReadableFrameworkHead } from "./career-frameworks.access.ts";
import { DraftConflictError } from "./career-frameworks.errors.ts";
import {
  assertCanManageFrameworks,
  assertCanReadFramework,
  careerFrameworkPolicies,
} from "./career-frameworks.policy.ts";
import {
  presentDraft,
  presentFrameworkSummary,
  presentVersionSummary,
} from "./career-frameworks.presenters.ts";
import {
  type FrameworkRow,
  findFrameworkRow,
  insertFrameworkRow,
  listFrameworkRows,
  updateDraftAt,
} from "./career-frameworks.queries.ts";
import { loadVersion } from "./version-cache.ts";

const nowIso = (ctx: AppContext) => ctx.clock.now().toISOString();

// ── Reading ────────────────────────────────────────────────────────────────────────────────────

/** Members: published frameworks only; admins: all, with their drafts' state. */
export async function listFrameworks(
  ctx: AppContext,
  actor: Actor,
): Promise<{ frameworks: FrameworkSummary[] }> {
  const rows = (await listFrameworkRows(ctx.db)).filter((row) =>
    careerFrameworkPolicies.read(actor, factsOf(row)),
  );
  const summaries = await listVersionSummariesByIds(
    ctx.db,
    rows.flatMap((row) => (row.latest_version_id ? [row.latest_version_id] : [])),
  );
  const byId = new Map(summaries.map((summary) => [summary.id, summary]));
  const withDraft = careerFrameworkPolicies.manage(actor);
  const frameworks: FrameworkSummary[] = [];
  for (const row of rows) {
    frameworks.push(await summarize(ctx.db, row, withDraft, byId.get(row.latest_version_id ?? "")));
  }
  // By the name the reader sees: members see the published name, admins the draft's.
  frameworks.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { frameworks };
}

async function summarize(
  db: Db,
  row: FrameworkRow,
  withDraft: boolean,
  known?: VersionSummaryRow,
): Promise<FrameworkSummary> {
  const latest = row.latest_version_id;
  const summary = known ?? (latest ? await findVersionSummaryById(db, latest) : undefined);
  const version = summary && (await loadVersion(db, summary.id));
  const published = summary && version ? { summary, content: version.content } : null;
  return presentFrameworkSummary(row, published, withDraft);
}

export async function getFramework(
  ctx: AppContext,
  actor: Actor,
  frameworkId: string,
): Promise<FrameworkSummary> {
  const row = await loadFramework(ctx.db, frameworkId);
  assertCanReadFramework(actor, factsOf(row));
  return summarize(ctx.db, row, careerFrameworkPolicies.manage(actor));
}

/** The latest published version as people read it; 404 before the first publish. */
export async function getPublishedFramework(
  ctx: AppContext,
  actor: Actor,
  frameworkId: string,
): Promise<PublishedFramework> {
  const head = await loadReadableFrameworkHead(ctx.db, actor, frameworkId);
  const latest = head.latest_version_id;
  const summary = latest ? await findVersionSummaryById(ctx.db, latest) : undefined;
  const version = latest ? await loadVersion(ctx.db, latest) : undefined;
  if (!summary || !version) {
    throw new AppError("not_found", "This framework has not been published yet.");
  }
  return {
    frameworkId: head.id,
    isSample: head.is_sample,
    version: presentVersionSummary(summary),
    content: version.content,
  };
}

// ── Drafts (admins) ────────────────────────────────────────────────────────────────────────────

export async function createFramework(
  ctx: AppContext,
  actor: Actor,
  input: z.output<typeof CreateFrameworkBody>,
  meta: RequestMeta,
): Promise<FrameworkSummary> {
  assertCanManageFrameworks(actor);
  const now = nowIso(ctx);
  const id = newId();
  const content = { ...emptyFramework(input.name), description: input.description };
  return ctx.db.transaction().execute(async (trx) => {
    await insertFrameworkRow(trx, {
      id,
      name: content.name,
      is_sample: 0,
      draft_content: content,
      draft_version: 1,
      draft_updated_at: now,
      draft_updated_by: actor.personId,
      latest_version_id: null,
      created_at: now,
    });
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "career_framework.created",
      actorId: actor.personId,
      target: { type: "career-framework", id },
      details: { name: content.name },
    });
    return summarize(trx, await loadFramework(trx, id), true);
  });
}

export async function getDraft(
  ctx: AppContext,
  actor: Actor,
  frameworkId: string,
): Promise<FrameworkDraft> {
  assertCanManageFrameworks(actor);
  return presentDraft(await loadFramework(ctx.db, frameworkId));
}

export async function saveDraft(
  ctx: AppContext,
  actor: Actor,
  frameworkId: string,
  input: z.output<typeof SaveDraftBody>,
  meta: RequestMeta,
): Promise<FrameworkDraft> {
  assertCanManageFrameworks(actor);
  return writeDraft(ctx, actor, frameworkId, input.baseVersion, meta, () => ({
    content: input.content,
    details: { name: input.content.name },
  }));
}

type ExpectationChanges = z.output<typeof SaveExpectationsBody>["changes"];

/** Quick edits of the role × competency grid, each checked against the draft it lands on. */
export async function saveExpectations(
  ctx: AppContext,
  actor: Actor,
  frameworkId: string,
  input: z.output<typeof SaveExpectationsBody>,
  meta: RequestMeta,
): Promise<FrameworkDraft> {
  assertCanManageFrameworks(actor);
  return writeDraft(ctx, actor, frameworkId, input.baseVersion, meta, (draft) => ({
    content: applyExpectationChanges(draft, input.changes),
    details: { expectationsChanged: input.changes.length },
  }));
}

export function applyExpectationChanges(
  draft: FrameworkContent,
  changes: ExpectationChanges,
): FrameworkContent {
  const competencies = new Set(draft.competencies.map((competency) => competency.key));
  const roles = new Map(
    draft.roles.map((role) => [role.key, { ...role, expectations: { ...role.expectations } }]),
  );
  const points = draft.scale.length;
  const fields: Record<string, string> = {};
  // A flag, not a count of `fields` per change: 20,000 refused changes would make that quadratic.
  let refused = false;
  const refuse = (path: string, message: string) => {
    fields[path] = message;
    refused = true;
  };
  changes.forEach((change, index) => {
    const role = roles.get(change.roleKey);
    if (!role) refuse(`changes.${index}.roleKey`, `No role has the key "${change.roleKey}"`);
    if (!competencies.has(change.competencyKey)) {
      refuse(
        `changes.${index}.competencyKey`,
        `No competency has the key "${change.competencyKey}"`,
      );
    }
    if (change.level !== null && change.level > points) {
      refuse(`changes.${index}.level`, `The scale has only ${points} points`);
    }
    if (!role || refused) return;
    if (change.level === null) delete role.expectations[change.competencyKey];
    else role.expectations[change.competencyKey] = change.level;
  });
  if (refused) {
    throw new AppError("validation_failed", "Some changes do not fit this draft.", fields);
  }
  return { ...draft, roles: draft.roles.map((role) => roles.get(role.key) ?? role) };
}

/** One transaction: save at `baseVersion` or answer 409 with the draft as it is now. */
async function writeDraft(
  ctx: AppContext,
  actor: Actor,
  frameworkId: string,
  baseVersion: number,
  meta: RequestMeta,
  change: (draft: FrameworkContent) => { content: FrameworkContent; details: object },
): Promise<FrameworkDraft> {
  const now = nowIso(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await loadFramework(trx, frameworkId);
    if (current.draft_version !== baseVersion) throw new DraftConflictError(presentDraft(current));
    const { content, details } = change(current.draft_content);
    const saved = await updateDraftAt(trx, frameworkId, baseVersion, {
      content,
      updatedAt: now,
      updatedBy: actor.personId,
    });
    if (!saved) {
      const latest = await findFrameworkRow(trx, frameworkId);
      throw latest
        ? new DraftConflictError(presentDraft(latest))
        : new AppError("not_found", "No such career framework.");
    }
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "career_framework.draft_saved",
      actorId: actor.personId,
      target: { type: "career-framework", id: frameworkId },
      details: { draftVersion: baseVersion + 1, ...details },
    });
    return presentDraft(await loadFramework(trx, frameworkId));
  });
}
