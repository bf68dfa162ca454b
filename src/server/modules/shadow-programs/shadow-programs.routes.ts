import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ApplicationList,
  CreateProgramBody,
  ProgramConflict,
  ProgramList,
  ProgramView,
  RotationBody,
  RotationConflict,
  RotationView,
  ShadowIdParams,
  UpdateProgramBody,
  UpdateRotationBody,
} from "#core/shadow-programs.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { actorOf } from "#server/http/route-access.ts";
import { requestMeta } from "#server/http/sessions.ts";
import { shadowApplicationRoutes } from "./shadow-applications.routes.ts";
import { shadowProgramPolicies } from "./shadow-programs.policy.ts";
import {
  createProgram,
  createRotation,
  getProgram,
  listPrograms,
  listRotationApplications,
  updateProgram,
  updateRotation,
} from "./shadow-programs.service.ts";

const tags = ["shadow programs"];

/** Shadow programs and their rotations; registers the application routes too. */
export const shadowProgramRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    "/api/shadow-programs",
    {
      config: { access: "signed-in", policy: shadowProgramPolicies.list },
      schema: {
        tags,
        summary: "Shadow programs (archived ones: their owners and administrators)",
        response: { 200: ProgramList },
      },
    },
    async (request) => listPrograms(ctx, actorOf(request)),
  );

  app.post(
    "/api/shadow-programs",
    {
      config: { access: "admin", policy: shadowProgramPolicies.create },
      schema: {
        tags,
        summary: "Create a shadow program and name its owners",
        body: CreateProgramBody,
        response: { 201: ProgramView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createProgram(ctx, actorOf(request), request.body, requestMeta(request))),
  );

  app.get(
    "/api/shadow-programs/:id",
    {
      config: { access: "signed-in", policy: shadowProgramPolicies.read },
      schema: {
        tags,
        summary: "One program with its rotations and the caller's own applications",
        params: ShadowIdParams,
        response: { 200: ProgramView },
      },
    },
    async (request) => getProgram(ctx, actorOf(request), request.params.id),
  );

  app.put(
    "/api/shadow-programs/:id",
    {
      config: { access: "admin", policy: shadowProgramPolicies.edit },
      schema: {
        tags,
        summary: "Edit, archive or change the owners of a program; 409 when saved since",
        params: ShadowIdParams,
        body: UpdateProgramBody,
        response: { 200: ProgramView, 409: ProgramConflict },
      },
    },
    async (request) =>
      updateProgram(ctx, actorOf(request), request.params.id, request.body, requestMeta(request)),
  );

  app.post(
    "/api/shadow-programs/:id/rotations",
    {
      config: { access: "signed-in", policy: shadowProgramPolicies.manageRotations },
      schema: {
        tags,
        summary: "Add a rotation (owners and administrators)",
        params: ShadowIdParams,
        body: RotationBody,
        response: { 201: RotationView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createRotation(
            ctx,
            actorOf(request),
            request.params.id,
            request.body,
            requestMeta(request),
          ),
        ),
  );

  app.put(
    "/api/shadow-rotations/:id",
    {
      config: { access: "signed-in", policy: shadowProgramPolicies.manageRotations },
      schema: {
        tags,
        summary: "Change a rotation's days, seats or host; 409 when saved since",
        params: ShadowIdParams,
        body: UpdateRotationBody,
        response: { 200: RotationView, 409: RotationConflict },
      },
    },
    async (request) =>
      updateRotation(ctx, actorOf(request), request.params.id, request.body, requestMeta(request)),
  );

  app.get(
    "/api/shadow-rotations/:id/applications",
    {
      config: { access: "signed-in", policy: shadowProgramPolicies.readApplications },
      schema: {
        tags,
        summary: "Every application to a rotation, with motivations (owners and administrators)",
        params: ShadowIdParams,
        response: { 200: ApplicationList },
      },
    },
    async (request) => listRotationApplications(ctx, actorOf(request), request.params.id),
  );

  await app.register(shadowApplicationRoutes, { ctx });
};
