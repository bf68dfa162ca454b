/**
 * Node.js flags the server runs with (docs/decisions/014-server-memory.md): a young generation of
 * at most 16 MB per semi-space and a heap that grows by a fifth, not by half or more, before the
 * next full collection. Both keep a busy server's memory under 300 MB at little cost in speed.
 * `bin/trellis.js` (its first line) and `npm start` pass these; a test keeps the three in step.
 */
export const serverNodeFlags = ["--max-semi-space-size=16", "--heap-growing-percent=20"] as const;
