import { describe, expect, it } from "vitest";
import { z } from "zod";
import { asPayload, responseSerializerCompiler } from "./response-serializer.ts";

const Person = z.object({
  id: z.string(),
  name: z.string(),
  manager: z.object({ id: z.string() }).nullable(),
});
const route = { schema: Person, method: "GET", url: "/api/people/:id" };
const person = { id: "p1", name: "Ada", manager: null };

describe("the response serializer", () => {
  it("writes what the handler returned, in either mode", () => {
    for (const check of [true, false]) {
      const serialize = responseSerializerCompiler({ check })(route);
      const payload = serialize({ name: "Ada", manager: { id: "m1" }, id: "p1" });
      expect(JSON.parse(payload.toString())).toEqual({
        id: "p1",
        name: "Ada",
        manager: { id: "m1" },
      });
    }
  });

  it("when checking, refuses a field the schema does not declare, at any depth", () => {
    const serialize = responseSerializerCompiler({ check: true })(route);
    const causeOf = (data: unknown) => {
      try {
        serialize(data);
      } catch (error) {
        return String((error as Error).cause);
      }
      return "accepted";
    };
    expect(causeOf({ ...person, passwordHash: "x" })).toMatch(/differs from its schema/);
    expect(causeOf({ ...person, manager: { id: "m1", email: "m@example.com" } })).toMatch(
      /differs from its schema/,
    );
    expect(causeOf(person)).toBe("accepted");
  });

  it("when checking, refuses a missing field and a value of the wrong type", () => {
    const serialize = responseSerializerCompiler({ check: true })(route);
    expect(() => serialize({ id: "p1", manager: null })).toThrow();
    expect(() => serialize({ ...person, name: 42 })).toThrow();
  });

  it("refuses a route whose response schema is not a zod schema", () => {
    expect(() =>
      responseSerializerCompiler({ check: false })({ ...route, schema: { type: "object" } }),
    ).toThrow();
  });
});

describe("the bytes of a response", () => {
  const decoded = (payload: string | Buffer) => JSON.parse(payload.toString()) as unknown;

  it("sends ASCII JSON as it is", () => {
    const json = JSON.stringify({ title: "Plan your learning time" });
    expect(asPayload(json)).toBe(json);
  });

  it("escapes rare characters beyond ASCII, keeping the same JSON value", () => {
    const value = {
      headline: "Year 1 · Q2 — 1 of 3 done",
      note: `${"Plain words. ".repeat(80)}“Quoted”… 😀 and a lone \ud800 surrogate`,
    };
    const payload = asPayload(JSON.stringify(value));
    expect(Buffer.isBuffer(payload)).toBe(true);
    expect([...payload.toString("latin1")].every((character) => character < "\u0080")).toBe(true);
    expect(decoded(payload)).toEqual(value);
  });

  it("encodes text made mostly of such characters as UTF-8", () => {
    const value = { names: ["Анна Петрова", "Ærøskøbing", "山田太郎"] };
    const json = JSON.stringify(value);
    expect(asPayload(json)).toEqual(Buffer.from(json));
    expect(decoded(asPayload(json))).toEqual(value);
  });
});
