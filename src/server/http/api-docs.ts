import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance, RouteOptions } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";
import { apiTokenScopes } from "#core/api-tokens.schemas.ts";
import type { Config } from "#server/config.ts";
import { areaOfRoute, scopesAccepted } from "./route-areas.ts";
import { sessionCookieName } from "./session-cookie.ts";

type TransformInput = Parameters<typeof jsonSchemaTransform>[0] & { route?: RouteOptions };

/**
 * OpenAPI generated from the same zod schemas that validate each route; UI at /api/docs. The UI
 * loads no inline script, so it is served under the app's own CSP (security-headers.ts) rather
 * than the plugin's, which would ask for HTTPS on plain http too. Each route lists how it may be
 * called: the session cookie, and a bearer token with the scopes its area accepts
 * (http/route-areas.ts), so a generated client sends `Authorization: Bearer` where it may.
 */
export async function registerApiDocs(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Trellis API",
        description:
          "Career development: pathways, growth plans, career paths, conversations. Scripts call it with a personal access token or a service token: `Authorization: Bearer trl_pat_…` (docs/api/api-tokens.md).",
        version: "0.1.0",
      },
      components: {
        securitySchemes: {
          cookieAuth: {
            type: "apiKey",
            in: "cookie",
            name: sessionCookieName(config),
            description: "The session cookie the web app signs in with.",
          },
          bearerAuth: {
            type: "http",
            scheme: "bearer",
            bearerFormat: "trl_pat_… | trl_svc_…",
            description: `A personal access token or a service token. Each route lists the scopes it accepts; all scopes: ${apiTokenScopes.join(", ")}. \`<area>:write\` includes \`<area>:read\`.`,
          },
        },
      },
    },
    transform: (document: TransformInput) => jsonSchemaTransform(withSecurity(document)),
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
}

function withSecurity(document: TransformInput): TransformInput {
  const { schema, url, route } = document;
  const access = route?.config?.access;
  if (!schema || !access || !url.startsWith("/api/")) return document;
  if (access === "public") return { ...document, schema: { ...schema, security: [] } };
  const area = areaOfRoute(url);
  const [method = "GET"] = Array.isArray(route.method) ? route.method : [route.method];
  if (!area) {
    return {
      ...document,
      schema: {
        ...schema,
        security: [{ cookieAuth: [] }],
        description: joined(schema.description, "API tokens cannot call this route."),
      },
    };
  }
  const scopes = scopesAccepted(area, method);
  return {
    ...document,
    schema: {
      ...schema,
      security: [{ cookieAuth: [] }, { bearerAuth: scopes }],
      description: joined(
        schema.description,
        `With an API token: needs the scope ${scopes.map((scope) => `\`${scope}\``).join(" or ")}.`,
      ),
    },
  };
}

const joined = (description: unknown, sentence: string) =>
  typeof description === "string" && description !== ""
    ? `${description}\n\n${sentence}`
    : sentence;
