import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { EmptyBody } from "#core/common.schemas.ts";
import {
  AddEnergyFindingBody,
  CreateEnergyEntryBody,
  EnergyEntry,
  EnergyEntryList,
  EnergyEntryQuery,
  EnergySummary,
  EnergySummaryQuery,
} from "#core/growth-plan/energy.schemas.ts";
import { EnergyEntryIdParams, PlanIdParams } from "#core/growth-plan/plans.schemas.ts";
import { SectionSaved } from "#core/growth-plan/saving.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import {
  addEnergyFinding,
  getEnergySummary,
  listPlanEnergyEntries,
  logEnergyEntry,
  removeEnergyEntry,
} from "./growth-plan-energy.service.ts";
import { growthPlanPolicies } from "./growth-plans.policy.ts";

const tags = ["growth plans"];

/** The energy journal, its summary and its findings. */
export const growthPlanEnergyRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    "/api/growth-plans/:planId/energy-entries",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.readSection },
      schema: {
        tags,
        summary: "Energy journal entries, newest first",
        params: PlanIdParams,
        querystring: EnergyEntryQuery,
        response: { 200: EnergyEntryList },
      },
    },
    async (request) =>
      listPlanEnergyEntries(ctx, actorOf(request), request.params.planId, request.query),
  );

  app.post(
    "/api/growth-plans/:planId/energy-entries",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.edit },
      schema: {
        tags,
        summary: "Log an energy journal entry",
        params: PlanIdParams,
        body: CreateEnergyEntryBody,
        response: { 201: EnergyEntry },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await logEnergyEntry(ctx, actorOf(request), request.params.planId, request.body)),
  );

  app.delete(
    "/api/growth-plans/:planId/energy-entries/:entryId",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.edit },
      schema: {
        tags,
        summary: "Delete an energy journal entry",
        params: EnergyEntryIdParams,
        body: EmptyBody,
      },
    },
    async (request, reply) => {
      await removeEnergyEntry(ctx, actorOf(request), request.params.planId, request.params.entryId);
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/growth-plans/:planId/energy-summary",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.readSection },
      schema: {
        tags,
        summary: "What energizes and what drains: averages per activity, tag and day",
        params: PlanIdParams,
        querystring: EnergySummaryQuery,
        response: { 200: EnergySummary },
      },
    },
    async (request) =>
      getEnergySummary(ctx, actorOf(request), request.params.planId, request.query),
  );

  app.post(
    "/api/growth-plans/:planId/energy-findings",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.edit },
      schema: {
        tags,
        summary: "Add a finding of the energy summary to Section 1",
        params: PlanIdParams,
        body: AddEnergyFindingBody,
        response: { 200: SectionSaved },
      },
    },
    async (request) => addEnergyFinding(ctx, actorOf(request), request.params.planId, request.body),
  );
};
