/**
 * After a test run with TEST_LOG_DIR set (src/server/testing/test-app.ts): fails when any log
 * line of any test holds a secret the tests made, or anything shaped like a token or cookie.
 * Usage: node scripts/run-ts.js scripts/scan-test-logs.ts <dir>
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { linesWithSecrets } from "../src/server/testing/secrets.ts";

const dir = process.argv[2];
if (!dir) {
  console.error("Usage: scan-test-logs <TEST_LOG_DIR>");
  process.exit(2);
}
const files = readdirSync(dir);
const known = new Set<string>();
for (const file of files.filter((name) => name.startsWith("secrets-"))) {
  for (const secret of readFileSync(join(dir, file), "utf8").split("\n")) {
    if (secret) known.add(secret);
  }
}
let lines = 0;
let findings: string[] = [];
for (const file of files.filter((name) => name.startsWith("log-"))) {
  const fileLines = readFileSync(join(dir, file), "utf8").split("\n");
  lines += fileLines.length;
  findings = findings.concat(linesWithSecrets(fileLines, known));
}
if (lines === 0 || known.size === 0) {
  console.error(`No log lines or no secrets in ${dir}: was the run made with TEST_LOG_DIR?`);
  process.exit(1);
}
if (findings.length > 0) {
  console.error(`${findings.length} log lines hold a secret; the first ones:`);
  // Test secrets only, but still not repeated in full in the CI output.
  const masked = (line: string) =>
    line.replace(/[A-Za-z0-9_-]{16,}/g, (run) => (known.has(run) ? `${run.slice(0, 6)}…` : run));
  for (const line of findings.slice(0, 5)) console.error(`  ${masked(line).slice(0, 300)}`);
  process.exit(1);
}
console.log(`No secret in ${lines} log lines (${known.size} secrets checked).`);
