import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "bench/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Every test file has a database of its own, so files run side by side; on a two-core
    // machine, two at a time (the default would leave one core to a single worker).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
