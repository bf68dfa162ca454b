import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { EmptyBody } from "#core/common.schemas.ts";
import {
  CreatePersonBody,
  PersonIdParams,
  PersonProfile,
  UpdatePersonBody,
} from "#core/people.schemas.ts";
import {
  AdminPeopleList,
  AdminPeopleQuery,
  BulkDeactivateBody,
  BulkDeactivateResult,
} from "#core/people-admin.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import { peoplePolicies } from "./people.policy.ts";
import {
  createPerson,
  deactivatePerson,
  reactivatePerson,
  updatePersonDetails,
} from "./people-admin.service.ts";
import { deactivatePeople, listPeopleAsAdmin } from "./people-admin-list.service.ts";

/** Administration: adding, editing, deactivating and reactivating people. */
export const peopleAdminRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
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

  app.get(
    "/api/admin/people",
    {
      config: { access: "admin", policy: peoplePolicies.manage },
      schema: {
        tags: ["people"],
        summary: "Everyone, with role, status, manager and last sign-in; filtered and sorted",
        querystring: AdminPeopleQuery,
        response: { 200: AdminPeopleList },
      },
    },
    async (request) => listPeopleAsAdmin(ctx, actorOf(request), request.query),
  );

  app.post(
    "/api/admin/people/bulk-deactivate",
    {
      config: { access: "admin", policy: peoplePolicies.manage },
      schema: {
        tags: ["people"],
        summary: "Deactivate several people at once, all or none; their sessions end at once",
        body: BulkDeactivateBody,
        response: { 200: BulkDeactivateResult },
      },
    },
    async (request) => deactivatePeople(ctx, actorOf(request), request.body, requestMeta(request)),
  );
};
