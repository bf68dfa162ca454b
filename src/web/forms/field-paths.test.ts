import { describe, expect, it } from "vitest";
import { errorOfStringList, inputPathsFor } from "./field-paths.ts";

describe("errorOfStringList", () => {
  it("names the entry of a list a message is about", () => {
    const errors = {
      name: "Enter a name",
      "content.role.targetRoles.1": "Use at most 200 characters",
    };
    expect(errorOfStringList(errors, "content.role.targetRoles", "Role")).toBe(
      "Role 2: Use at most 200 characters",
    );
  });

  it("prefers the list's own message, and has none when nothing is wrong", () => {
    const errors = {
      "content.role.targetRoles": "Use at most 10 roles",
      "content.role.targetRoles.0": "Enter a role",
    };
    expect(errorOfStringList(errors, "content.role.targetRoles", "Role")).toBe(
      "Use at most 10 roles",
    );
    expect(errorOfStringList({ name: "x" }, "content.role.targetRoles", "Role")).toBeUndefined();
  });
});

it("looks for the input of a message from the nearest path outwards", () => {
  expect(inputPathsFor("content.role.targetRoles.1")).toEqual([
    "content.role.targetRoles.1",
    "content.role.targetRoles",
    "content.role",
    "content",
  ]);
});
