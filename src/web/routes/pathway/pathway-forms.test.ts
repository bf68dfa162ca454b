import { describe, expect, it } from "vitest";
import { markDoneFormSchema, markDoneFormValues } from "./pathway-forms.ts";

const schema = markDoneFormSchema("2026-06-15", "2026-01-10");

function errorOf(values: Parameters<typeof schema.safeParse>[0], field: string) {
  const result = schema.safeParse(values);
  if (result.success) return null;
  return result.error.issues.find((issue) => issue.path[0] === field)?.message ?? null;
}

describe("markDoneFormSchema", () => {
  const valid = { doneOn: "2026-06-15", evidenceUrl: "", note: "" };

  it("accepts today with no evidence or note, sending nulls", () => {
    expect(schema.parse(valid)).toEqual({ doneOn: "2026-06-15", evidenceUrl: null, note: null });
  });

  it("refuses a date after the member's today or before their hire date", () => {
    expect(errorOf({ ...valid, doneOn: "2026-06-16" }, "doneOn")).toBe(
      "Use today or an earlier date",
    );
    expect(errorOf({ ...valid, doneOn: "2026-01-09" }, "doneOn")).toBe(
      "Use a date on or after your hire date",
    );
    expect(errorOf({ ...valid, doneOn: null }, "doneOn")).toBe("Enter the date you did it");
  });

  it("accepts only http(s) evidence, trimmed", () => {
    expect(schema.parse({ ...valid, evidenceUrl: " https://example.com/cert " }).evidenceUrl).toBe(
      "https://example.com/cert",
    );
    expect(errorOf({ ...valid, evidenceUrl: "ftp://example.com" }, "evidenceUrl")).toBeTruthy();
  });

  it("opens with today, or with what was recorded before", () => {
    expect(markDoneFormValues("2026-06-15", null)).toEqual(valid);
    expect(
      markDoneFormValues("2026-06-15", {
        doneOn: "2026-05-01",
        evidenceUrl: "https://example.com",
        note: null,
      }),
    ).toEqual({ doneOn: "2026-05-01", evidenceUrl: "https://example.com", note: "" });
  });
});
