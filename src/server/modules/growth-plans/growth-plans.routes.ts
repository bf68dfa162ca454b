import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { EmptyBody } from "#core/auth.schemas.ts";
import {
  AddEnergyFindingBody,
  CommentIdParams,
  CommentList,
  CommentListQuery,
  CommentView,
  CreateCommentBody,
  CreateEnergyEntryBody,
  CreateGoalBody,
  CreatePlanBody,
  CreateTemplateBody,
  DeleteGoalBody,
  type DocumentSectionContent,
  documentSectionKeys,
  EnergyEntry,
  EnergyEntryIdParams,
  EnergyEntryList,
  EnergyEntryQuery,
  EnergySummary,
  EnergySummaryQuery,
  exportFormats,
  GoalConflict,
  GoalDeleted,
  GoalIdParams,
  GoalSaved,
  GrowthPlanAdoption,
  PlanIdParams,
  PlanList,
  PlanListQuery,
  PlanView,
  PromptList,
  RenamePlanBody,
  RevisionDetail,
  RevisionList,
  RevisionListQuery,
  RevisionParams,
  SaveGoalBody,
  SectionConflict,
  SectionSaved,
  SharedPlanList,
  SharingView,
  saveSectionBodies,
  TemplateIdParams,
  TemplateList,
  TemplateListQuery,
  TemplateView,
  UpdatePromptsBody,
  UpdateSharingBody,
  UpdateTemplateBody,
} from "#core/growth-plan.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import {
  addEnergyFinding,
  getEnergySummary,
  listPlanEnergyEntries,
  logEnergyEntry,
  removeEnergyEntry,
} from "./energy-journal.service.ts";
import { exportPlan } from "./growth-plan-exports.service.ts";
import {
  getPlanRevision,
  listPlanRevisions,
  restorePlanRevision,
} from "./growth-plan-history.service.ts";
import {
  addPlanComment,
  getSharing,
  listPlanComments,
  resolvePlanComment,
  updateSharing,
} from "./growth-plan-sharing.service.ts";
import {
  createTemplate,
  getAdoption,
  getPrompts,
  getTemplates,
  updatePrompts,
  updateTemplate,
} from "./growth-plan-templates.service.ts";
import { growthPlanPolicies } from "./growth-plans.policy.ts";
import {
  activatePlan,
  archivePlan,
  createGoal,
  createPlan,
  deleteGoal,
  getPlan,
  listPlans,
  listPlansSharedWithMe,
  renamePlan,
  saveGoal,
  saveSection,
} from "./growth-plans.service.ts";

const tags = ["growth plans"];

