import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { EmptyBody } from "#core/common.schemas.ts";
import {
  CreatePersonBody,
  DirectoryFilterOptions,
  DirectoryQuery,
  OrgChart,
  PersonIdParams,
  PersonList,
  PersonProfile,
  TeamView,
  UpdatePersonBody,
} from "#core/people.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import { peoplePolicies } from "./people.policy.ts";
import {
  createPerson,
  deactivatePerson,
  getDirectoryFilterOptions,
  getOrgChart,
  getPersonProfile,
  getTeam,
  reactivatePerson,
  searchDirectory,
  updatePersonDetails,
} from "./people.service.ts";

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

  app.post(
    "/api/people",
    {
      config: { access: "admin", policy: peoplePolicies.manage },
      schema: {
        tags: ["people"],
        summary: "Add a person (they sign in after accepting an invitation)",
        body: CreatePersonBody,
        response: { 201: PersonProfile },
      },
    },
    async (request, reply) => {
      const profile = await createPerson(ctx, actorOf(request), request.body, requestMeta(request));
      return reply.status(201).send(profile);
    },
  );

  app.patch(
    "/api/people/:id",
    {
      config: { access: "admin", policy: peoplePolicies.manage },
      schema: {
        tags: ["people"],
        summary: "Edit a person, including their manager and app role",
        params: PersonIdParams,
        body: UpdatePersonBody,
        response: { 200: PersonProfile },
      },
    },
    async (request) =>
      updatePersonDetails(
        ctx,
        actorOf(request),
        request.params.id,
        request.body,
        requestMeta(request),
      ),
  );

  app.post(
    "/api/people/:id/deactivate",
    {
      config: { access: "admin", policy: peoplePolicies.manage },
      schema: {
        tags: ["people"],
        summary: "Deactivate a person; their sessions end at once",
        params: PersonIdParams,
        body: EmptyBody,
        response: { 200: PersonProfile },
      },
    },
    async (request) =>
      deactivatePerson(ctx, actorOf(request), request.params.id, requestMeta(request)),
  );

  app.post(
    "/api/people/:id/reactivate",
    {
      config: { access: "admin", policy: peoplePolicies.manage },
      schema: {
        tags: ["people"],
        summary: "Reactivate a deactivated person",
        params: PersonIdParams,
        body: EmptyBody,
        response: { 200: PersonProfile },
      },
    },
    async (request) =>
      reactivatePerson(ctx, actorOf(request), request.params.id, requestMeta(request)),
  );
};
