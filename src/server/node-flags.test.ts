import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { serverNodeFlags } from "./node-flags.ts";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

describe("the server's Node.js flags", () => {
  it("are the same in the trellis command, npm start and the list the benchmarks use", () => {
    const shebang = read("bin/trellis.js").split("\n")[0] ?? "";
    expect(shebang).toBe(`#!/usr/bin/env -S node ${serverNodeFlags.join(" ")}`);
    const { scripts } = JSON.parse(read("package.json")) as { scripts: Record<string, string> };
    expect(scripts.start).toBe(
      `node ${serverNodeFlags.join(" ")} scripts/run-ts.js scripts/start.ts`,
    );
  });
});
