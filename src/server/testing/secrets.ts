import { appendFileSync } from "node:fs";
import { apiTokenPattern } from "#server/modules/api-tokens/token-secrets.ts";

/**
 * Every secret the tests of this process made (API tokens, session tokens, client secrets), so a
 * scan can prove none of them reached a log line. The factories record what they issue; tests
 * record what the API answered with. With TEST_LOG_DIR set (see test-app.ts) each secret is
 * also appended to a file there, for the scan that runs after a whole test run.
 */
const secrets = new Set<string>();
let secretsFile: string | null = null;

export function recordSecret(secret: string): void {
  if (secret.length < 8 || secrets.has(secret)) return;
  secrets.add(secret);
  if (secretsFile) appendFileSync(secretsFile, `${secret}\n`);
}

export function recordedSecrets(): ReadonlySet<string> {
  return secrets;
}

/** Where this process appends the secrets it records from now on (and those recorded so far). */
export function appendSecretsTo(file: string): void {
  if (secretsFile === file) return;
  secretsFile = file;
  if (secrets.size > 0) appendFileSync(file, [...secrets].map((s) => `${s}\n`).join(""));
}

/** What a secret looks like in a log line even when no test recorded it. */
export const secretShapes: readonly RegExp[] = [
  apiTokenPattern,
  /trellis_session=[^;\s"]/,
  /"authorization"\s*:/i,
  /Bearer\s+[A-Za-z0-9_-]{16,}/,
];

/** Runs of characters a token or cookie value is made of, to look up among known secrets. */
const secretLike = /[A-Za-z0-9_-]{16,}/g;

/** The lines that hold a known secret or anything shaped like one; empty when clean. */
export function linesWithSecrets(lines: Iterable<string>, known: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const line of lines) {
    const holdsKnown = (line.match(secretLike) ?? []).some((run) => known.has(run));
    const shaped = secretShapes.some((shape) =>
      new RegExp(shape.source, shape.flags.replace("g", "")).test(line),
    );
    if (holdsKnown || shaped) found.push(line);
  }
  return found;
}
