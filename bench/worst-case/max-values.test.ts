import { describe, expect, it } from "vitest";
import { z } from "zod";
import { growthPlanLimits } from "#core/growth-plan/fields.schemas.ts";
import { CreateGoalBody, saveSectionBodies } from "#core/growth-plan/saving.schemas.ts";
import { CreatePersonBody } from "#core/people.schemas.ts";
import {
  emailOfLength,
  filler,
  jsonBytes,
  jsonSchemaOf,
  maximalValue,
  nestedArrays,
  textShapes,
} from "./max-values.ts";

const megabyte = 1024 * 1024;

function schemaOf(schema: z.ZodType) {
  const json = jsonSchemaOf(schema);
  if (!json) throw new Error("not a zod schema");
  return json;
}

function uuidsIn(value: unknown): string[] {
  const text = JSON.stringify(value);
  return text.match(/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}/g) ?? [];
}

describe("filler text", () => {
  it.each(textShapes)("%s text has exactly the length asked for", (shape) => {
    for (const length of [0, 1, 2, 199, 200, 20_000]) {
      expect(filler(shape, length)).toHaveLength(length);
    }
  });

  it("words are separated by spaces and never start or end with one", () => {
    const text = filler("words", 5_000);
    expect(text.split(" ").length).toBeGreaterThan(300);
    expect(text).toBe(text.trim());
    for (const length of [1, 2, 3, 50, 51, 52, 53])
      expect(filler("words", length).trim()).toHaveLength(length);
  });

  it("an unbroken word and Japanese text hold no whitespace at all", () => {
    expect(filler("unbroken", 20_000)).toMatch(/^\S+$/);
    const japanese = filler("cjk", 20_000);
    expect(japanese).toMatch(/^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー。]+$/u);
    // One UTF-16 unit per character (what zod's max counts), three bytes in UTF-8.
    expect(Buffer.byteLength(japanese)).toBe(3 * 20_000);
  });
});

describe("JSON Schema of a route's zod schema", () => {
  it("keeps the maximum of a field that trims first and the format a pipe hides", () => {
    const schema = schemaOf(
      z.strictObject({
        title: z.string().trim().min(1).pipe(z.string().max(200)),
        email: z.string().trim().toLowerCase().pipe(z.email()),
      }),
    );
    expect(schema.properties?.title?.maxLength).toBe(200);
    expect(schema.properties?.email?.format).toBe("email");
  });
});

describe("maximal values", () => {
  it.each(textShapes)(
    "a %s goal fills every field to its maximum and passes the API schema",
    (shape) => {
      const value = maximalValue(schemaOf(CreateGoalBody), { shape, budgetBytes: megabyte });
      expect(CreateGoalBody.safeParse(value).success).toBe(true);
      const { content } = value as CreateGoalBody;
      expect(content.skill).toHaveLength(500);
      expect(content.resources).toHaveLength(growthPlanLimits.longText);
      expect(content.challenges).toHaveLength(growthPlanLimits.longText);
      expect(content.actionSteps).toHaveLength(growthPlanLimits.actionStepsPerGoal);
      expect(content.actionSteps[0]?.title).toHaveLength(500);
      expect(content.targetDate).toBe("2026-06-30");
      if (shape !== "words") expect(content.resources).not.toContain(" ");
    },
  );

  it.each(
    Object.entries(saveSectionBodies).flatMap(([section, schema]) =>
      textShapes.map((shape) => ({ section, schema, shape })),
    ),
  )(
    "the $section section in $shape text is valid and as large as the body limit allows",
    ({ schema, shape }) => {
      const budgetBytes = megabyte - 1_024;
      const value = maximalValue(schemaOf(schema), {
        shape,
        budgetBytes,
        fieldValue: (name) => (name === "baseVersion" ? 7 : undefined),
      });
      const parsed = schema.safeParse(value);
      expect(parsed.error?.issues.slice(0, 2) ?? []).toEqual([]);
      expect(jsonBytes(value)).toBeLessThanOrEqual(budgetBytes);
      const ids = uuidsIn(value);
      expect(new Set(ids).size).toBe(ids.length);
    },
  );

  it("fills lists until the budget is spent, and no further", () => {
    const schema = saveSectionBodies.tracking;
    const json = schemaOf(schema);
    const large = maximalValue(json, { shape: "words", budgetBytes: megabyte });
    const small = maximalValue(json, { shape: "words", budgetBytes: 60_000 });
    expect(jsonBytes(large)).toBeGreaterThan(0.9 * megabyte);
    expect(jsonBytes(large)).toBeLessThanOrEqual(megabyte);
    expect(jsonBytes(small)).toBeLessThanOrEqual(60_000);
    expect(jsonBytes(small)).toBeGreaterThan(40_000);
    const reflections = (v: unknown) =>
      (v as { content: { reflections: unknown[] } }).content.reflections.length;
    expect(reflections(large)).toBeGreaterThan(reflections(small));
    expect(schema.safeParse(small).success).toBe(true);
  });

  it("gives a named field the value the caller knows, and every optional field a value", () => {
    const managerId = "0190a5b2-3c4d-7e8f-9a0b-1c2d3e4f5a6b";
    const value = maximalValue(schemaOf(CreatePersonBody), {
      shape: "cjk",
      budgetBytes: megabyte,
      fieldValue: (name) => (name === "managerId" ? managerId : undefined),
    }) as Record<string, unknown>;
    expect(CreatePersonBody.safeParse(value).success).toBe(true);
    expect(value.managerId).toBe(managerId);
    expect(value.email).toHaveLength(254);
    expect(value.preferredName).toHaveLength(200);
    expect(value.timeZone).toBe("America/Argentina/ComodRivadavia");
    expect(Object.keys(value).sort()).toEqual(Object.keys(CreatePersonBody.shape).sort());
  });

  it("makes addresses of exactly the length asked for, distinct by tag", () => {
    const first = emailOfLength("a1", 254);
    expect(first).toHaveLength(254);
    expect(emailOfLength("a2", 254)).not.toBe(first);
    expect(z.email().safeParse(first).success).toBe(true);
  });
});

describe("nested bodies", () => {
  it("are valid JSON exactly as deep as asked", () => {
    const text = nestedArrays(2_000);
    expect(text).toHaveLength(4_000);
    let depth = 0;
    let value: unknown = JSON.parse(text);
    while (Array.isArray(value) && value.length > 0) {
      depth += 1;
      value = value[0];
    }
    expect(depth + 1).toBe(2_000);
  });
});
