import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.ts";
import type { Config } from "./config.ts";
import { type AppContext, systemClock } from "./context.ts";
import { createDb, type Db } from "./db/create-db.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { pruneExpiredSessions } from "./modules/auth/auth.service.ts";
import { installSampleFramework } from "./modules/career-paths/career-framework-defaults.ts";
import { createSmtpTransport } from "./modules/email/email-transport.ts";
import { createBackgroundWorker } from "./modules/email/email-worker.ts";
import { installSampleDirectory } from "./modules/learning/learning-samples.ts";
import { installShippedPathway } from "./modules/pathways/pathway-defaults.ts";

const sessionPruneIntervalMs = 60 * 60 * 1000;

export type RunningServer = { app: FastifyInstance; db: Db; address: string };

/** config → database → migrate → app → listen. */
export async function startServer(config: Config): Promise<RunningServer> {
  const db = createDb(config.database);
  try {
    await migrateToLatest(db);
    // Upgraded installations get the shipped pathway, the sample career framework and the
    // sample learning directory too; each a no-op once any template, any framework, or the
    // sample resources exist. Never installed from a read.
    await db.transaction().execute(async (trx) => {
      await installShippedPathway(trx, { config, clock: systemClock });
      await installSampleFramework(trx, { clock: systemClock });
      await installSampleDirectory(trx, systemClock);
    });
    const app = await buildApp(
      config,
      db,
      config.webDistDir ? { webDistDir: config.webDistDir } : {},
    );
    schedulePruning(app, { config, db, clock: systemClock });
    runBackgroundWorker(app, { config, db, clock: systemClock });
    const address = await app.listen({ port: config.port, host: config.host });
    return { app, db, address };
  } catch (error) {
    await db.destroy().catch(() => {});
    throw error;
  }
}

/**
 * Stops accepting connections, lets in-flight requests finish, then closes the database.
 * A second signal during shutdown exits at once.
 */
export function stopOnSignals(server: RunningServer): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    server.app.log.info({ signal }, "shutting down");
    try {
      await server.app.close();
      await server.db.destroy();
      process.exit(0);
    } catch (error) {
      server.app.log.error({ err: error }, "shutdown failed");
      process.exit(1);
    }
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/** The outbox delivery and the scheduler, started once listening and stopped on close. */
function runBackgroundWorker(app: FastifyInstance, ctx: AppContext): void {
  const worker = createBackgroundWorker(ctx, {
    transport: ctx.config.smtp ? createSmtpTransport(ctx.config.smtp) : null,
    log: app.log,
  });
  app.addHook("onListen", async () => worker.start());
  app.addHook("onClose", async () => worker.stop());
}

function schedulePruning(app: FastifyInstance, ctx: AppContext): void {
  const prune = () =>
    pruneExpiredSessions(ctx).catch((error: unknown) =>
      app.log.warn({ err: error }, "pruning expired sessions failed"),
    );
  const timer = setInterval(prune, sessionPruneIntervalMs);
  timer.unref();
  app.addHook("onReady", async () => {
    await prune();
  });
  app.addHook("onClose", async () => clearInterval(timer));
}
