import { type ScimResponse, scimMaxPageSize, scimSchemas } from "#core/scim.schemas.ts";
import type { AppContext } from "#server/context.ts";
import { presentListResponse } from "./scim.presenters.ts";
import { scimBaseUrl } from "./scim-users.service.ts";

/** RFC 7644 §4: what this service provider supports, its resource types and their schemas. */

export function serviceProviderConfig(ctx: AppContext): ScimResponse {
  return {
    schemas: [scimSchemas.serviceProviderConfig],
    documentationUri: new URL("/api/docs", ctx.config.publicUrl).toString(),
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: scimMaxPageSize },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "Bearer token",
        description: "A SCIM provisioning token issued by a Trellis administrator.",
        primary: true,
      },
    ],
    meta: {
      resourceType: "ServiceProviderConfig",
      location: `${scimBaseUrl(ctx)}/ServiceProviderConfig`,
    },
  };
}

export function resourceTypes(ctx: AppContext): ScimResponse {
  const base = scimBaseUrl(ctx);
  const types: ScimResponse[] = [
    {
      schemas: [scimSchemas.resourceType],
      id: "User",
      name: "User",
      endpoint: "/Users",
      description: "A person in Trellis",
      schema: scimSchemas.user,
      schemaExtensions: [{ schema: scimSchemas.enterpriseUser, required: false }],
      meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/User` },
    },
    {
      schemas: [scimSchemas.resourceType],
      id: "Group",
      name: "Group",
      endpoint: "/Groups",
      description: "A group: the admin role, a mentorship program's members, or just a group",
      schema: scimSchemas.group,
      meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/Group` },
    },
  ];
  return presentListResponse(types, types.length, 1);
}

type Attribute = {
  name: string;
  type: "string" | "boolean" | "complex" | "reference" | "dateTime";
  multiValued?: boolean;
  required?: boolean;
  uniqueness?: "none" | "server";
  mutability?: "readOnly" | "readWrite";
  subAttributes?: Attribute[];
};

function attribute(definition: Attribute): Record<string, unknown> {
  return {
    multiValued: false,
    required: false,
    caseExact: false,
    mutability: "readWrite",
    returned: "default",
    uniqueness: "none",
    ...definition,
    ...(definition.subAttributes ? { subAttributes: definition.subAttributes.map(attribute) } : {}),
  };
}

const text = (name: string, extra: Partial<Attribute> = {}) =>
  attribute({ name, type: "string", ...extra });

export function schemaDefinitions(ctx: AppContext): ScimResponse {
  const base = scimBaseUrl(ctx);
  const definitions: ScimResponse[] = [
    {
      schemas: [scimSchemas.schema],
      id: scimSchemas.user,
      name: "User",
      description: "A person",
      attributes: [
        text("userName", { required: true, uniqueness: "server" }),
        attribute({
          name: "name",
          type: "complex",
          subAttributes: [
            { name: "formatted", type: "string" },
            { name: "givenName", type: "string" },
            { name: "familyName", type: "string" },
          ],
        }),
        text("displayName"),
        text("nickName"),
        text("title"),
        text("timezone"),
        text("externalId"),
        attribute({ name: "active", type: "boolean" }),
        attribute({
          name: "emails",
          type: "complex",
          multiValued: true,
          mutability: "readOnly",
          subAttributes: [
            { name: "value", type: "string" },
            { name: "type", type: "string" },
            { name: "primary", type: "boolean" },
          ],
        }),
      ],
      meta: { resourceType: "Schema", location: `${base}/Schemas/${scimSchemas.user}` },
    },
    {
      schemas: [scimSchemas.schema],
      id: scimSchemas.enterpriseUser,
      name: "EnterpriseUser",
      description: "Organization fields and the reporting line",
      attributes: [
        text("employeeNumber"),
        text("department"),
        text("division"),
        attribute({
          name: "manager",
          type: "complex",
          subAttributes: [{ name: "value", type: "string" }],
        }),
      ],
      meta: { resourceType: "Schema", location: `${base}/Schemas/${scimSchemas.enterpriseUser}` },
    },
    {
      schemas: [scimSchemas.schema],
      id: scimSchemas.group,
      name: "Group",
      description: "A group of people",
      attributes: [
        text("displayName", { required: true, uniqueness: "server" }),
        text("externalId"),
        attribute({
          name: "members",
          type: "complex",
          multiValued: true,
          subAttributes: [
            { name: "value", type: "string" },
            { name: "display", type: "string", mutability: "readOnly" },
          ],
        }),
      ],
      meta: { resourceType: "Schema", location: `${base}/Schemas/${scimSchemas.group}` },
    },
  ];
  return presentListResponse(definitions, definitions.length, 1);
}
