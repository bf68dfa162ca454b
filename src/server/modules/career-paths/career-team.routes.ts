import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { TeamCareer } from "#core/career/assessments.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { careerAssessmentPolicies } from "./career-assessments.policy.ts";
import { listTeamCareer } from "./career-team.service.ts";

/** A manager's direct reports' career paths, from what they shared. */
export const careerTeamRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    "/api/team/career",
    {
      config: { access: "signed-in", policy: careerAssessmentPolicies.readTeam },
      schema: {
        tags: ["career assessments"],
        summary: "My direct reports: roles and the latest assessment each shared with me",
        response: { 200: TeamCareer },
      },
    },
    async (request) => listTeamCareer(ctx, actorOf(request)),
  );
};
