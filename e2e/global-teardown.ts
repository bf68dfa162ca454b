import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/** Removes the run's throwaway database, and nothing else. */
export default async function globalTeardown() {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir || !path.basename(dataDir).startsWith("trellis-e2e-")) return;
  if (path.dirname(dataDir) !== tmpdir()) return;
  await rm(dataDir, { recursive: true, force: true });
}
