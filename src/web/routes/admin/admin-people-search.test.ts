import { describe, expect, it } from "vitest";
import { nextSort, parseAdminPeopleSearch, toAdminPeopleQuery } from "./admin-people-search.ts";

describe("the people list's address bar", () => {
  it("keeps what it knows and drops the rest", () => {
    expect(
      parseAdminPeopleSearch({
        q: " ana ",
        role: "owner",
        status: "deactivated",
        sort: "lastSignIn",
        order: "sideways",
        manager: "not-an-id",
        page: "3",
      }),
    ).toEqual({ q: "ana", status: "deactivated", sort: "lastSignIn", page: 3 });
  });

  it("asks the API for the page and defaults", () => {
    expect(toAdminPeopleQuery({ page: 2, department: "Design" })).toMatchObject({
      status: "all",
      sort: "name",
      order: "asc",
      department: "Design",
      limit: 25,
      offset: 25,
    });
  });

  it("flips the direction of the column already sorted by", () => {
    expect(nextSort({}, "name")).toEqual({ sort: "name", order: "desc" });
    expect(nextSort({ sort: "name", order: "desc" }, "name")).toEqual({
      sort: "name",
      order: "asc",
    });
    expect(nextSort({}, "lastSignIn")).toEqual({ sort: "lastSignIn", order: "desc" });
  });
});
