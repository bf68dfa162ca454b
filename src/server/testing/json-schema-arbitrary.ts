import fc from "fast-check";

/** The parts of JSON Schema (as z.toJSONSchema writes it) that request generation needs. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

const maxGeneratedLength = 40;
const maxGeneratedItems = 4;

/**
 * Values that mostly satisfy the schema. Exactness is not the point: the fuzzer also sends
 * hostile variants, and a value the schema refuses must still be answered with a 4xx.
 */
export function arbitraryFor(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => arbitraryFor(s, depth + 1)));
  if (schema.allOf?.[0]) return arbitraryFor(schema.allOf[0], depth + 1);
  if (Array.isArray(schema.type)) {
    return fc.oneof(...schema.type.map((type) => arbitraryFor({ ...schema, type }, depth + 1)));
  }
  switch (schema.type) {
    case "string":
      return stringFor(schema);
    case "integer":
      return fc.integer({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 1_000_000 });
    case "number":
      return fc.double({
        min: schema.minimum ?? schema.exclusiveMinimum ?? -1e6,
        max: schema.maximum ?? schema.exclusiveMaximum ?? 1e6,
        noNaN: true,
      });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(arbitraryFor(schema.items ?? {}, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(
          schema.minItems ?? 0,
          Math.min(schema.maxItems ?? maxGeneratedItems, maxGeneratedItems),
        ),
      });
    case "object":
      return objectFor(schema, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  switch (schema.format) {
    case "email":
      // Plain addresses: exotic RFC forms are refused by the stricter check apps use.
      return fc
        .tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,12}$/), fc.stringMatching(/^[a-z]{1,10}$/))
        .map(([local, domain]) => `${local.replace(/\.+$/, "")}@${domain}.example`);
    case "uri":
    case "url":
      return fc.webUrl();
    case "uuid":
      return fc.uuid();
    case "date":
      return fc
        .date({ min: new Date("1990-01-01"), max: new Date("2040-12-31"), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10));
    case "date-time":
      return fc
        .date({ min: new Date("1990-01-01"), max: new Date("2040-12-31"), noInvalidDate: true })
        .map((date) => date.toISOString());
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(
    minLength,
    Math.min(schema.maxLength ?? maxGeneratedLength, maxGeneratedLength),
  );
  if (schema.pattern) {
    return fc
      .stringMatching(new RegExp(schema.pattern))
      .filter(
        (value) => value.length >= minLength && value.length <= (schema.maxLength ?? Infinity),
      );
  }
  return fc.string({ minLength, maxLength });
}

function objectFor(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const keys = Object.keys(properties);
  if (keys.length === 0 && typeof schema.additionalProperties === "object") {
    return fc.dictionary(
      fc.string({ maxLength: 12 }),
      arbitraryFor(schema.additionalProperties, depth + 1),
      {
        maxKeys: maxGeneratedItems,
      },
    );
  }
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const key of keys) record[key] = arbitraryFor(properties[key] ?? {}, depth + 1);
  return fc.record(record, {
    requiredKeys: (schema.required ?? []).filter((key) => key in record),
  });
}
