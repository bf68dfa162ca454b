import { describe, expect, it } from "vitest";
import { formatOfFileName, frameworkImportFormSchema } from "./framework-import.ts";

describe("frameworkImportFormSchema", () => {
  it("leaves the framework out when a new one is to be created", () => {
    expect(
      frameworkImportFormSchema.parse({ format: "yaml", content: "a", frameworkId: "" }),
    ).toEqual({ format: "yaml", content: "a" });
  });

  it("names the framework whose draft is updated, and refuses what the API refuses", () => {
    const id = "0190a0c0-0000-7000-8000-000000000001";
    expect(
      frameworkImportFormSchema.parse({ format: "case", content: "{}", frameworkId: id }),
    ).toEqual({ format: "case", content: "{}", frameworkId: id });
    expect(
      frameworkImportFormSchema.safeParse({ format: "xml", content: "a", frameworkId: "" }).success,
    ).toBe(false);
  });
});

describe("formatOfFileName", () => {
  it("reads the format from the file's extension", () => {
    expect(formatOfFileName("Framework.YML")).toBe("yaml");
    expect(formatOfFileName("roles.csv")).toBe("csv");
    expect(formatOfFileName("case-package.json")).toBe("case");
    expect(formatOfFileName("notes.txt")).toBeNull();
  });
});
