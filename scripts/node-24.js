/**
 * Runs a TypeScript entry point on Node.js 24, whatever Node.js started this file.
 *
 * Plain JavaScript that any Node.js can load, so it must not import TypeScript statically. On
 * Node.js 24 or later it imports the entry point in this process (Node 24 strips the types). On
 * an older Node.js it re-runs the same command on the Node.js 24 that `npm install` puts in
 * node_modules (the optional `node` package), with the same Node.js flags, arguments, standard
 * streams, signals and exit status. Without one it prints a single line saying what to do.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { constants } from "node:os";
import path from "node:path";
import { isatty } from "node:tty";
import { fileURLToPath } from "node:url";

export const requiredNodeMajor = 24;

/** Set on the re-run, so a Node.js in node_modules that is old too cannot start a loop. */
const relaunchedFrom = "TRELLIS_RELAUNCHED_FROM_NODE";

const projectRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Signals a service manager or a user sends to the process they started. */
const forwardedSignals = ["SIGTERM", "SIGINT", "SIGHUP", "SIGQUIT", "SIGUSR2"];

/**
 * @param {URL} entry the module to run
 * @param {string[]} entryArgs its arguments (what it will see as process.argv.slice(2))
 * @param {{ nodeVersion?: string, root?: string }} [situation] for tests: the running Node.js
 *   version and the project directory holding node_modules
 */
export async function runOnNode24(entry, entryArgs, situation = {}) {
  const nodeVersion = situation.nodeVersion ?? process.versions.node;
  const root = situation.root ?? projectRoot;
  if (majorOf(nodeVersion) >= requiredNodeMajor) {
    process.argv = [process.argv[0] ?? process.execPath, fileURLToPath(entry), ...entryArgs];
    await import(entry.href);
    return;
  }
  const node24 = projectNode(root);
  if (node24 === null || process.env[relaunchedFrom] !== undefined) {
    exitNeedingNode24(process.env[relaunchedFrom] ?? nodeVersion, root);
  }
  rerunOn(node24, nodeVersion, root);
}

/** @param {string} version */
function majorOf(version) {
  return Number.parseInt(version.replace(/^v/, "").split(".")[0] ?? "", 10) || 0;
}

/** @param {string} root */
function projectNode(root) {
  const candidate = path.join(root, "node_modules", ".bin", "node");
  return existsSync(candidate) ? candidate : null;
}

/**
 * @param {string} version
 * @param {string} root
 * @returns {never}
 */
function exitNeedingNode24(version, root) {
  process.stderr.write(
    `Trellis needs Node.js ${requiredNodeMajor} or later, and this is Node.js ${version.replace(/^v/, "")}: ` +
      `run "npm install" in ${root} to get Node.js ${requiredNodeMajor} in node_modules, ` +
      `or install Node.js ${requiredNodeMajor} from https://nodejs.org/.\n`,
  );
  process.exit(1);
}

/**
 * The same command again (this file's caller, its arguments and Node.js flags) on `node24`.
 * @param {string} node24
 * @param {string} nodeVersion
 * @param {string} root
 */
function rerunOn(node24, nodeVersion, root) {
  const child = spawn(node24, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, [relaunchedFrom]: nodeVersion },
  });
  // A terminal's Ctrl-C reaches the whole process group, the child included; forwarding it too
  // would count as a second signal, which stops the server at once instead of gracefully.
  const terminalSignals = new Set(isatty(0) ? ["SIGINT", "SIGQUIT"] : []);
  /** @param {NodeJS.Signals} signal */
  const forward = (signal) => {
    if (!terminalSignals.has(signal)) child.kill(signal);
  };
  for (const signal of forwardedSignals) process.on(signal, forward);
  child.on("error", () => exitNeedingNode24(nodeVersion, root));
  child.on("exit", (code, signal) => {
    for (const name of forwardedSignals) process.off(name, forward);
    if (signal) {
      // End the way the child ended, so the caller sees the same signal.
      process.kill(process.pid, signal);
      process.exit(128 + (constants.signals[signal] ?? 0));
    }
    process.exit(code ?? 1);
  });
}
