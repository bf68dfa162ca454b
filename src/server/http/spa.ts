import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

const immutable = "public, max-age=31536000, immutable";
const revalidate = "no-cache";

export type Spa = { sendIndex(reply: FastifyReply): FastifyReply };

/**
 * Serves the built web app: content-hashed files under /assets never change, so browsers keep
 * them for a year; index.html is revalidated on every load so a deploy is picked up at once.
 * The build writes a brotli (`.br`) and a gzip (`.gz`) variant beside each text file; a browser
 * that accepts one gets it (brotli first) with its `Content-Encoding`, and every answer says
 * `Vary: Accept-Encoding` so a cache keeps the variants apart.
 */
export async function registerSpa(app: FastifyInstance, distDir: string): Promise<Spa | null> {
  if (!existsSync(path.join(distDir, "index.html"))) {
    app.log.warn({ distDir }, "web app not built; run `npm run build` to serve it");
    return null;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: false,
    cacheControl: false,
    preCompressed: true,
    setHeaders(reply, filePath) {
      const isAsset = filePath.startsWith(path.join(distDir, "assets") + path.sep);
      reply.header("cache-control", isAsset ? immutable : revalidate);
    },
  });
  return {
    sendIndex: (reply) => reply.header("cache-control", revalidate).sendFile("index.html"),
  };
}

/** Client-side routes: any GET for a page (not the API, not a file) gets index.html. */
export function isPageRequest(request: FastifyRequest): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const pathname = request.url.split("?")[0] ?? "";
  if (pathname.startsWith("/api/") || pathname === "/api") return false;
  return !path.extname(pathname);
}
