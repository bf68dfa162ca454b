import fc from "fast-check";
import { z } from "zod";

/**
 * Values with every field at its largest allowed size, generated from a route's zod schema
 * through JSON Schema: each string at its `maxLength` (in one of three shapes of text), each
 * array at its `maxItems`, every optional field present, while the whole value stays within a
 * byte budget (the server's body limit), so the request is the largest one the route accepts.
 */

/** The parts of JSON Schema (as z.toJSONSchema writes it) that maximal values need. */
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
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

/** words: text with spaces; unbroken: one word without any; cjk: Japanese without spaces. */
export const textShapes = ["words", "unbroken", "cjk"] as const;
export type TextShape = (typeof textShapes)[number];

const wordList = [
  "growth",
  "plan",
  "reflect",
  "on",
  "mentoring",
  "a",
  "quarterly",
  "conversation",
  "with",
  "measurable",
  "outcomes",
  "and",
  "learning",
  "Kubernetes-certification",
];
const unbrokenAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
/** Only BMP characters, so each is one UTF-16 unit (what zod's max counts) and three UTF-8 bytes. */
const cjkSentence = "成長計画の目標を達成するために毎週上司と振り返りを行い学習の記録を残します。";

/** Text of exactly `length` UTF-16 units in the given shape; words never start or end with a space. */
export function filler(shape: TextShape, length: number): string {
  if (length <= 0) return "";
  if (shape === "cjk") return repeatTo(cjkSentence, length);
  if (shape === "unbroken") return repeatTo(unbrokenAlphabet, length);
  let text = "";
  for (let index = 0; text.length < length; index++) {
    text += `${wordList[index % wordList.length]} `;
  }
  text = text.slice(0, length);
  // A trimmed field would lose a trailing space and fall short of its maximum.
  return text.endsWith(" ") ? `${text.slice(0, -1)}x` : text;
}

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** A valid JSON text `depth` arrays deep: `[[[…]]]`. */
export function nestedArrays(depth: number): string {
  return `${"[".repeat(depth)}${"]".repeat(depth)}`;
}

/**
 * The JSON Schema of a zod schema, both sides merged: the input side keeps the `maxLength` of a
 * field that trims before checking (a pipe), the output side keeps formats (email, uri,
 * date-time) that the pipe hides on the input side.
 */
export function jsonSchemaOf(schema: unknown): JsonSchema | null {
  if (!(schema instanceof z.ZodType)) return null;
  const convert = (io: "input" | "output"): JsonSchema => {
    try {
      return z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
    } catch {
      return {};
    }
  };
  return mergeSchemas(convert("input"), convert("output"));
}

function mergeSchemas(input: JsonSchema, output: JsonSchema): JsonSchema {
  const merged: JsonSchema = { ...output, ...input };
  if (output.format) merged.format = output.format;
  if (output.pattern && !input.pattern) merged.pattern = output.pattern;
  if (input.properties) {
    merged.properties = {};
    for (const [key, value] of Object.entries(input.properties)) {
      merged.properties[key] = mergeSchemas(value, output.properties?.[key] ?? {});
    }
  }
  if (input.items) merged.items = mergeSchemas(input.items, output.items ?? {});
  const alternatives = input.anyOf ?? input.oneOf;
  if (alternatives) {
    const outputAlternatives = output.anyOf ?? output.oneOf ?? [];
    merged.anyOf = alternatives.map((alternative, index) =>
      mergeSchemas(alternative, outputAlternatives[index] ?? {}),
    );
    delete merged.oneOf;
  }
  return merged;
}

export type FieldValue = (name: string, schema: JsonSchema) => unknown;

export type MaximalOptions = {
  shape: TextShape;
  /** The largest JSON text, in UTF-8 bytes, that arrays and long strings may grow to. */
  budgetBytes: number;
  /**
   * A value for a named field that the schema cannot describe (a real id, a current version, a
   * date); undefined leaves it to the schema.
   */
  fieldValue?: FieldValue;
  /** Seed for pattern-shaped strings, so runs are repeatable. */
  seed?: number;
};

/** Field names whose values schemas describe only by a refinement: dates and time zones. */
export const defaultFieldValue: FieldValue = (name, schema) => {
  if (/(On|Date)$/.test(name) || ["on", "date", "from", "to"].includes(name)) return "2026-06-30";
  if (name === "url" || name.endsWith("Url")) return webUrlOfLength(schema.maxLength ?? 2_000);
  if (name === "timeZone") return "America/Argentina/ComodRivadavia";
  return undefined;
};

const unboundedStringLength = 200;

