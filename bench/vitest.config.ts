import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import base from "../vitest.config.ts";

/** The benchmarks' own unit tests: `npx vitest run --config bench/vitest.config.ts`. */
export default defineConfig({
  ...base,
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: { ...base.test, include: ["bench/**/*.test.ts"] },
});
