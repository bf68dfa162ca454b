import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ApiTokenArea } from "#core/api-tokens.schemas.ts";
import type { Actor } from "#server/context.ts";
import { AppError } from "#server/errors.ts";
import { isRegisteredPolicy, type RoutePolicy } from "#server/policies.ts";
import { areaOfRoute, scopesAccepted } from "./route-areas.ts";

/**
 * Every API route declares who may call it at all (`access`; without it the route refuses to
 * register) and the resource policy that decides what it may do with the object (`policy`, an
 * entry of a feature's policy registry such as `growthPlanPolicies.readHistory`, which the
 * route's service calls to decide). The authorization matrix test fails for a route without a
 * registered policy, whose service never evaluates it, or without a row in the matrix.
 */
export type RouteAccess = "public" | "signed-in" | "admin";

export type { RoutePolicy };

export type DeclaredRoute = {
  method: string;
  url: string;
  access: RouteAccess;
  policy: RoutePolicy | null;
  /** The area whose token scopes it accepts (route-areas.ts); null: no token may call it. */
  area: ApiTokenArea | null;
  /** The route's zod schemas for params, query and body, for tests that generate requests. */
  schema: { params?: unknown; querystring?: unknown; body?: unknown };
};

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
    policy?: RoutePolicy;
    /** The token area of a route outside the table of http/route-areas.ts (null: no token). */
    area?: ApiTokenArea | null;
  }
  interface FastifyInstance {
    /** Every API route with its declarations, for the authorization matrix and the docs. */
    declaredRoutes: DeclaredRoute[];
  }
}

export function registerRouteAccess(app: FastifyInstance): void {
  const declaredRoutes: DeclaredRoute[] = [];
  const areas = new Map<string, ApiTokenArea | null>();
  app.decorate("declaredRoutes", declaredRoutes);
  app.addHook("onRoute", (route) => {
    const isApi = route.url.startsWith("/api/") && !route.url.startsWith("/api/docs");
    if (!isApi) return;
    const { access, policy } = route.config ?? {};
    if (!access) {
      throw new Error(`Route ${route.method} ${route.url} does not declare config.access`);
    }
    if (policy !== undefined && !isRegisteredPolicy(policy)) {
      throw new Error(`Route ${route.method} ${route.url} names a policy no registry defines`);
    }
    const area = route.config?.area !== undefined ? route.config.area : areaOfRoute(route.url);
    if (area === undefined) {
      throw new Error(
        `Route ${route.method} ${route.url} has no token area: name it in http/route-areas.ts or declare config.area`,
      );
    }
    areas.set(route.url, area);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      // HEAD routes are generated from GET routes and share their declarations.
      if (method !== "HEAD")
        declaredRoutes.push({
          method,
          url: route.url,
          access,
          policy: policy ?? null,
          area,
          schema: {
            params: route.schema?.params,
            querystring: route.schema?.querystring,
            body: route.schema?.body,
          },
        });
    }
  });

  app.addHook("onRequest", async (request) => {
    const access = request.routeOptions.config.access;
    const token = request.actor?.token;
    if (access && token) {
      assertTokenScope(request.method, areas.get(request.routeOptions.url ?? "") ?? null, token);
    }
    if (!access || access === "public") return;
    requireActor(request, access);
  });
}

/**
 * A token reaches a route only with a scope of the route's area; it then passes the same access
 * and policy rules as its person, so it never does more than they could.
 */
function assertTokenScope(
  method: string,
  area: ApiTokenArea | null,
  token: NonNullable<Actor["token"]>,
): void {
  if (area === null) {
    throw new AppError(
      "forbidden",
      "API tokens cannot call this route: account, sign-in and token management need a signed-in session.",
    );
  }
  const accepted = scopesAccepted(area, method);
  if (!accepted.some((scope) => token.scopes.includes(scope))) {
    throw new AppError(
      "forbidden",
      `This token lacks the scope this route needs: ${accepted.join(" or ")}.`,
    );
  }
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
