/**
 * `npm run bench`: the people import benchmark, then the load benchmark on SQLite and on
 * PostgreSQL, each writing its section of bench/RESULTS.md.
 * `npm run bench -- --people 100000` runs the load benchmark at 100,000 people.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    people: { type: "string", default: "10000" },
    duration: { type: "string", default: "10" },
  },
});

const script = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const steps: [string, string[]][] = [
  [script("./people-import.bench.ts"), []],
  [
    script("./load/run-load.ts"),
    [
      "--database",
      "sqlite",
      "--people",
      values.people ?? "10000",
      "--duration",
      values.duration ?? "10",
    ],
  ],
  [
    script("./load/run-load.ts"),
    [
      "--database",
      "postgres",
      "--people",
      values.people ?? "10000",
      "--duration",
      values.duration ?? "10",
    ],
  ],
];

const started = Date.now();
for (const [file, args] of steps) {
  const result = spawnSync(process.execPath, [file, ...args], { stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`${file} failed (${result.status}).`);
    process.exit(1);
  }
}
console.log(
  `Benchmarks finished in ${Math.round((Date.now() - started) / 1000)} s; see bench/RESULTS.md.`,
);
