import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

// The only module that reads process.env. Everything else imports `env`.

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"])
  .transform((v) => ["true", "1", "yes", "on"].includes(v));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  DATA_DIR: z.string().min(1).default(".data"),
  // The port `next start` listens on (Next reads it itself); here only for APP_URL's default.
  PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  // Unset: http://localhost:<PORT or 3000>, so that `PORT=8080 npm start` sends working links.
  APP_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  EMAIL_FROM: z.string().min(3).default("Undersigned <no-reply@undersigned.localhost>"),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  OUTBOX_WORKER: bool.default(true),
  DEMO_DATA: bool.default(true),
  DEV_OUTBOX_PAGE: bool.default(false),
  TEST_HOOKS: bool.default(false),
  SIGNATURE_TOKEN_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(48),
  RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).default(5),
  RATE_LIMIT_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(10),
  // How many proxies in front of the app append to X-Forwarded-For: the client address is the
  // entry that many places from the right (the one the nearest trusted proxy added).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(20).default(1),
});

/** Every variable lib/env.ts reads (.env.example must list each one). */
export const ENV_VARIABLES = Object.keys(schema.shape);

export type Env = Omit<z.infer<typeof schema>, "APP_URL"> & {
  APP_URL: string;
  AUTH_SECRET: string;
  authSecretGenerated: boolean;
};

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings in an env file mean "unset", as in .env.example.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}\nSee .env.example.`);
  }
  const data = { ...result.data, APP_URL: result.data.APP_URL ?? `http://localhost:${result.data.PORT ?? 3000}` };
  if (data.AUTH_SECRET) return { ...data, AUTH_SECRET: data.AUTH_SECRET, authSecretGenerated: false };
  return { ...data, AUTH_SECRET: devSecret(data.DATA_DIR), authSecretGenerated: true };
}

export class EnvError extends Error {
  override name = "EnvError";
}

// With no AUTH_SECRET the app still runs: a random secret is kept in the data directory so that
// sessions survive restarts. A real deployment must set its own.
function devSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString("hex");
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

function load(): Env {
  try {
    const env = parseEnv(process.env);
    // next-auth reads these itself; keep them in step with ours.
    process.env.NEXTAUTH_URL ??= env.APP_URL;
    process.env.NEXTAUTH_SECRET ??= env.AUTH_SECRET;
    return env;
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

const globalForEnv = globalThis as unknown as { undersignedEnv?: Env; undersignedEnvWarned?: boolean };
export const env: Env = (globalForEnv.undersignedEnv ??= load());

export function warnAboutGeneratedSecret(): void {
  if (!env.authSecretGenerated || globalForEnv.undersignedEnvWarned) return;
  globalForEnv.undersignedEnvWarned = true;
  console.warn(
    `[undersigned] AUTH_SECRET is not set: using a generated secret stored in ${path.join(env.DATA_DIR, "auth-secret")}. ` +
      "Set AUTH_SECRET in production.",
  );
}

export const isProduction = env.NODE_ENV === "production";
