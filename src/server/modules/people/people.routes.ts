import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  DirectoryFilterOptions,
  DirectoryQuery,
  OrgChart,
  PersonIdParams,
  PersonList,
  PersonProfile,
  TeamView,
} from "#core/people.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { peoplePolicies } from "./people.policy.ts";
import {
  getDirectoryFilterOptions,
  getOrgChart,
  getPersonProfile,
  getTeam,
  searchDirectory,
} from "./people.service.ts";
import { peopleAdminRoutes } from "./people-admin.routes.ts";

/** The directory, profiles, org charts and team views. Registers the administration routes. */
export const peopleRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    "/api/people",
    {
      config: { access: "signed-in", policy: peoplePolicies.list },
      schema: {
        tags: ["people"],
        summary: "Search the directory",
        querystring: DirectoryQuery,
        response: { 200: PersonList },
      },
    },
    async (request) => searchDirectory(ctx, actorOf(request), request.query),
  );

  app.get(
    "/api/people/filters",
    {
      config: { access: "signed-in", policy: peoplePolicies.list },
      schema: {
        tags: ["people"],
        summary: "Divisions, departments and teams to filter the directory by",
        response: { 200: DirectoryFilterOptions },
      },
    },
    async (request) => getDirectoryFilterOptions(ctx, actorOf(request)),
  );

  app.get(
    "/api/people/:id",
    {
      config: { access: "signed-in", policy: peoplePolicies.read },
      schema: {
        tags: ["people"],
        summary: "A person's profile",
        params: PersonIdParams,
        response: { 200: PersonProfile },
      },
    },
    async (request) => getPersonProfile(ctx, actorOf(request), request.params.id),
  );

  app.get(
    "/api/people/:id/org",
    {
      config: { access: "signed-in", policy: peoplePolicies.read },
      schema: {
        tags: ["people"],
        summary: "A person in the org chart: their manager chain and direct reports",
        params: PersonIdParams,
        response: { 200: OrgChart },
      },
    },
    async (request) => getOrgChart(ctx, actorOf(request), request.params.id),
  );

  app.get(
    "/api/people/:id/team",
    {
      config: { access: "signed-in", policy: peoplePolicies.readTeam },
      schema: {
        tags: ["people"],
        summary: "A manager's team, for the manager, those above them and admins",
        params: PersonIdParams,
        response: { 200: TeamView },
      },
    },
    async (request) => getTeam(ctx, actorOf(request), request.params.id),
  );

  await app.register(peopleAdminRoutes, { ctx });
};
