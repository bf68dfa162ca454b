#!/usr/bin/env -S node --max-semi-space-size=16 --heap-growing-percent=20
// Plain JavaScript, so any Node.js can start it: the CLI itself is TypeScript for Node.js 24,
// which ../scripts/node-24.js finds (or explains how to get) when an older Node.js runs this.
import { runOnNode24 } from "../scripts/node-24.js";

await runOnNode24(new URL("../src/server/cli.ts", import.meta.url), process.argv.slice(2));
