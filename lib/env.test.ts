import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ENV_VARIABLES, EnvError, parseEnv } from "@/lib/env";

const root = path.resolve(import.meta.dirname, "..");
const tempDirs: string[] = [];

function tempDir(): string {
  // Like the rest of the suite, everything written stays in the git-ignored .data folder.
  const parent = path.join(root, ".data", "test");
  fs.mkdirSync(parent, { recursive: true });
  const dir = fs.mkdtempSync(path.join(parent, "env-"));
  tempDirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function rejection(source: Record<string, string>): string {
  try {
    parseEnv(source);
  } catch (err) {
    expect(err).toBeInstanceOf(EnvError);
    return (err as Error).message;
  }
  throw new Error(`parseEnv accepted ${JSON.stringify(source)}`);
}

describe("parseEnv", () => {
  it("starts with an empty environment: defaults, and a generated secret kept in .data/auth-secret", () => {
    const cwd = process.cwd();
    const dir = tempDir();
    process.chdir(dir);
    try {
      const env = parseEnv({});
      expect(env).toMatchObject({
        NODE_ENV: "development",
        DATABASE_POOL_SIZE: 10,
        DATA_DIR: ".data",
        APP_URL: "http://localhost:3000",
        OUTBOX_POLL_MS: 1000,
        OUTBOX_MAX_ATTEMPTS: 8,
        OUTBOX_WORKER: true,
        DEMO_DATA: true,
        SIGNATURE_TOKEN_TTL_HOURS: 48,
        TRUSTED_PROXY_HOPS: 1,
        authSecretGenerated: true,
      });
      expect(env.PORT).toBeUndefined();
      // Unset stays unset: DATABASE_URL absent selects the embedded database.
      expect(env.DATABASE_URL).toBeUndefined();
      expect(env.SMTP_URL).toBeUndefined();
      // The default DATA_DIR is relative to the working directory.
      const file = path.join(dir, ".data", "auth-secret");
      expect(fs.readFileSync(file, "utf8")).toBe(env.AUTH_SECRET);
      expect(env.AUTH_SECRET).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      process.chdir(cwd);
    }
  });

  it("reuses the generated secret on the next start, so sessions survive a restart", () => {
    const dataDir = path.join(tempDir(), "nested", "data");
    const first = parseEnv({ DATA_DIR: dataDir });
    const second = parseEnv({ DATA_DIR: dataDir });
    expect(second.AUTH_SECRET).toBe(first.AUTH_SECRET);
    expect(first.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);

    const file = path.join(dataDir, "auth-secret");
    expect(fs.readFileSync(file, "utf8")).toBe(first.AUTH_SECRET);
    // A secret readable by other users of the machine would let them forge sessions.
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    // Another data directory gets its own secret.
    expect(parseEnv({ DATA_DIR: tempDir() }).AUTH_SECRET).not.toBe(first.AUTH_SECRET);
  });

  it("uses AUTH_SECRET when it is set and writes no secret file", () => {
    const dataDir = tempDir();
    const secret = "s".repeat(32);
    const env = parseEnv({ DATA_DIR: dataDir, AUTH_SECRET: secret });
    expect(env.AUTH_SECRET).toBe(secret);
    expect(env.authSecretGenerated).toBe(false);
    expect(fs.existsSync(path.join(dataDir, "auth-secret"))).toBe(false);
  });

  it("reads numbers and booleans from their string form", () => {
    const env = parseEnv({
      DATA_DIR: tempDir(),
      DATABASE_URL: "postgres://u:p@db.example:5432/app",
      OUTBOX_POLL_MS: "250",
      OUTBOX_WORKER: "off",
      DEMO_DATA: "0",
      NODE_ENV: "production",
    });
    expect(env).toMatchObject({
      DATABASE_URL: "postgres://u:p@db.example:5432/app",
      OUTBOX_POLL_MS: 250,
      OUTBOX_WORKER: false,
      DEMO_DATA: false,
      NODE_ENV: "production",
    });
  });

  it.each([
    ["DATABASE_URL", "mysql://root@localhost/app", /DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/],
    ["APP_URL", "not-a-url", /APP_URL: must be an http\(s\) URL/],
    ["APP_URL", "ftp://example.org", /APP_URL: must be an http\(s\) URL/],
    ["AUTH_SECRET", "too-short", /AUTH_SECRET: must be at least 32 characters/],
    ["OUTBOX_POLL_MS", "abc", /OUTBOX_POLL_MS: /],
    ["OUTBOX_POLL_MS", "10", /OUTBOX_POLL_MS: /],
    ["SMTP_URL", "http://mail.example", /SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/],
    ["OUTBOX_WORKER", "maybe", /OUTBOX_WORKER: /],
    ["PORT", "http", /PORT: /],
    ["PORT", "70000", /PORT: /],
    ["TRUSTED_PROXY_HOPS", "0", /TRUSTED_PROXY_HOPS: /],
    ["TRUSTED_PROXY_HOPS", "first", /TRUSTED_PROXY_HOPS: /],
  ])("rejects %s=%s with a message naming the variable", (name, value, expected) => {
    const message = rejection({ DATA_DIR: tempDir(), [name]: value });
    expect(message).toMatch(/^Invalid environment configuration:/);
    expect(message).toMatch(expected);
    expect(message).toContain("See .env.example.");
  });

  it("lists every bad variable at once", () => {
    const message = rejection({ DATABASE_URL: "mysql://x", APP_URL: "not-a-url", OUTBOX_POLL_MS: "abc" });
    expect(message).toContain("DATABASE_URL:");
    expect(message).toContain("APP_URL:");
    expect(message).toContain("OUTBOX_POLL_MS:");
  });

  it("treats empty strings as unset, as an env file copied from .env.example has them", () => {
    const dataDir = tempDir();
    const env = parseEnv({
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      APP_URL: "",
      AUTH_SECRET: "",
      SMTP_URL: "",
      OUTBOX_POLL_MS: "",
      OUTBOX_WORKER: "",
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.OUTBOX_POLL_MS).toBe(1000);
    expect(env.OUTBOX_WORKER).toBe(true);
    expect(env.authSecretGenerated).toBe(true);
    expect(fs.readFileSync(path.join(dataDir, "auth-secret"), "utf8")).toBe(env.AUTH_SECRET);
  });
});

describe("PORT and APP_URL", () => {
  it("defaults APP_URL to the port the app listens on, so `PORT=8080 npm start` sends working links", () => {
    const env = parseEnv({ DATA_DIR: tempDir(), PORT: "8080" });
    expect(env.PORT).toBe(8080);
    expect(env.APP_URL).toBe("http://localhost:8080");
  });

  it("keeps an APP_URL that is set, whatever the port (the public address is behind a proxy)", () => {
    const env = parseEnv({ DATA_DIR: tempDir(), PORT: "3001", APP_URL: "https://appeals.example.org" });
    expect(env.APP_URL).toBe("https://appeals.example.org");
  });

  it("reads TRUSTED_PROXY_HOPS", () => {
    expect(parseEnv({ DATA_DIR: tempDir(), TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
  });
});

describe(".env.example", () => {
  it("lists every variable lib/env.ts reads, each with a comment above it", () => {
    const lines = fs.readFileSync(path.join(root, ".env.example"), "utf8").split("\n");
    for (const name of ENV_VARIABLES.filter((n) => n !== "NODE_ENV")) {
      const at = lines.findIndex((l) => l.startsWith(`${name}=`));
      expect(at, `${name} is missing from .env.example`).toBeGreaterThan(0);
      // The variable's own comment, or the comment of the group it belongs to.
      const above = lines.slice(0, at).reverse().find((l) => !/^[A-Z_]+=/.test(l));
      expect(above, `${name} has no comment`).toMatch(/^# /);
    }
  });
});

describe("starting a process with a bad environment", () => {
  // What an operator sees: the process that imports lib/env.ts (the app, a CLI) stops at once.
  function importEnvIn(env: Record<string, string>) {
    return spawnSync(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "-e", "await import('./lib/env.ts')"],
      { cwd: root, encoding: "utf8", timeout: 20_000, env: { PATH: process.env.PATH, NODE_ENV: "test", ...env } },
    );
  }

  it("exits non-zero with the clear message and no stack trace", () => {
    const child = importEnvIn({ DATA_DIR: tempDir(), DATABASE_URL: "mysql://root@localhost/app" });
    expect(child.status).toBe(1);
    expect(child.stderr).toContain("Invalid environment configuration:");
    expect(child.stderr).toContain("DATABASE_URL: must be a postgres:// or postgresql:// URL");
    expect(child.stderr).toContain("See .env.example.");
    expect(child.stderr).not.toMatch(/\n\s+at /);
  });

  it("starts normally with a good environment (control)", () => {
    const child = importEnvIn({ DATA_DIR: tempDir(), DATABASE_URL: "postgresql://u@localhost/app" });
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
  });
});
