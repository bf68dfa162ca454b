/**
 * `node scripts/run-ts.js <file.ts> [arguments…]`: how the npm scripts start TypeScript, so that
 * they run on Node.js 24 (see ./node-24.js) whichever Node.js npm found first.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { runOnNode24 } from "./node-24.js";

const [entry, ...entryArgs] = process.argv.slice(2);
if (entry === undefined) {
  process.stderr.write("usage: node scripts/run-ts.js <file.ts> [arguments…]\n");
  process.exit(2);
}
await runOnNode24(pathToFileURL(path.resolve(entry)), entryArgs);
