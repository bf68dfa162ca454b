import { existsSync } from "node:fs";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { chunkGroups } from "./scripts/build/chunk-groups.ts";
import { recordChunkModules } from "./scripts/build/chunk-modules.ts";
import { precompress } from "./scripts/build/precompress.ts";

// The SPA lives in src/web; its build lands in dist/web, which the server serves, each text file
// with its brotli and gzip variants beside it (scripts/build/precompress.ts).
export default defineConfig({
  root: "src/web",
  plugins: [react(), mantineStylesFollowComponents(), recordChunkModules(), precompress()],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    assetsDir: "assets",
    // Read by scripts/bundle-size.ts (with .vite/chunk-modules.json) to measure what each page loads.
    manifest: true,
    // A page loads a handful of chunks: the shell, its libraries, and its area's (see the file).
    rolldownOptions: { output: { codeSplitting: chunkGroups() } },
    // `vendor` (React, the router, TanStack Query, Mantine's base, zod) is one file on purpose.
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 5173,
    proxy: { "/api": "http://127.0.0.1:3000", "/healthz": "http://127.0.0.1:3000" },
  },
});

/**
 * Every Mantine component brings its own stylesheet, so each chunk carries the CSS of exactly the
 * components it renders and the sign-in page does not load the styles of the whole library
 * (see src/web/README.md).
 *
 * Mantine ships each component's class names as `esm/…/Button.module.mjs` and its CSS as
 * `styles/Button.css`; the build adds an import of the second to the first. Packages without
 * per-component files (notifications, dates) bring their single `styles.css` instead.
 *
 * The development server serves Mantine pre-bundled, where no plugin can reach, so there every
 * Mantine stylesheet is loaded up front, before the app's own CSS.
 */
function mantineStylesFollowComponents(): Plugin {
  const classNamesModule = /\/node_modules\/(@mantine\/[a-z-]+)\/esm\/(?:.+\/)?(\w+)\.module\.mjs$/;
  const webEntry = /\/src\/web\/main\.tsx$/;
  const allStylesheets = ["@mantine/core", "@mantine/notifications", "@mantine/dates"].map(
    (name) => `import "${name}/styles.css";`,
  );
  let building = true;

  return {
    name: "trellis:mantine-styles-follow-components",
    enforce: "pre",
    configResolved(config) {
      building = config.command === "build";
    },
    transform(code, id) {
      const file = id.split("?")[0] ?? id;
      if (!building) {
        return webEntry.test(file) ? `${allStylesheets.join("\n")}\n${code}` : null;
      }
      const match = classNamesModule.exec(file);
      if (!match) return null;
      const [, packageName, component] = match;
      const packageDir = file.slice(0, file.indexOf("/esm/"));
      const stylesheet = existsSync(`${packageDir}/styles/${component}.css`)
        ? `${packageName}/styles/${component}.css`
        : `${packageName}/styles.css`;
      return { code: `import "${stylesheet}";\n${code}`, map: null };
    },
  };
}
