import { describe, expect, it } from "vitest";
import { parseDirectorySearch, toDirectoryQuery } from "./directory-search.ts";

describe("parseDirectorySearch", () => {
  it("keeps the filters and trims them", () => {
    expect(
      parseDirectorySearch({ q: "  ana ", team: "Platform", status: "all", page: "3" }),
    ).toEqual({ q: "ana", team: "Platform", status: "all", page: 3 });
  });

  it("drops what it cannot use", () => {
    expect(
      parseDirectorySearch({ q: "", division: ["x"], status: "everyone", page: "-2" }),
    ).toEqual({});
    expect(parseDirectorySearch({ page: "1" })).toEqual({});
    expect(parseDirectorySearch({ page: "2.5" })).toEqual({});
  });
});

describe("toDirectoryQuery", () => {
  it("turns the page number into an offset and applies the page's default status", () => {
    expect(toDirectoryQuery({ q: "ana", page: 3 }, "active")).toEqual({
      q: "ana",
      division: undefined,
      department: undefined,
      team: undefined,
      status: "active",
      limit: 25,
      offset: 50,
    });
    expect(toDirectoryQuery({ status: "deactivated" }, "all").status).toBe("deactivated");
  });
});
