/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per function, heaviest first.
 *   node bench/profile-cpu.ts <file.cpuprofile> [rows]
 */
import { readFileSync } from "node:fs";

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

const [file, rows = "30"] = process.argv.slice(2);
if (!file) throw new Error("usage: node bench/profile-cpu.ts <file.cpuprofile> [rows]");
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfTime = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, index) => {
  const node = byId.get(id);
  const delta = profile.timeDeltas[index] ?? 0;
  total += delta;
  if (!node) return;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.replace(/^.*\/(node_modules\/)?/, "");
  const key = `${functionName || "(anonymous)"}  ${where}:${lineNumber + 1}`;
  selfTime.set(key, (selfTime.get(key) ?? 0) + delta);
});
const sorted = [...selfTime.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(rows));
for (const [key, time] of sorted) {
  console.log(`${((time / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
}
