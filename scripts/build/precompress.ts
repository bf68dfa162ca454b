import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Plugin } from "vite";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text formats worth compressing; images and fonts are compressed already. */
const compressible = /\.(?:js|mjs|css|html|svg|json|txt|map|webmanifest)$/;
/** Below this, the headers outweigh what compression saves. */
const minimumBytes = 256;

/**
 * Writes `file.br` (brotli, highest quality) and `file.gz` (gzip, level 9) beside every text file
 * of the build, index.html included, for the server to send to a browser that accepts them
 * (src/server/http/spa.ts). A variant that would not be smaller is not written.
 */
export function precompress(): Plugin {
  let outDir = "";
  return {
    name: "trellis:precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = await listFiles(outDir);
      await Promise.all(
        files
          .filter(
            (file) => compressible.test(file) && !file.includes(`${path.sep}.vite${path.sep}`),
          )
          .map(async (file) => {
            const content = await readFile(file);
            if (content.length < minimumBytes) return;
            const [br, gz] = await Promise.all([
              brotli(content, {
                params: {
                  [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                  [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
                },
              }),
              gzipAsync(content, { level: 9 }),
            ]);
            if (br.length < content.length) await writeFile(`${file}.br`, br);
            if (gz.length < content.length) await writeFile(`${file}.gz`, gz);
          }),
      );
    },
  };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return listFiles(full);
      return (await stat(full)).isFile() ? [full] : [];
    }),
  );
  return nested.flat();
}
