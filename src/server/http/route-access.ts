import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Actor } from "#server/context.ts";
import { AppError } from "#server/errors.ts";

/**
 * Every API route declares who may call it at all; per-resource rules live in each feature's
 * policy module. A route without a declaration refuses to register.
 */
export type RouteAccess = "public" | "signed-in" | "admin";

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export function registerRouteAccess(app: FastifyInstance): void {
  app.addHook("onRoute", (route) => {
    const isApi = route.url.startsWith("/api/") && !route.url.startsWith("/api/docs");
    if (isApi && !route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} does not declare config.access`);
    }
  });

  app.addHook("onRequest", async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || access === "public") return;
    requireActor(request, access);
  });
}

function requireActor(request: FastifyRequest, access: RouteAccess): Actor {
  const actor = request.actor;
  if (!actor) throw new AppError("unauthenticated", "Sign in to continue.");
  if (access === "admin" && actor.role !== "admin") {
    throw new AppError("forbidden", "Only administrators can do this.");
  }
  return actor;
}

/** The actor of a route declared `signed-in` or `admin`; the access hook has already checked. */
export function actorOf(request: FastifyRequest): Actor {
  return requireActor(request, "signed-in");
}
