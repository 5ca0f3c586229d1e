// npm run bench: every performance benchmark, each in its own process, then one table.
// Targets (2 cores, shared with the load generator and PostgreSQL) are printed beside the figures.
import { spawnSync } from "node:child_process";

// The app's modules import "server-only", which throws unless the react-server condition is set;
// letter-pdf.ts gives react-pdf's own `react` imports the client build with a loader hook.
const tsx = ["--conditions=react-server", "--import", "tsx"];

/** A bench that fails is reported and the others still run; the exit code says so at the end. */
const failed: string[] = [];

function run(args: string[]): string | null {
  const child = spawnSync(process.execPath, [...tsx, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], env: process.env });
  if (child.status === 0) return child.stdout;
  process.stdout.write(child.stdout ?? "");
  console.log(`!! ${args.join(" ")} failed (exit ${child.status ?? child.signal})`);
  failed.push(args.join(" "));
  return null;
}

console.log("== Letter PDF (e2e/bench/letter-pdf.ts)");
process.stdout.write(run(["e2e/bench/letter-pdf.ts"]) ?? "");

type Http = {
  kind: string;
  processes: number;
  signOn: { accepted: number; rejected: number; perSecond: number; p50: number; p99: number; persisted: number; emailsQueued: number };
  page: { perSecond: number; non2xx: number; p50: number; p99: number };
};
const results: Http[] = [];
const targets: [string, string][] =
  process.env.TEST_DATABASE_URL || process.env.BENCH_DATABASE_URL
    ? [["pglite", "1"], ["postgres", "1"], ["postgres", "2"]]
    : [["pglite", "1"]];
if (targets.length === 1) console.log("\n(Set TEST_DATABASE_URL or BENCH_DATABASE_URL to a PostgreSQL server to benchmark it too.)");
for (const [kind, processes] of targets) {
  const out = run(["e2e/bench/http-bench.ts", kind, processes]);
  const line = out?.split("\n").find((l) => l.startsWith("BENCH "));
  if (!line) {
    if (out !== null) failed.push(`no result from the ${kind} benchmark`);
    continue;
  }
  results.push(JSON.parse(line.slice(6)) as Http);
}

const rows = [
  ["database (processes)", "sign-ons/s (API)", "p50 ms", "p99 ms", "accepted = persisted = emails queued", "page req/s (5,000 signers)", "page p99 ms", "targets"],
  ...results.map((r) => [
    `${r.kind} (${r.processes})`,
    r.signOn.perSecond.toFixed(0),
    String(r.signOn.p50),
    String(r.signOn.p99),
    `${r.signOn.accepted} / ${r.signOn.persisted} / ${r.signOn.emailsQueued}${r.signOn.rejected ? ` (${r.signOn.rejected} failed)` : ""}`,
    r.page.perSecond.toFixed(0),
    String(r.page.p99),
    r.kind === "postgres" ? "≥1,000/s, p99 <100 ms; page ≥2,000/s" : "≥400/s, p99 <100 ms; page ≥2,000/s",
  ]),
];
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
console.log("\n== Sign-on and public page (e2e/bench/http-bench.ts), 32 connections, 10 s each");
rows.forEach((r, i) => {
  console.log(`| ${r.map((cell, c) => cell.padEnd(widths[c]!)).join(" | ")} |`);
  if (i === 0) console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
});
if (failed.length > 0) {
  console.log(`\n${failed.length} benchmark(s) failed: ${failed.join("; ")}`);
  process.exitCode = 1;
}
