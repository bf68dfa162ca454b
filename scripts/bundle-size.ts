/**
 * `npm run size`: what a browser loads for the sign-in, home and plan pages, from Vite's build
 * manifest: the number of script and stylesheet requests, and their bytes raw, gzip and brotli
 * (the precompressed files the build writes beside each asset, which the server sends to a
 * browser that accepts them). Exits non-zero when the sign-in page exceeds its gzip budget.
 * Run `npm run build` first.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

type ManifestChunk = { file: string; imports?: string[]; css?: string[]; isEntry?: boolean };
type Manifest = Record<string, ManifestChunk>;

const root = fileURLToPath(new URL("..", import.meta.url));
const distDir = path.join(root, "dist/web");
const manifestFile = path.join(distDir, ".vite/manifest.json");
const chunkModulesFile = path.join(distDir, ".vite/chunk-modules.json");
const signInBudgetBytes = 200 * 1024;

/** The modules each page renders, by source path under src/web (main.tsx is the entry). */
const pages = {
  "sign-in": ["main.tsx", "routes/sign-in/sign-in.page.tsx"],
  home: ["main.tsx", "routes/app/app-layout.tsx", "routes/home/home.page.tsx"],
  plan: ["main.tsx", "routes/app/app-layout.tsx", "routes/growth-plans/plan.page.tsx"],
} as const;

/**
 * The files a page loads: the chunks holding its modules and, from Vite's manifest, every chunk
 * and stylesheet they import statically (which the browser fetches before running the page).
 */
function filesLoadedFor(manifest: Manifest, modules: readonly string[]): Set<string> {
  const chunkModules = JSON.parse(readFileSync(chunkModulesFile, "utf8")) as Record<string, string>;
  const keyOfFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const module of modules) {
    const file = chunkModules[module];
    const key = file && keyOfFile.get(file);
    if (!key) throw new Error(`${module} is in no chunk of the build; was it renamed?`);
    visit(key);
  }
  return files;
}

type Sizes = { raw: number; gzip: number; brotli: number };

/** The precompressed file's size when the build wrote one, else the same compression here. */
function sizesOf(file: string): Sizes {
  const full = path.join(distDir, file);
  const content = readFileSync(full);
  const gzip = existsSync(`${full}.gz`)
    ? statSync(`${full}.gz`).size
    : gzipSync(content, { level: 9 }).length;
  const brotli = existsSync(`${full}.br`)
    ? statSync(`${full}.br`).size
    : brotliCompressSync(content, {
        params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
      }).length;
  return { raw: content.length, gzip, brotli };
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (!existsSync(manifestFile) || !existsSync(chunkModulesFile)) {
  console.error("No build manifest: run `npm run build` first.");
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;

console.log(
  `${"page".padEnd(8)} ${"scripts".padStart(7)} ${"CSS".padStart(4)}  ${"raw".padStart(9)}  ${"gzip".padStart(9)}  ${"brotli".padStart(9)}  gzip JS / CSS`,
);
let overBudget = false;
for (const [page, modules] of Object.entries(pages)) {
  const files = [...filesLoadedFor(manifest, modules)];
  const total: Sizes = { raw: 0, gzip: 0, brotli: 0 };
  let gzipJs = 0;
  let gzipCss = 0;
  for (const file of files) {
    const sizes = sizesOf(file);
    total.raw += sizes.raw;
    total.gzip += sizes.gzip;
    total.brotli += sizes.brotli;
    if (file.endsWith(".css")) gzipCss += sizes.gzip;
    else gzipJs += sizes.gzip;
  }
  const scripts = files.filter((file) => file.endsWith(".js")).length;
  const stylesheets = files.filter((file) => file.endsWith(".css")).length;
  const budget = page === "sign-in" ? `  (budget ${kilobytes(signInBudgetBytes)} gzip)` : "";
  console.log(
    `${page.padEnd(8)} ${String(scripts).padStart(7)} ${String(stylesheets).padStart(4)}  ${kilobytes(total.raw).padStart(9)}  ${kilobytes(total.gzip).padStart(9)}  ${kilobytes(total.brotli).padStart(9)}  ${kilobytes(gzipJs)} / ${kilobytes(gzipCss)}${budget}`,
  );
  if (page === "sign-in" && total.gzip > signInBudgetBytes) overBudget = true;
}
if (overBudget) {
  console.error("The sign-in page is over its gzip budget.");
  process.exit(1);
}
