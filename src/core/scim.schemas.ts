import { z } from "zod";

/**
 * SCIM 2.0 (RFC 7643 resources, RFC 7644 protocol) as Trellis speaks it at /scim/v2
 * (docs/api/scim.md). Request bodies are loose objects: identity providers send attributes
 * Trellis does not keep (phone numbers, addresses, their own extensions), and ignoring them is
 * what RFC 7644 asks of a service provider. What Trellis keeps is checked by the people rules.
 */

export const scimSchemas = {
  user: "urn:ietf:params:scim:schemas:core:2.0:User",
  group: "urn:ietf:params:scim:schemas:core:2.0:Group",
  enterpriseUser: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
  listResponse: "urn:ietf:params:scim:api:messages:2.0:ListResponse",
  patchOp: "urn:ietf:params:scim:api:messages:2.0:PatchOp",
  error: "urn:ietf:params:scim:api:messages:2.0:Error",
  serviceProviderConfig: "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig",
  resourceType: "urn:ietf:params:scim:schemas:core:2.0:ResourceType",
  schema: "urn:ietf:params:scim:schemas:core:2.0:Schema",
} as const;

/** Most resources a list answers at once; a larger `count` is lowered to it. */
export const scimMaxPageSize = 200;

export const ScimIdParams = z.object({ id: z.string().min(1).max(200) });
export type ScimIdParams = z.infer<typeof ScimIdParams>;

/** RFC 7644 §3.4.2.4: startIndex below 1 means 1, a negative count means 0. */
const lenientInt = (fallback: number) =>
  z
    .string()
    .max(20)
    .regex(/^-?\d+$/, "Must be an integer")
    .transform(Number)
    .optional()
    .transform((value) => value ?? fallback);

export const ScimListQuery = z.object({
  filter: z.string().max(2000).optional(),
  startIndex: lenientInt(1).transform((value) => Math.max(1, value)),
  count: lenientInt(100).transform((value) => Math.min(scimMaxPageSize, Math.max(0, value))),
  attributes: z.string().max(2000).optional(),
  excludedAttributes: z.string().max(2000).optional(),
  sortBy: z.string().max(200).optional(),
  sortOrder: z.string().max(20).optional(),
});
export type ScimListQuery = z.infer<typeof ScimListQuery>;

export const ScimGetQuery = z.object({
  attributes: z.string().max(2000).optional(),
  excludedAttributes: z.string().max(2000).optional(),
});
export type ScimGetQuery = z.infer<typeof ScimGetQuery>;

const text = (max: number) => z.string().max(max);

const ScimMultiValue = z.looseObject({
  value: z.unknown().optional(),
  type: z.string().max(100).optional(),
  primary: z.unknown().optional(),
  display: z.string().max(500).optional(),
});

/** A User as an identity provider sends it (POST, PUT). */
export const ScimUserBody = z.looseObject({
  schemas: z.array(text(200)).max(20).optional(),
  userName: text(254),
  externalId: text(200).nullable().optional(),
  name: z
    .looseObject({
      formatted: text(200).nullable().optional(),
      givenName: text(200).nullable().optional(),
      familyName: text(200).nullable().optional(),
      middleName: text(200).nullable().optional(),
    })
    .nullable()
    .optional(),
  displayName: text(200).nullable().optional(),
  nickName: text(200).nullable().optional(),
  title: text(200).nullable().optional(),
  timezone: text(100).nullable().optional(),
  locale: text(100).nullable().optional(),
  preferredLanguage: text(100).nullable().optional(),
  active: z.unknown().optional(),
  emails: z.array(ScimMultiValue).max(20).nullable().optional(),
  [scimSchemas.enterpriseUser]: z
    .looseObject({
      employeeNumber: text(100).nullable().optional(),
      department: text(200).nullable().optional(),
      division: text(200).nullable().optional(),
      manager: z.unknown().optional(),
    })
    .nullable()
    .optional(),
});
export type ScimUserBody = z.infer<typeof ScimUserBody>;

export const ScimPatchOperation = z.looseObject({
  op: z.string().max(20),
  path: z.string().max(500).optional(),
  value: z.unknown().optional(),
});
export type ScimPatchOperation = z.infer<typeof ScimPatchOperation>;

export const ScimPatchBody = z.looseObject({
  schemas: z.array(text(200)).max(20).optional(),
  Operations: z.array(ScimPatchOperation).min(1).max(1000),
});
export type ScimPatchBody = z.infer<typeof ScimPatchBody>;

export const ScimGroupBody = z.looseObject({
  schemas: z.array(text(200)).max(20).optional(),
  displayName: z.string().trim().min(1).max(200),
  externalId: text(200).nullable().optional(),
  members: z.array(ScimMultiValue).max(1000).nullable().optional(),
});
export type ScimGroupBody = z.infer<typeof ScimGroupBody>;

/** Every SCIM answer is a JSON object naming its schemas; the presenters shape the rest. */
export const ScimResponse = z.looseObject({ schemas: z.array(z.string()) });
export type ScimResponse = z.infer<typeof ScimResponse>;
