// Sign-on throughput through the public API, and requests per second of a public appeal page with
// 5,000 signatories, against `next start` on loopback. Run by `npm run bench` (e2e/bench/run.ts).
// Usage: node --conditions=react-server --import tsx e2e/bench/http-bench.ts <pglite|postgres> [processes]
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";

const kind = (process.argv[2] ?? "pglite") as "pglite" | "postgres";
const processes = Number(process.argv[3] ?? 1);
const PORT = 3200;
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 32;
const WARM_UP = 3;
const dataDir = path.resolve(".data", `bench-${kind}`);

async function freshPostgres(): Promise<string> {
  const admin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error("Set TEST_DATABASE_URL or BENCH_DATABASE_URL to benchmark PostgreSQL.");
  const url = new URL(admin);
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query("DROP DATABASE IF EXISTS undersigned_bench WITH (FORCE)");
  await client.query("CREATE DATABASE undersigned_bench");
  await client.end();
  url.pathname = "/undersigned_bench";
  return url.toString();
}

const env: Record<string, string> = {
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATA_DIR: dataDir,
  APP_URL: BASE,
  DEMO_DATA: "false",
  // Queue the confirmation emails and leave them queued: the benchmark measures the sign-on.
  OUTBOX_WORKER: "false",
  RATE_LIMIT_PER_IP: "100000000",
  RATE_LIMIT_PER_EMAIL: "1000",
  AUTH_SECRET: "bench-secret-bench-secret-bench-secret-00",
};

/** Seeds through the app's own data layer, in this process, before any server opens the database. */
async function seed(): Promise<{ signSlug: string; pageSlug: string; warmSlug: string }> {
  Object.assign(process.env, env);
  const { closeDb, db, migrateDatabase } = await import("@/lib/db");
  const { createAppeal } = await import("@/lib/factories");
  const { recordTextVersion } = await import("@/lib/appeals/text-versions");
  await migrateDatabase();
  const sign = await createAppeal({ status: "OPEN", drawnSignature: "OPTIONAL" });
  const warm = await createAppeal({ status: "OPEN", drawnSignature: "OPTIONAL" });
  const page = await createAppeal({ status: "OPEN", drawnSignature: "OPTIONAL", body: "We, the undersigned, call on you to act.\n\n1. Release them.\n2. Investigate." });
  for (const a of [sign, page, warm]) await db().$transaction((tx) => recordTextVersion(tx, a, null));
  const rows = Array.from({ length: 5000 }, (_, i) => ({
    appealId: page.id,
    kind: i % 3 === 0 ? ("ORGANISATION" as const) : ("INDIVIDUAL" as const),
    status: "PUBLIC" as const,
    name: `Signer ${i} Əliyeva`,
    role: "Member",
    organisation: i % 3 === 0 ? `Organisation ${i}` : "",
    country: ["AZ", "FR", "BE", "PL", "CZ"][i % 5]!,
    email: `page-${i}@example.org`,
    emailNormalized: `page-${i}@example.org`,
    confirmedAt: new Date(Date.now() - (5000 - i) * 1000),
  }));
  for (let i = 0; i < rows.length; i += 1000) await db().signature.createMany({ data: rows.slice(i, i + 1000) });
  await closeDb();
  return { signSlug: sign.slug, pageSlug: page.slug, warmSlug: warm.slug };
}

async function counts(slug: string) {
  const { closeDb, db } = await import("@/lib/db");
  const appeal = await db().appeal.findUniqueOrThrow({ where: { slug } });
  const signatures = await db().signature.count({ where: { appealId: appeal.id } });
  const outbox = await db().outboxMessage.count({ where: { subject: `Confirm your signature: ${appeal.title}` } });
  await closeDb();
  return { signatures, outbox };
}

function startServer(port: number): ChildProcess {
  return spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: { ...process.env, ...env, PORT: String(port), APP_URL: `http://127.0.0.1:${port}` },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

async function waitFor(url: string) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer`);
}

async function main() {
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (kind === "postgres") env.DATABASE_URL = await freshPostgres();
  else delete env.DATABASE_URL;
  const { signSlug, pageSlug, warmSlug } = await seed();

  // Several processes only share a PostgreSQL server: PGlite admits one.
  const ports = Array.from({ length: kind === "postgres" ? processes : 1 }, (_, i) => PORT + i);
  const servers = ports.map(startServer);
  await Promise.all(ports.map((p) => waitFor(`http://127.0.0.1:${p}/api/health`)));
  try {
    let n = 0;
    const body = () =>
      JSON.stringify({
        kind: "individual",
        name: "Bench Signer",
        role: "Tester",
        organisation: "",
        country: "FR",
        email: `bench-${process.pid}-${n++}@example.org`,
        show: { name: true, country: true },
        consent: true,
      });
    // One load generator per process, the connections split between them; results are summed.
    const load = (options: (port: number) => Parameters<typeof autocannon>[0]) =>
      Promise.all(ports.map((p) => autocannon(options(p)))).then((rs) => ({
        "2xx": rs.reduce((a, r) => a + r["2xx"], 0),
        non2xx: rs.reduce((a, r) => a + r.non2xx, 0),
        errors: rs.reduce((a, r) => a + r.errors, 0),
        latency: { p50: Math.max(...rs.map((r) => r.latency.p50)), p99: Math.max(...rs.map((r) => r.latency.p99)) },
      }));
    const signOns = (slug: string, duration: number) =>
      load((port) => ({
        url: `http://127.0.0.1:${port}`,
        connections: CONNECTIONS / ports.length,
        duration,
        requests: [
          {
            method: "POST",
            path: `/api/v1/appeals/${slug}/signatures`,
            headers: { "content-type": "application/json" },
            setupRequest: (req) => ({ ...req, body: body() }),
          },
        ],
      }));
    // A server just started compiles its code paths and renders its warm-up letter in the first
    // seconds; the figures are for a server that is running, so those seconds go to another appeal.
    await signOns(warmSlug, WARM_UP);
    const signOn = await signOns(signSlug, DURATION);
    await load((port) => ({ url: `http://127.0.0.1:${port}/a/${pageSlug}`, connections: CONNECTIONS / ports.length, duration: WARM_UP }));
    const page = await load((port) => ({ url: `http://127.0.0.1:${port}/a/${pageSlug}`, connections: CONNECTIONS / ports.length, duration: DURATION }));
    for (const s of servers) s.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1500));
    const stored = await counts(signSlug);
    const result = {
      kind,
      processes,
      signOn: {
        accepted: signOn["2xx"],
        rejected: signOn.non2xx + signOn.errors,
        perSecond: signOn["2xx"] / DURATION,
        p50: signOn.latency.p50,
        p99: signOn.latency.p99,
        persisted: stored.signatures,
        emailsQueued: stored.outbox,
      },
      page: { perSecond: page["2xx"] / DURATION, non2xx: page.non2xx, p50: page.latency.p50, p99: page.latency.p99 },
    };
    console.log(`BENCH ${JSON.stringify(result)}`);
  } finally {
    for (const s of servers) if (s.exitCode === null) s.kill("SIGTERM");
  }
}

await main();
