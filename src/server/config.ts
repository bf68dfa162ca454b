import path from "node:path";
import { z } from "zod";

const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Every environment variable Trellis reads, in one place. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL (leave unset for the embedded SQLite)")
    .optional(),
  SESSION_IDLE_TIMEOUT_MINUTES: positiveInt(12 * 60),
  SESSION_ABSOLUTE_TIMEOUT_MINUTES: positiveInt(30 * 24 * 60),
  SIGN_IN_MAX_FAILURES_PER_ACCOUNT: positiveInt(5),
  SIGN_IN_FAILURE_WINDOW_MINUTES: positiveInt(15),
  SIGN_IN_MAX_ATTEMPTS_PER_ADDRESS: positiveInt(30),
  CALENDAR_FEED_MAX_REQUESTS_PER_ADDRESS: positiveInt(60),
  BODY_LIMIT_BYTES: positiveInt(1024 * 1024),
  LOG_LEVEL: z.enum(logLevels).default("info"),
  TRUST_PROXY: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL (leave unset to send no email)")
    .optional(),
  SMTP_FROM: z.string().min(3).default("Trellis <trellis@localhost>"),
  HANDBOOK_BASE_URL: z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
    .default("https://handbook.gitlab.com"),
  WEB_DIST_DIR: z.string().min(1).optional(),
  EXPORT_TIME_BUDGET_MS: positiveInt(15_000),
  SECRET_KEY: z
    .string()
    .regex(
      /^[A-Za-z0-9+/_-]{43,44}={0,2}$/,
      "must be 32 random bytes in base64 (openssl rand -base64 32)",
    )
    .optional(),
  SSO_ISSUER: z
    .url({ protocol: /^https?$/, error: "must be the provider's issuer URL" })
    .optional(),
  SSO_CLIENT_ID: z.string().min(1).optional(),
  SSO_CLIENT_SECRET: z.string().min(1).optional(),
  SSO_NAME: z.string().min(1).max(80).default("Company account"),
  SSO_SCOPES: z.string().min(1).default("openid email profile"),
  SSO_EMAIL_CLAIM: z.string().min(1).default("email"),
  SSO_ALLOWED_DOMAINS: z.string().default(""),
  API_TOKEN_MAX_REQUESTS_PER_MINUTE: positiveInt(600),
  SCIM_MAX_REQUESTS_PER_MINUTE: positiveInt(6000),
  CHECK_RESPONSES: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
});

export type Database = { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };

export type Config = {
  port: number;
  host: string;
  publicUrl: URL;
  dataDir: string;
  database: Database;
  session: { idleTimeoutMs: number; absoluteTimeoutMs: number; secureCookie: boolean };
  signIn: { maxFailuresPerAccount: number; failureWindowMs: number; maxAttemptsPerAddress: number };
  /** Requests per minute one address may make to calendar feed URLs (per instance). */
  calendarFeed: { maxRequestsPerAddress: number };
  bodyLimitBytes: number;
  logLevel: (typeof logLevels)[number];
  trustProxy: boolean;
  /** Outgoing email (invitations); null when SMTP_URL is unset. */
  smtp: { url: string; from: string } | null;
  /** Where root-relative links of imported and exported pathway pages point. */
  handbookBaseUrl: string;
  /** The built web app to serve; null means the build inside this checkout (dist/web). */
  webDistDir: string | null;
  /** How long one PDF or Markdown export may take (waiting included) before it answers 503. */
  exportTimeBudgetMs: number;
  /** Check every response against its route's schema (tests and development; see decision 013). */
  checkResponses: boolean;
  /** 32 bytes that encrypt stored secrets (SSO client secrets); null when SECRET_KEY is unset. */
  secretKey: Buffer | null;
  /** A single sign-on provider fixed by the environment (SSO_ISSUER and SSO_CLIENT_ID), or null. */
  ssoFromEnv: {
    name: string;
    issuer: string;
    clientId: string;
    clientSecret: string | null;
    scopes: string;
    emailClaim: string;
    allowedDomains: string[];
  } | null;
  /** Requests per minute one bearer token may make (per instance), API and SCIM. */
  tokenRateLimit: { apiPerMinute: number; scimPerMinute: number };
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

const minutes = (count: number) => count * 60_000;

function secretKeyBytes(value: string): Buffer {
  const bytes = Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (bytes.length !== 32) {
    throw new ConfigError("Invalid configuration:\n  SECRET_KEY: must decode to exactly 32 bytes");
  }
  return bytes;
}

/** Parses the environment once; a bad value stops start-up with a message naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${issue.path.join(".")}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n${problems.join("\n")}`);
  }
  const vars = parsed.data;
  const dataDir = path.resolve(vars.DATA_DIR);
  const publicUrl = new URL(vars.PUBLIC_URL ?? `http://localhost:${vars.PORT}`);
  return {
    port: vars.PORT,
    host: vars.HOST,
    publicUrl,
    dataDir,
    database: vars.DATABASE_URL
      ? { kind: "postgres", url: vars.DATABASE_URL }
      : { kind: "sqlite", file: path.join(dataDir, "trellis.db") },
    session: {
      idleTimeoutMs: minutes(vars.SESSION_IDLE_TIMEOUT_MINUTES),
      absoluteTimeoutMs: minutes(vars.SESSION_ABSOLUTE_TIMEOUT_MINUTES),
      secureCookie: publicUrl.protocol === "https:",
    },
    signIn: {
      maxFailuresPerAccount: vars.SIGN_IN_MAX_FAILURES_PER_ACCOUNT,
      failureWindowMs: minutes(vars.SIGN_IN_FAILURE_WINDOW_MINUTES),
      maxAttemptsPerAddress: vars.SIGN_IN_MAX_ATTEMPTS_PER_ADDRESS,
    },
    calendarFeed: { maxRequestsPerAddress: vars.CALENDAR_FEED_MAX_REQUESTS_PER_ADDRESS },
    bodyLimitBytes: vars.BODY_LIMIT_BYTES,
    logLevel: vars.LOG_LEVEL,
    trustProxy: vars.TRUST_PROXY,
    smtp: vars.SMTP_URL ? { url: vars.SMTP_URL, from: vars.SMTP_FROM } : null,
    handbookBaseUrl: vars.HANDBOOK_BASE_URL.replace(/\/+$/, ""),
    webDistDir: vars.WEB_DIST_DIR ? path.resolve(vars.WEB_DIST_DIR) : null,
    exportTimeBudgetMs: vars.EXPORT_TIME_BUDGET_MS,
    checkResponses: vars.CHECK_RESPONSES,
    secretKey: vars.SECRET_KEY ? secretKeyBytes(vars.SECRET_KEY) : null,
    ssoFromEnv:
      vars.SSO_ISSUER && vars.SSO_CLIENT_ID
        ? {
            name: vars.SSO_NAME,
            issuer: vars.SSO_ISSUER,
            clientId: vars.SSO_CLIENT_ID,
            clientSecret: vars.SSO_CLIENT_SECRET ?? null,
            scopes: vars.SSO_SCOPES,
            emailClaim: vars.SSO_EMAIL_CLAIM,
            allowedDomains: vars.SSO_ALLOWED_DOMAINS.split(",")
              .map((domain) => domain.trim().toLowerCase())
              .filter((domain) => domain !== ""),
          }
        : null,
    tokenRateLimit: {
      apiPerMinute: vars.API_TOKEN_MAX_REQUESTS_PER_MINUTE,
      scimPerMinute: vars.SCIM_MAX_REQUESTS_PER_MINUTE,
    },
  };
}
