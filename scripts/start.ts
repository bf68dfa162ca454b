/**
 * `npm start`: builds the web app when its sources are newer than the last build, then serves.
 * A fresh clone needs nothing but `npm install` first.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const builtIndex = path.join(root, "dist/web/index.html");
const sources = ["src/web", "src/core", "vite.config.ts", "package-lock.json"];

function newestChange(entry: string): number {
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const child of readdirSync(entry))
    newest = Math.max(newest, newestChange(path.join(entry, child)));
  return newest;
}

function webBuildIsStale(): boolean {
  if (!existsSync(builtIndex)) return true;
  const built = statSync(builtIndex).mtimeMs;
  return sources.some((source) => {
    const full = path.join(root, source);
    return existsSync(full) && newestChange(full) > built;
  });
}

if (webBuildIsStale()) {
  console.log("Building the web app…");
  const vite = path.join(root, "node_modules/.bin/vite");
  const result = spawnSync(vite, ["build", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error("The web build failed; see above.");
    process.exit(result.status ?? 1);
  }
}

process.argv.splice(2, process.argv.length, "serve");
await import("../src/server/cli.ts");