export const growthPlanRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    "/api/growth-plans",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.list },
      schema: {
        tags,
        summary: "My plans, or the plans of a person that share something with me",
        querystring: PlanListQuery,
        response: { 200: PlanList },
      },
    },
    async (request) => listPlans(ctx, actorOf(request), request.query),
  );

  app.get(
    "/api/growth-plans/shared-with-me",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.list },
      schema: {
        tags,
        summary: "Plans my reports and others share with me",
        response: { 200: SharedPlanList },
      },
    },
    async (request) => listPlansSharedWithMe(ctx, actorOf(request)),
  );

  app.get(
    "/api/growth-plans/adoption",
    {
      config: { access: "admin", policy: growthPlanPolicies.readAdoption },
      schema: {
        tags,
        summary: "How many people have an active plan, by department (counts only)",
        response: { 200: GrowthPlanAdoption },
      },
    },
    async (request) => getAdoption(ctx, actorOf(request)),
  );

  app.post(
    "/api/growth-plans",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.create },
      schema: {
        tags,
        summary: "Start a plan, blank or from a template",
        body: CreatePlanBody,
        response: { 201: PlanView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createPlan(ctx, actorOf(request), request.body)),
  );

  app.get(
    "/api/growth-plans/:planId",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.read },
      schema: {
        tags,
        summary: "A plan, with only the sections the reader may read",
        params: PlanIdParams,
        response: { 200: PlanView },
      },
    },
    async (request) => getPlan(ctx, actorOf(request), request.params.planId),
  );

  app.patch(
    "/api/growth-plans/:planId",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.edit },
      schema: {
        tags,
        summary: "Rename a plan",
        params: PlanIdParams,
        body: RenamePlanBody,
        response: { 200: PlanView },
      },
    },
    async (request) => renamePlan(ctx, actorOf(request), request.params.planId, request.body.title),
  );

  app.post(
    "/api/growth-plans/:planId/activate",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.edit },
      schema: {
        tags,
        summary: "Make this the active plan (the current one is archived)",
        params: PlanIdParams,
        body: EmptyBody,
        response: { 200: PlanView },
      },
    },
    async (request) => activatePlan(ctx, actorOf(request), request.params.planId),
  );

  app.post(
    "/api/growth-plans/:planId/archive",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.edit },
      schema: {
        tags,
        summary: "Archive a plan",
        params: PlanIdParams,
        body: EmptyBody,
        response: { 200: PlanView },
      },
    },
    async (request) => archivePlan(ctx, actorOf(request), request.params.planId),
  );

  for (const key of documentSectionKeys) {
    app.put(
      `/api/growth-plans/:planId/sections/${key}`,
      {
        config: { access: "signed-in", policy: growthPlanPolicies.edit },
        schema: {
          tags,
          summary: `Save the ${key} section (autosave; 409 when based on an old version)`,
          params: PlanIdParams,
          body: saveSectionBodies[key],
          response: { 200: SectionSaved, 409: SectionConflict },
        },
      },
      async (request) =>
        saveSection(ctx, actorOf(request), request.params.planId, key, request.body),
    );
  }

  app.post(
    "/api/growth-plans/:planId/goals",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.edit },
      schema: {
        tags,
        summary: "Add a goal to Section 3",
        params: PlanIdParams,
        body: CreateGoalBody,
        response: { 201: GoalSaved },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createGoal(ctx, actorOf(request), request.params.planId, request.body)),
  );

  app.put(
    "/api/growth-plans/:planId/goals/:goalId",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.edit },
      schema: {
        tags,
        summary: "Save a goal (autosave; 409 when based on an old version)",
        params: GoalIdParams,
        body: SaveGoalBody,
        response: { 200: GoalSaved, 409: GoalConflict },
      },
    },
    async (request) =>
      saveGoal(ctx, actorOf(request), request.params.planId, request.params.goalId, request.body),
  );

  app.delete(
    "/api/growth-plans/:planId/goals/:goalId",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.edit },
      schema: {
        tags,
        summary: "Delete a goal (it stays in the history)",
        params: GoalIdParams,
        body: DeleteGoalBody,
        response: { 200: GoalDeleted, 409: GoalConflict },
      },
    },
    async (request) =>
      deleteGoal(ctx, actorOf(request), request.params.planId, request.params.goalId, request.body),
  );

  app.get(
    "/api/growth-plans/:planId/revisions",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.readHistory },
      schema: {
        tags,
        summary: "The plan's revisions, newest first",
        params: PlanIdParams,
        querystring: RevisionListQuery,
        response: { 200: RevisionList },
      },
    },
    async (request) =>
      listPlanRevisions(ctx, actorOf(request), request.params.planId, request.query),
  );

  app.get(
    "/api/growth-plans/:planId/revisions/:version",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.readHistory },
      schema: {
        tags,
        summary: "The plan as it stood at a version, and what that version changed",
        params: RevisionParams,
        response: { 200: RevisionDetail },
      },
    },
    async (request) =>
      getPlanRevision(ctx, actorOf(request), request.params.planId, request.params.version),
  );

  app.post(
    "/api/growth-plans/:planId/revisions/:version/restore",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.edit },
      schema: {
        tags,
        summary: "Restore the plan as it stood at a version (as new revisions)",
        params: RevisionParams,
        body: EmptyBody,
        response: { 200: PlanView },
      },
    },
    async (request) =>
      restorePlanRevision(ctx, actorOf(request), request.params.planId, request.params.version),
  );

  app.get(
    "/api/growth-plans/:planId/sharing",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.share },
      schema: {
        tags,
        summary: "Who sees each section",
        params: PlanIdParams,
        response: { 200: SharingView },
      },
    },
    async (request) => getSharing(ctx, actorOf(request), request.params.planId),
  );

  app.put(
    "/api/growth-plans/:planId/sharing",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.share },
      schema: {
        tags,
        summary: "Set who sees each section; revocation applies to the next request",
        params: PlanIdParams,
        body: UpdateSharingBody,
        response: { 200: SharingView },
      },
    },
    async (request) => updateSharing(ctx, actorOf(request), request.params.planId, request.body),
  );

  app.get(
    "/api/growth-plans/:planId/comments",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.comment },
      schema: {
        tags,
        summary: "Comments on the sections the reader may read",
        params: PlanIdParams,
        querystring: CommentListQuery,
        response: { 200: CommentList },
      },
    },
    async (request) =>
      listPlanComments(ctx, actorOf(request), request.params.planId, request.query),
  );

  app.post(
    "/api/growth-plans/:planId/comments",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.comment },
      schema: {
        tags,
        summary: "Comment on a section the reader may read",
        params: PlanIdParams,
        body: CreateCommentBody,
        response: { 201: CommentView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addPlanComment(ctx, actorOf(request), request.params.planId, request.body)),
  );

  app.post(
    "/api/growth-plans/:planId/comments/:commentId/resolve",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.resolveComment },
      schema: {
        tags,
        summary: "Resolve a comment (the owner)",
        params: CommentIdParams,
        body: EmptyBody,
        response: { 200: CommentView },
      },
    },
    async (request) =>
      resolvePlanComment(ctx, actorOf(request), request.params.planId, request.params.commentId),
  );

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

  for (const format of exportFormats) {
    app.get(
      `/api/growth-plans/:planId/export.${format}`,
      {
        config: { access: "signed-in", policy: growthPlanPolicies.read },
        schema: {
          tags,
          summary: `Export what the reader may read as ${format.toUpperCase()}`,
          params: PlanIdParams,
        },
      },
      async (request, reply) => {
        const exported = await exportPlan(ctx, actorOf(request), request.params.planId, format);
        return reply
          .header("content-type", exported.contentType)
          .header("content-disposition", `attachment; filename="${exported.fileName}"`)
          .header("x-content-type-options", "nosniff")
          .send(typeof exported.body === "string" ? exported.body : Buffer.from(exported.body));
      },
    );
  }

  app.get(
    "/api/growth-plan-templates",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.readContent },
      schema: {
        tags,
        summary: "Templates to start a plan from",
        querystring: TemplateListQuery,
        response: { 200: TemplateList },
      },
    },
    async (request) => getTemplates(ctx, actorOf(request), request.query),
  );

  app.post(
    "/api/growth-plan-templates",
    {
      config: { access: "admin", policy: growthPlanPolicies.manageContent },
      schema: {
        tags,
        summary: "Add a template",
        body: CreateTemplateBody,
        response: { 201: TemplateView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createTemplate(ctx, actorOf(request), request.body, requestMeta(request))),
  );

  app.put(
    "/api/growth-plan-templates/:templateId",
    {
      config: { access: "admin", policy: growthPlanPolicies.manageContent },
      schema: {
        tags,
        summary:
          "Edit or archive a template (shipped ones included); 409 when saved since baseVersion",
        params: TemplateIdParams,
        body: UpdateTemplateBody,
        response: { 200: TemplateView },
      },
    },
    async (request) =>
      updateTemplate(
        ctx,
        actorOf(request),
        request.params.templateId,
        request.body,
        requestMeta(request),
      ),
  );

  app.get(
    "/api/growth-plan-prompts",
    {
      config: { access: "signed-in", policy: growthPlanPolicies.readContent },
      schema: {
        tags,
        summary: "Section 1's reflection prompts",
        response: { 200: PromptList },
      },
    },
    async (request) => getPrompts(ctx, actorOf(request)),
  );

  app.put(
    "/api/growth-plan-prompts",
    {
      config: { access: "admin", policy: growthPlanPolicies.manageContent },
      schema: {
        tags,
        summary: "Replace Section 1's reflection prompts (existing plans keep theirs)",
        body: UpdatePromptsBody,
        response: { 200: PromptList },
      },
    },
    async (request) => updatePrompts(ctx, actorOf(request), request.body, requestMeta(request)),
  );
};
