import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3199);
const baseURL = `http://127.0.0.1:${port}`;

// Workers re-read this file, so the data directory is chosen once and inherited through the
// environment: every run starts on an empty database, with first-run setup available.
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "trellis-e2e-"));
// The web app is built into the run's own directory, so runs never serve each other's build.
const webDistDir = path.join(process.env.E2E_DATA_DIR, "web");

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
    ],
  },
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  globalTeardown: "./e2e/global-teardown.ts",
  use: {
    baseURL,
    trace: "retain-on-failure",
  },
  // The first-run journey needs an empty database, so it runs before every other journey.
  projects: [
    { name: "first-run", testMatch: "auth.spec.ts", use: chromium },
    {
      name: "signed-in",
      testIgnore: "auth.spec.ts",
      dependencies: ["first-run"],
      use: chromium,
    },
  ],
  webServer: {
    command: `npx vite build --logLevel warn --outDir "${webDistDir}" --emptyOutDir && ./bin/trellis.js serve`,
    url: `${baseURL}/readyz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: baseURL,
      DATA_DIR: process.env.E2E_DATA_DIR,
      WEB_DIST_DIR: webDistDir,
      LOG_LEVEL: "warn",
      CHECK_RESPONSES: "true",
      // A fixed test key, so single sign-on client secrets can be stored.
      SECRET_KEY: "dHJlbGxpcy1lMmUtdGVzdC1rZXktMzItYnl0ZXMhISE=",
    },
  },
});
