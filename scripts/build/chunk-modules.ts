import path from "node:path";
import type { Plugin } from "vite";

/** Where the build records, for each source module of the web app, the chunk it landed in. */
export const chunkModulesFile = ".vite/chunk-modules.json";

/**
 * Writes `.vite/chunk-modules.json` beside Vite's manifest: `{ "routes/home/home.page.tsx":
 * "assets/area-home-….js", … }` for every module under the web root. Chunks that group several
 * pages have no entry of their own in the manifest, so `npm run size` finds a page's chunk here.
 */
export function recordChunkModules(): Plugin {
  let root = "";
  return {
    name: "trellis:record-chunk-modules",
    apply: "build",
    configResolved(config) {
      root = config.root;
    },
    generateBundle(_options, bundle) {
      const modules: Record<string, string> = {};
      for (const output of Object.values(bundle)) {
        if (output.type !== "chunk") continue;
        for (const id of output.moduleIds) {
          const relative = path.relative(root, id.split("?")[0] ?? id);
          if (!relative.startsWith("..") && !relative.includes("node_modules")) {
            modules[relative.split(path.sep).join("/")] = output.fileName;
          }
        }
      }
      this.emitFile({
        type: "asset",
        fileName: chunkModulesFile,
        source: `${JSON.stringify(modules, null, 2)}\n`,
      });
    },
  };
}
