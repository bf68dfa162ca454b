import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { serverNodeFlags } from "./node-flags.ts";

/**
 * scripts/node-24.js in a fake old-Node situation: a driver tells the launcher it runs on
 * Node.js 20, and a fake project's node_modules/.bin/node stands for the Node.js 24 that
 * `npm install` brings (it is this Node.js, marked so the re-run reports itself as 24).
 */
const launcher = new URL("../../scripts/node-24.js", import.meta.url).href;
const scratch = mkdtempSync(path.join(tmpdir(), "trellis-launcher-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const entrySource = `
const [mode = "", ...rest] = process.argv.slice(2);
if (mode === "report") {
  console.log(JSON.stringify({ args: rest, execArgv: process.execArgv, onNode24: process.env.FAKE_NODE_24 === "1" }));
  process.exitCode = 7;
}
if (mode === "echo") process.stdin.pipe(process.stdout);
if (mode === "stop-on-term") {
  process.on("SIGTERM", () => {
    console.log("stopping");
    process.exit(3);
  });
  setInterval(() => {}, 1000);
  console.log("ready");
}
if (mode === "hang") {
  setInterval(() => {}, 1000);
  console.log("ready");
}
`;

/** A project directory; `node24` says what its node_modules/.bin/node is, if anything. */
function fakeProject(name: string, node24: "none" | "node 24" | "old node too"): string {
  const root = path.join(scratch, name);
  mkdirSync(root);
  writeFileSync(path.join(root, "entry.ts"), entrySource);
  writeFileSync(
    path.join(root, "driver.js"),
    `import { runOnNode24 } from ${JSON.stringify(launcher)};
const nodeVersion = process.env.FAKE_NODE_24 === "1" ? process.versions.node : "20.20.2";
await runOnNode24(new URL("./entry.ts", import.meta.url), process.argv.slice(2), { nodeVersion, root: ${JSON.stringify(root)} });
`,
  );
  if (node24 !== "none") {
    const bin = path.join(root, "node_modules", ".bin");
    mkdirSync(bin, { recursive: true });
    const mark = node24 === "node 24" ? "FAKE_NODE_24=1 " : "";
    writeFileSync(
      path.join(bin, "node"),
      `#!/bin/sh\n${mark}exec ${JSON.stringify(process.execPath)} "$@"\n`,
    );
    chmodSync(path.join(bin, "node"), 0o755);
  }
  return root;
}

function runDriver(root: string, args: string[], options: { input?: string } = {}) {
  return spawnSync(process.execPath, [...serverNodeFlags, path.join(root, "driver.js"), ...args], {
    encoding: "utf8",
    input: options.input ?? "",
    env: { PATH: process.env.PATH ?? "" },
    timeout: 30_000,
  });
}

/** Starts the driver, waits until the entry point says "ready", then sends `signal`. */
function signalOnceReady(root: string, mode: string, signal: NodeJS.Signals) {
  const driver = spawn(process.execPath, [path.join(root, "driver.js"), mode], {
    env: { PATH: process.env.PATH ?? "" },
  });
  let stdout = "";
  driver.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes("ready")) driver.kill(signal);
  });
  return new Promise<{ code: number | null; signal: string | null; stdout: string }>((resolve) => {
    driver.on("exit", (code, exitSignal) => resolve({ code, signal: exitSignal, stdout }));
  });
}

describe("the Node.js 24 launcher", () => {
  const withNode24 = fakeProject("with-node-24", "node 24");

  it("on an old Node.js re-runs on the project's Node.js 24 with the same flags, arguments and exit status", () => {
    const result = runDriver(withNode24, ["report", "two words", "--flag=x"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(7);
    expect(JSON.parse(result.stdout)).toEqual({
      args: ["two words", "--flag=x"],
      execArgv: [...serverNodeFlags],
      onNode24: true,
    });
  });

  it("hands standard input to the re-run", () => {
    const result = runDriver(withNode24, ["echo"], { input: "a line of input\n" });
    expect(result.stdout).toBe("a line of input\n");
    expect(result.status).toBe(0);
  });

  it("forwards a stop signal once and ends with the re-run's status", async () => {
    const result = await signalOnceReady(withNode24, "stop-on-term", "SIGTERM");
    expect(result.stdout).toBe("ready\nstopping\n");
    expect(result.code).toBe(3);
  });

  it("ends by the same signal when the re-run is killed by it", async () => {
    const result = await signalOnceReady(withNode24, "hang", "SIGTERM");
    expect(result.signal).toBe("SIGTERM");
  });

  it("runs in this process, not a new one, on Node.js 24", () => {
    const bare = fakeProject("node-24-running", "none");
    const result = spawnSync(process.execPath, [path.join(bare, "driver.js"), "report", "x"], {
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", FAKE_NODE_24: "1" },
    });
    expect(result.status).toBe(7);
    expect(JSON.parse(result.stdout)).toMatchObject({ args: ["x"], onNode24: true });
  });

  it("starts a TypeScript file with its arguments for the npm scripts (scripts/run-ts.js)", () => {
    const runTs = fileURLToPath(new URL("../../scripts/run-ts.js", import.meta.url));
    const entry = path.join(withNode24, "entry.ts");
    const result = spawnSync(process.execPath, [runTs, entry, "report", "a", "b"], {
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", FAKE_NODE_24: "1" },
    });
    expect(result.status).toBe(7);
    expect(JSON.parse(result.stdout)).toMatchObject({ args: ["a", "b"] });
    const usage = spawnSync(process.execPath, [runTs], { encoding: "utf8" });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toBe("usage: node scripts/run-ts.js <file.ts> [arguments…]\n");
  });

  it.each([
    ["nothing in node_modules", fakeProject("without-node-24", "none")],
    ["an old Node.js in node_modules too", fakeProject("old-node-in-node-modules", "old node too")],
  ])("with %s, prints one line naming the Node.js needed and exits 1", (_, root) => {
    const result = runDriver(root, ["report"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      /^Trellis needs Node\.js 24 or later, and this is Node\.js 20\.20\.2: run "npm install" in .+, or install Node\.js 24 from https:\/\/nodejs\.org\/\.\n$/,
    );
  });
});
