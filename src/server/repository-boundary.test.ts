import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Everything the project reads at run and test time lives in the repository: a clone with
 * nothing beside it must start and pass its tests. The handbook pages are in content/handbook.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));
const notProjectFiles = new Set([
  ".git",
  "node_modules",
  "dist",
  "data",
  "test-results",
  "playwright-report",
]);
const codeFile = /\.[cm]?[jt]sx?$/;
/** Paths a module resolves against its own location: `new URL(…, import.meta.url)`, imports. */
const selfRelativePaths = [
  /new URL\(\s*["'`]((?:\.\.\/)+[^"'`]*)["'`]\s*,\s*import\.meta\.url/g,
  /(?:from|import\()\s*["'`]((?:\.\.\/)+[^"'`]*)["'`]/g,
];

function projectFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    if (notProjectFiles.has(entry.name)) return [];
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? projectFiles(full) : [full];
  });
}

const files = projectFiles(root);
const relative = (file: string) => path.relative(root, file);
const isOutside = (target: string) => path.relative(root, target).startsWith("..");
// Written in two parts so that this file does not name the folder it guards against.
const siblingShared = `../${"shared"}`;

describe("the repository's boundary", () => {
  it("finds the project's files", () => {
    expect(files.map(relative)).toEqual(
      expect.arrayContaining(["package.json", "src/server/app.ts", ".ci/run"]),
    );
  });

  it("has no file that reads a shared folder beside the repository", () => {
    const readers = files.filter((file) => readFileSync(file, "utf8").includes(siblingShared));
    expect(readers.map(relative)).toEqual([]);
  });

  it("has no module that reads or imports a file outside the repository", () => {
    const escapes = files
      .filter((file) => codeFile.test(file))
      .flatMap((file) =>
        selfRelativePaths
          .flatMap((pattern) => [...readFileSync(file, "utf8").matchAll(pattern)])
          .map((match) => match[1] ?? "")
          .filter((target) => isOutside(path.resolve(path.dirname(file), target)))
          .map((target) => `${relative(file)}: ${target}`),
      );
    expect(escapes).toEqual([]);
  });
});
