import { newId } from "#core/ids.ts";
import type { CreateLiveSeriesBody, LiveSeriesView } from "#core/live-learning.schemas.ts";
import { liveLearningLimits } from "#core/live-learning.schemas.ts";
import type { Actor, AppContext, RequestMeta } from "#server/context.ts";
import { AppError, notFound } from "#server/errors.ts";
import { recordAuditEvent } from "#server/modules/audit/audit.service.ts";
import { LiveSeriesConflictError } from "./live-learning.errors.ts";
import { assertAllowed, liveSeriesPolicies } from "./live-learning.policy.ts";
import { presentLiveSeries } from "./live-learning.presenters.ts";
import {
  countSeriesRows,
  findSeriesRow,
  insertSeriesRow,
  listSeriesRows,
  updateSeriesRowAt,
} from "./live-learning.queries.ts";

/** Series group sessions on the calendar ("Manager essentials", "Crucial Conversations"). */

const noSuchSeries = () => notFound("No such series.");

export async function listLiveSeries(
  ctx: AppContext,
  actor: Actor,
): Promise<{ items: LiveSeriesView[] }> {
  if (!liveSeriesPolicies.read(actor)) throw noSuchSeries();
  return { items: (await listSeriesRows(ctx.db)).map(presentLiveSeries) };
}

export async function createLiveSeries(
  ctx: AppContext,
  actor: Actor,
  input: { title: string; description?: string | undefined } & Partial<CreateLiveSeriesBody>,
  meta: RequestMeta,
): Promise<LiveSeriesView> {
  assertAllowed(liveSeriesPolicies.manage(actor), "Only administrators plan series.");
  const id = newId(ctx.clock.now().getTime());
  await ctx.db.transaction().execute(async (trx) => {
    if ((await countSeriesRows(trx)) >= liveLearningLimits.series) {
      throw new AppError(
        "validation_failed",
        `There can be at most ${liveLearningLimits.series} series.`,
      );
    }
    const now = ctx.clock.now().toISOString();
    await insertSeriesRow(trx, {
      id,
      title: input.title,
      description: input.description ?? "",
      version: 1,
      created_at: now,
      updated_at: now,
    });
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "live_series.created",
      actorId: actor.personId,
      target: { type: "live-series", id },
      details: { title: input.title },
    });
  });
  const row = await findSeriesRow(ctx.db, id);
  if (!row) throw noSuchSeries();
  return presentLiveSeries(row);
}

export async function updateLiveSeries(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { title: string; description?: string | undefined; baseVersion: number },
  meta: RequestMeta,
): Promise<LiveSeriesView> {
  assertAllowed(liveSeriesPolicies.manage(actor), "Only administrators edit series.");
  await ctx.db.transaction().execute(async (trx) => {
    const current = await findSeriesRow(trx, id);
    if (!current) throw noSuchSeries();
    const saved =
      current.version === input.baseVersion &&
      (await updateSeriesRowAt(trx, id, input.baseVersion, {
        title: input.title,
        description: input.description ?? "",
        updated_at: ctx.clock.now().toISOString(),
      }));
    if (!saved) {
      const latest = (await findSeriesRow(trx, id)) ?? current;
      throw new LiveSeriesConflictError(presentLiveSeries(latest));
    }
    await recordAuditEvent(trx, ctx.clock, meta, {
      action: "live_series.updated",
      actorId: actor.personId,
      target: { type: "live-series", id },
      details: { version: input.baseVersion + 1 },
    });
  });
  const row = await findSeriesRow(ctx.db, id);
  if (!row) throw noSuchSeries();
  return presentLiveSeries(row);
}
