/**
 * `npm run dev`: the API server restarting on change (port 3000) and Vite's dev server with hot
 * reload (http://localhost:5173, proxying /api to the server). Ctrl-C stops both.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

// Writes arrive through Vite's proxy with Vite's origin, which the same-origin guard must accept.
const serverEnv = { ...process.env, PUBLIC_URL: process.env.PUBLIC_URL ?? "http://localhost:5173" };

const children: ChildProcess[] = [
  spawn(
    process.execPath,
    ["--watch-path=src/server", "--watch-path=src/core", "src/server/cli.ts", "serve"],
    { cwd: root, env: serverEnv, stdio: "inherit" },
  ),
  spawn(path.join(root, "node_modules/.bin/vite"), [], { cwd: root, stdio: "inherit" }),
];

const stopAll = () => {
  for (const child of children) child.kill("SIGTERM");
};
process.on("SIGINT", stopAll);
process.on("SIGTERM", stopAll);
for (const child of children) {
  child.on("exit", (code) => {
    stopAll();
    process.exitCode = code ?? 0;
  });
}
