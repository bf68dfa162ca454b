import { personalDataExportMaxBytes } from "#core/personal-data.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import type { Download } from "#server/http/download.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { buildArchiveInWorker } from "#server/modules/growth-plans/growth-plan-exports.service.ts";
import {
  assertPersonalDataRule,
  type PersonalDataFacts,
  personNotFound,
} from "./personal-data.policy.ts";
import { findPersonRow } from "./personal-data.queries.ts";
import { collectPersonalData } from "./personal-data.sections.ts";

/**
 * The personal data export (docs/personal-data-export.md): a zip archive of everything Trellis
 * keeps about one person, read as that person would see it themselves. Collected here, then
 * rendered and compressed in an export worker (personal-data-archive.ts) under a size bound;
 * every export writes an audit row naming who exported whose data.
 */

export type ExportOptions = { maxBytes?: number };

/** "trellis-data-ada-lovelace-2026-12-02.zip" */
export function archiveFileName(name: string, exportedAt: string): string {
  const slug =
    name
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "person";
  return `trellis-data-${slug}-${exportedAt.slice(0, 10)}.zip`;
}

export async function exportOwnData(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  options: ExportOptions = {},
): Promise<Download> {
  return exportFor(ctx, actor, actor.personId, "exportOwn", meta, options);
}

export async function exportPersonData(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  meta: RequestMeta,
  options: ExportOptions = {},
): Promise<Download> {
  return exportFor(ctx, actor, personId, "exportForPerson", meta, options);
}

async function exportFor(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  rule: "exportOwn" | "exportForPerson",
  meta: RequestMeta,
  options: ExportOptions,
): Promise<Download> {
  const person = await findPersonRow(ctx.db, personId);
  if (!person) throw personNotFound();
  const facts: PersonalDataFacts = { personId, personActive: person.status === "active" };
  assertPersonalDataRule(rule, actor, facts);

  const exportedAt = ctx.clock.now().toISOString();
  const personName = person.preferred_name ?? person.name;
  const owner: Actor = { personId: person.id, role: person.role, sessionId: "" };
  const data = await collectPersonalData({ ctx, person, owner });
  const maxBytes = options.maxBytes ?? personalDataExportMaxBytes;
  const exportedBy = rule === "exportOwn" ? "self" : "admin";
  const built = await buildArchiveInWorker(ctx, {
    format: "personal-data-archive",
    data,
    meta: { exportedAt, personId, personName, exportedBy },
    maxBytes,
  });
  if ("tooLarge" in built) {
    throw new AppError(
      "payload_too_large",
      `The archive would be larger than ${Math.round(maxBytes / (1024 * 1024))} MB. Export single plans and conversations from their pages instead.`,
    );
  }

  await recordAuditEvent(ctx.db, ctx.clock, meta, {
    action: "people.data_exported",
    actorId: actor.personId,
    target: { type: "person", id: personId },
    details: { by: exportedBy, files: built.files, bytes: built.bytes },
  });

  return {
    body: built.archive,
    contentType: "application/zip",
    fileName: archiveFileName(personName, exportedAt),
  };
}
