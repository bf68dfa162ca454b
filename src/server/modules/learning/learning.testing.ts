import type { ResourceFields, ResourceView } from "#core/learning/resources.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { matrixMeta } from "#server/testing/authorization-matrix.ts";
import { createResource } from "./learning.service.ts";

/** Factories for the learning directory's tests. */

let serial = 0;

export function resourceFields(overrides: Partial<ResourceFields> = {}): ResourceFields {
  serial += 1;
  return {
    title: `Resource ${serial}`,
    kind: "course",
    provider: "Test provider",
    url: "https://example.com/course",
    description: "",
    skills: [],
    audience: "",
    language: "en",
    costMinor: 0,
    currency: null,
    durationMinutes: null,
    format: "self_paced",
    ...overrides,
  };
}

export async function createTestResource(
  ctx: AppContext,
  adminId: string,
  overrides: Partial<ResourceFields> = {},
): Promise<ResourceView> {
  return createResource(
    ctx,
    { personId: adminId, role: "admin", sessionId: "test" },
    resourceFields(overrides),
    matrixMeta,
  );
}
