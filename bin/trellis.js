#!/usr/bin/env -S node --max-semi-space-size=16 --heap-growing-percent=20
// Node 24 runs the TypeScript sources directly (type stripping); there is no build step.
import "../src/server/cli.ts";