/** The largest value `schema` allows in `shape`, within `budgetBytes`. */
export function maximalValue(schema: JsonSchema, options: MaximalOptions): unknown {
  const seed = options.seed ?? 1;
  const random = repeatableRandom(seed);
  let uuidCount = 0;
  let emailCount = 0;

  const value = (node: JsonSchema, budget: number, name: string | null): unknown => {
    if (name !== null) {
      const given = options.fieldValue?.(name, node);
      if (given !== undefined) return given;
      const known = defaultFieldValue(name, node);
      if (known !== undefined) return known;
    }
    if (node.const !== undefined) return node.const;
    if (node.enum?.length) return longestOf(node.enum);
    if (node.anyOf || node.oneOf) {
      // The richest alternative: an object or array over a string over anything else.
      const rank = (candidate: JsonSchema) =>
        ["object", "array", "string"].indexOf(String(candidate.type)) + 1 || 9;
      const best = (node.anyOf ?? node.oneOf ?? [])
        .filter((alternative) => alternative.type !== "null")
        .sort((a, b) => rank(a) - rank(b))[0];
      return best ? value(best, budget, null) : null;
    }
    if (node.allOf?.[0]) return value(node.allOf[0], budget, name);
    const type = Array.isArray(node.type)
      ? (node.type.find((candidate) => candidate !== "null") ?? "null")
      : node.type;
    switch (type) {
      case "string":
        return string(node, budget);
      case "integer":
      case "number":
        return node.maximum ?? node.minimum ?? 0;
      case "boolean":
        return true;
      case "null":
        return null;
      case "array":
        return array(node, budget);
      case "object":
        return object(node, budget);
      default:
        return node.default ?? null;
    }
  };

  const string = (node: JsonSchema, budget: number): string => {
    const maxLength = node.maxLength ?? unboundedStringLength;
    switch (node.format) {
      case "uuid":
        uuidCount += 1;
        return uuidNumbered(seed, uuidCount);
      case "email":
        emailCount += 1;
        return emailOfLength(`${seed}x${emailCount}`, maxLength);
      case "uri":
      case "url":
        return webUrlOfLength(maxLength);
      case "date":
        return "2026-06-30";
      case "date-time":
        return "2026-06-30T12:00:00.000Z";
    }
    if (node.pattern) return matching(node, random);
    const bytesPerUnit = options.shape === "cjk" ? 3 : 1;
    const affordable = Math.floor(Math.max(0, budget - 2) / bytesPerUnit);
    const length = Math.max(node.minLength ?? 0, Math.min(maxLength, affordable));
    return filler(options.shape, length);
  };

  const array = (node: JsonSchema, budget: number): unknown[] => {
    const items: unknown[] = [];
    const max = node.maxItems ?? 1;
    let left = budget - 2;
    for (let index = 0; index < max; index++) {
      const item = value(node.items ?? {}, left, null);
      const size = jsonBytes(item) + 1;
      if (size > left && index >= (node.minItems ?? 0)) break;
      items.push(item);
      left -= size;
    }
    return items;
  };

  const object = (node: JsonSchema, budget: number): Record<string, unknown> => {
    const properties = Object.entries(node.properties ?? {});
    const result: Record<string, unknown> = {};
    let left = budget - 2;
    // Small fields first; then each container and long text gets a fair share of what is left.
    const isLarge = ([, property]: [string, JsonSchema]) =>
      property.type === "array" ||
      property.type === "object" ||
      (property.maxLength ?? 0) > 1_000 ||
      (property.anyOf ?? []).some((alternative) => alternative.type === "array");
    const small = properties.filter((entry) => !isLarge(entry));
    const large = properties.filter(isLarge);
    for (const [key, property] of small) {
      result[key] = value(property, left, key);
      left -= jsonBytes(result[key]) + key.length + 4;
    }
    large.forEach(([key, property], index) => {
      const share = Math.floor(left / (large.length - index));
      result[key] = value(property, share, key);
      left -= jsonBytes(result[key]) + key.length + 4;
    });
    // Keep the schema's order of fields.
    return Object.fromEntries(properties.map(([key]) => [key, result[key]]));
  };

  return value(schema, options.budgetBytes, null);
}

/**
 * Samples of each pattern, drawn once: sampling a pattern costs milliseconds, and a list of
 * 20,000 keyed items would otherwise draw 40 samples for each of its keys.
 */
const patternSamples = new Map<string, string[]>();
const samplesPerPattern = 40;

/** The longest of a few repeatable samples of the pattern that also fit the length limits. */
function matching(schema: JsonSchema, random: () => number): string {
  const pattern = schema.pattern ?? "";
  let samples = patternSamples.get(pattern);
  if (!samples) {
    samples = fc.sample(fc.stringMatching(new RegExp(pattern)), {
      numRuns: samplesPerPattern,
      seed: 0x5eed,
    });
    patternSamples.set(pattern, samples);
  }
  const fitting = samples.filter(
    (sample) =>
      sample.length >= (schema.minLength ?? 0) && sample.length <= (schema.maxLength ?? Infinity),
  );
  // The longest, or (a draw of `random`) one of the few next longest, so keys in a list differ.
  const sorted = [...fitting].sort((a, b) => b.length - a.length);
  const pick = random() < 0.5 ? 0 : Math.floor(random() * Math.min(sorted.length, 4));
  return sorted[pick] ?? "";
}

/** An https address of exactly `length` characters (at least 20). */
export function webUrlOfLength(length: number): string {
  return `https://example.com/${filler("unbroken", Math.max(0, length - 20))}`;
}

/** A version 4 UUID, distinct for each (seed, count), that zod's `z.uuid()` accepts. */
export function uuidNumbered(seed: number, count: number): string {
  const prefix = (seed >>> 0).toString(16).padStart(8, "0").slice(-8);
  return `${prefix}-0000-4000-8000-${count.toString(16).padStart(12, "0")}`;
}

/** A unique address of exactly `length` characters: a 64-character local part, labels of 63. */
export function emailOfLength(tag: string, length: number): string {
  const local = `${tag}${filler("unbroken", Math.max(0, 64 - tag.length))}`.slice(0, 64);
  const labels: string[] = [];
  let left = length - local.length - 1 - "example".length;
  while (left > 1) {
    const label = filler("unbroken", Math.min(63, left - 1)).toLowerCase();
    labels.push(label);
    left -= label.length + 1;
  }
  return `${local}@${[...labels, "example"].join(".")}`;
}

/** mulberry32: a small repeatable generator, for the seeds of pattern samples. */
function repeatableRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function longestOf(values: readonly unknown[]): unknown {
  return [...values].sort((a, b) => String(b).length - String(a).length)[0];
}

export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? "null");
}
