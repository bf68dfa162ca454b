/**
 * `npm run size`: gzip size of the JavaScript and CSS a browser loads for the sign-in page and the
 * home page, from Vite's build manifest. Exits non-zero when the sign-in page exceeds its budget.
 * Run `npm run build` first.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

type ManifestChunk = { file: string; imports?: string[]; css?: string[]; isEntry?: boolean };
type Manifest = Record<string, ManifestChunk>;

const root = fileURLToPath(new URL("..", import.meta.url));
const distDir = path.join(root, "dist/web");
const manifestFile = path.join(distDir, ".vite/manifest.json");
const signInBudgetBytes = 200 * 1024;

/** The lazy modules each page needs on top of the entry, by source path under src/web. */
const pages = {
  "sign-in": ["routes/sign-in/sign-in.page.tsx"],
  home: ["routes/app/app-layout.tsx", "routes/home/home.page.tsx"],
} as const;

function filesLoadedFor(manifest: Manifest, keys: readonly string[]): Set<string> {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest; is the route still lazy?`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return files;
}

function gzipSize(file: string): number {
  return gzipSync(readFileSync(path.join(distDir, file)), { level: 9 }).length;
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (!existsSync(manifestFile)) {
  console.error("No build manifest: run `npm run build` first.");
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry)?.[0];
if (!entry) throw new Error("The build manifest has no entry chunk.");

let overBudget = false;
for (const [page, lazyModules] of Object.entries(pages)) {
  const files = filesLoadedFor(manifest, [entry, ...lazyModules]);
  let js = 0;
  let css = 0;
  for (const file of files) {
    if (file.endsWith(".css")) css += gzipSize(file);
    else js += gzipSize(file);
  }
  const total = js + css;
  const budget = page === "sign-in" ? ` (budget ${kilobytes(signInBudgetBytes)})` : "";
  console.log(
    `${page.padEnd(8)} JS ${kilobytes(js).padStart(9)}  CSS ${kilobytes(css).padStart(8)}  total ${kilobytes(total).padStart(9)}${budget}`,
  );
  if (page === "sign-in" && total > signInBudgetBytes) overBudget = true;
}
if (overBudget) {
  console.error("The sign-in page is over its gzip budget.");
  process.exit(1);
}
