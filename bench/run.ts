/**
 * `npm run bench`: the people import and career framework import benchmarks, the load
 * benchmark on SQLite and on PostgreSQL, the worst-case input benchmark, then the calendar feed
 * benchmark on SQLite and on PostgreSQL, the SCIM provisioning benchmark on SQLite and on
 * PostgreSQL, each writing its section of bench/RESULTS.md.
 * `npm run bench -- --people 100000` runs the load benchmark at 100,000 people.
 * `npm run bench -- --only worst-case` (or `import`, `career-import`, `load`, `calendar-feed`,
 * `email`, `scim`) runs one of them. The email step (scheduler tick and outbox delivery) runs at 100,000
 * people.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    people: { type: "string", default: "10000" },
    duration: { type: "string", default: "10" },
    only: { type: "string" },
  },
});

const script = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const loadArgs = (database: string) => [
  "--database",
  database,
  "--people",
  values.people ?? "10000",
  "--duration",
  values.duration ?? "10",
];
/** The scheduler and outbox benchmark: 100,000 people unless --people says otherwise. */
const emailArgs = (database: string) => [
  "--database",
  database,
  "--people",
  values.people === "10000" ? "100000" : (values.people ?? "100000"),
];
const steps: { name: string; file: string; args: string[] }[] = [
  { name: "import", file: script("./people-import.bench.ts"), args: [] },
  { name: "career-import", file: script("./career-import.bench.ts"), args: [] },
  { name: "load", file: script("./load/run-load.ts"), args: loadArgs("sqlite") },
  { name: "load", file: script("./load/run-load.ts"), args: loadArgs("postgres") },
  { name: "worst-case", file: script("./worst-case/run-worst-case.ts"), args: [] },
  {
    name: "calendar-feed",
    file: script("./calendar-feed.bench.ts"),
    args: ["--database", "sqlite"],
  },
  {
    name: "calendar-feed",
    file: script("./calendar-feed.bench.ts"),
    args: ["--database", "postgres"],
  },
  { name: "email", file: script("./email/email.bench.ts"), args: emailArgs("sqlite") },
  { name: "email", file: script("./email/email.bench.ts"), args: emailArgs("postgres") },
  { name: "scim", file: script("./scim.bench.ts"), args: ["--database", "sqlite"] },
  { name: "scim", file: script("./scim.bench.ts"), args: ["--database", "postgres"] },
];
const names = new Set(steps.map((step) => step.name));
if (values.only && !names.has(values.only)) {
  console.error(`--only takes one of: ${[...names].join(", ")}`);
  process.exit(2);
}

const started = Date.now();
for (const { name, file, args } of steps) {
  if (values.only && name !== values.only) continue;
  const result = spawnSync(process.execPath, [file, ...args], { stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`${file} failed (${result.status}).`);
    process.exit(1);
  }
}
console.log(
  `Benchmarks finished in ${Math.round((Date.now() - started) / 1000)} s; see bench/RESULTS.md.`,
);
