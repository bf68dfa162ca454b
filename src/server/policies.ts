/**
 * Policy registries. Each feature's `<feature>.policy.ts` declares its rules once with
 * `definePolicies("growthPlan", { readHistory: (actor, facts) => … })`; a route names the entry
 * it is governed by (`config.policy: growthPlanPolicies.readHistory`) and the service calls that
 * same entry to decide. Entries are plain pure functions that also carry their name, so the
 * authorization matrix can check that every route's rule is registered, is used by a route and is
 * evaluated while the route is served (docs/decisions/005-route-access.md).
 */

declare const policyBrand: unique symbol;

/** What a route declares: an entry of a registry, never a free-standing string. */
export type RoutePolicy = {
  readonly policyName: `${string}.${string}`;
  readonly [policyBrand]: true;
};

// biome-ignore lint/suspicious/noExplicitAny: a rule's arguments are its own.
type Rule = (...args: any[]) => boolean;

export type PolicyRule<R extends Rule> = R & RoutePolicy;

export type PolicyRegistry<T extends Record<string, Rule>> = {
  readonly [K in keyof T]: PolicyRule<T[K]>;
};

const registered = new Map<string, RoutePolicy>();
let evaluations: Set<RoutePolicy> | null = null;

export function definePolicies<const T extends Record<string, Rule>>(
  resource: string,
  rules: T,
): PolicyRegistry<T> {
  const registry: Record<string, RoutePolicy> = {};
  for (const [key, rule] of Object.entries(rules)) {
    const policyName = `${resource}.${key}` as const;
    if (registered.has(policyName)) throw new Error(`Policy ${policyName} is defined twice`);
    const entry = Object.assign(
      (...args: unknown[]) => {
        evaluations?.add(entry);
        return rule(...args);
      },
      { policyName },
    ) as unknown as RoutePolicy;
    registered.set(policyName, entry);
    registry[key] = entry;
  }
  return registry as PolicyRegistry<T>;
}

/** Every rule of every policy module loaded so far. */
export function registeredPolicies(): RoutePolicy[] {
  return [...registered.values()];
}

export function isRegisteredPolicy(policy: unknown): policy is RoutePolicy {
  if (typeof policy !== "function") return false;
  const name: unknown = (policy as { policyName?: unknown }).policyName;
  return typeof name === "string" && (registered.get(name) as unknown) === policy;
}

/**
 * The rules evaluated while `work` runs, for the authorization matrix. Requests are served one at
 * a time there, so whatever is evaluated meanwhile belongs to that request.
 */
export async function policiesEvaluatedDuring(work: () => Promise<unknown>): Promise<Set<string>> {
  const seen = new Set<RoutePolicy>();
  evaluations = seen;
  try {
    await work();
  } finally {
    evaluations = null;
  }
  return new Set([...seen].map((entry) => entry.policyName));
}
