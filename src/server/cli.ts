import { existsSync } from "node:fs";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { SetupBody } from "#core/auth.schemas.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { systemClock } from "./context.ts";
import { backupDatabase } from "./db/backup.ts";
import { createDb } from "./db/create-db.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { SqliteSetupError } from "./db/sqlite-database.ts";
import { AppError } from "./errors.ts";
import { startServer, stopOnSignals } from "./main.ts";
import { loadDemoOrganization } from "./modules/demo/demo.service.ts";
import { createAdminAccount } from "./modules/setup/setup.service.ts";

const usage = `Usage: trellis <command>

Commands:
  serve                  migrate the database and serve the app (default)
  migrate                bring the database schema up to date
  create-admin --email E --name N
                         create an administrator; the password is read from standard input
  backup <file>          copy the SQLite database to <file> while the server runs
  demo                   load the demo organization (about 60 people; see README.md)

Configuration comes from environment variables; see README.md.`;

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  async serve() {
    const server = await startServer(loadConfig());
    stopOnSignals(server);
    return -1;
  },

  async migrate() {
    const db = createDb(loadConfig().database);
    try {
      const { applied } = await migrateToLatest(db);
      console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Schema already current.");
      return 0;
    } finally {
      await db.destroy();
    }
  },

  async "create-admin"(args) {
    const { values } = parseArgs({
      args,
      options: { email: { type: "string" }, name: { type: "string" } },
    });
    const password = await readPassword();
    const input = SetupBody.safeParse({ ...values, password });
    if (!input.success) {
      for (const issue of input.error.issues)
        console.error(`${issue.path.join(".")}: ${issue.message}`);
      return 2;
    }
    const config = loadConfig();
    const db = createDb(config.database);
    try {
      await migrateToLatest(db);
      await createAdminAccount({ config, db, clock: systemClock }, input.data);
      console.log(`Administrator ${input.data.email} created.`);
      return 0;
    } finally {
      await db.destroy();
    }
  },

  async demo() {
    const config = loadConfig();
    const db = createDb(config.database);
    try {
      await migrateToLatest(db);
      const { people } = await loadDemoOrganization({ config, db, clock: systemClock });
      console.log(`Loaded the demo organization: ${people} people. Sign-in details: README.md.`);
      return 0;
    } finally {
      await db.destroy();
    }
  },

  async backup(args) {
    const target = args[0];
    if (!target) {
      console.error("Usage: trellis backup <file>");
      return 2;
    }
    if (existsSync(target)) {
      console.error(`${target} already exists; choose a new file name.`);
      return 2;
    }
    const result = await backupDatabase(loadConfig().database, target);
    if (!result.ok) {
      console.error(result.message);
      return 1;
    }
    console.log(`Backed up ${result.pages} pages to ${target}.`);
    return 0;
  },
};

async function readPassword(): Promise<string> {
  const lines = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const prompt = process.stdin.isTTY ? "Password (at least 12 characters): " : "";
    return await lines.question(prompt);
  } catch {
    return "";
  } finally {
    lines.close();
  }
}

/** Known failures become one clear line; anything else still shows its stack. */
function explain(error: unknown): string {
  if (error instanceof ConfigError || error instanceof SqliteSetupError) return error.message;
  if (error instanceof AppError) return error.message;
  const code = (error as { code?: unknown })?.code;
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "28P01" || code === "3D000") {
    return `Cannot connect to PostgreSQL (DATABASE_URL): ${(error as Error).message}`;
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

async function main(argv: string[]): Promise<void> {
  const [name = "serve", ...args] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    console.log(usage);
    return;
  }
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${usage}`);
    process.exitCode = 2;
    return;
  }
  try {
    const code = await command(args);
    if (code >= 0) process.exitCode = code;
  } catch (error) {
    console.error(`trellis ${name}: ${explain(error)}`);
    process.exitCode = 1;
  }
}

await main(process.argv.slice(2));
