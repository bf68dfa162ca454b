import {
  type FieldValue,
  type JsonSchema,
  jsonSchemaOf,
  maximalValue,
  type TextShape,
} from "./max-values.ts";

/** What the benchmark needs of a declared route (`app.declaredRoutes`). */
export type BenchRoute = {
  method: string;
  url: string;
  access: "public" | "signed-in" | "admin";
  schema: { params?: unknown; querystring?: unknown; body?: unknown };
};

export type RouteKey = `${string} ${string}`;
export const routeKey = (route: Pick<BenchRoute, "method" | "url">): RouteKey =>
  `${route.method} ${route.url}`;

export function findRoute(routes: readonly BenchRoute[], key: RouteKey): BenchRoute {
  const route = routes.find((candidate) => routeKey(candidate) === key);
  if (!route) throw new Error(`no declared route ${key}`);
  return route;
}

export const hasBody = (route: BenchRoute) => route.method !== "GET" && route.method !== "HEAD";

const schemaCache = new WeakMap<object, JsonSchema | null>();
function cachedJsonSchema(schema: unknown): JsonSchema | null {
  if (schema === null || typeof schema !== "object") return null;
  if (!schemaCache.has(schema)) schemaCache.set(schema, jsonSchemaOf(schema));
  return schemaCache.get(schema) ?? null;
}

export type ValueOptions = {
  shape: TextShape;
  fieldValue?: FieldValue;
  budgetBytes: number;
  seed: number;
};

/** The route's largest body in the shape, or `{}` for a route without a body schema. */
export function maximalBody(route: BenchRoute, options: ValueOptions): unknown {
  const schema = cachedJsonSchema(route.schema.body);
  return schema ? maximalValue(schema, options) : {};
}

/** `?…` with every query field at its largest (URL-encoded), or "" for a route without one. */
export function maximalQuery(route: BenchRoute, options: ValueOptions): string {
  const schema = cachedJsonSchema(route.schema.querystring);
  if (!schema) return "";
  const value = maximalValue(schema, options);
  if (value === null || typeof value !== "object") return "";
  const search = new URLSearchParams();
  for (const [key, entry] of Object.entries(value)) {
    if (entry === null || entry === undefined) continue;
    for (const item of Array.isArray(entry) ? entry : [entry]) search.append(key, String(item));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
