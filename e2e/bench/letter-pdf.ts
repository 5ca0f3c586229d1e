// Render time and peak memory of the signed-letter PDF for large letters.
// Run: node --conditions=react-server --import tsx e2e/bench/letter-pdf.ts (as `npm run bench` does).
// The app's modules import "server-only", which throws without the react-server condition: the
// cases below always get it, even when this file is started with `node --import tsx` alone.
// Each case runs in a fresh process, so "first" includes font loading and JIT warm-up as a
// server's first export would, and the peak RSS is that case's own.
import { spawnSync } from "node:child_process";
import { register } from "node:module";
import { cpus, loadavg } from "node:os";

// Under the react-server condition `react` resolves to its server build, which lacks the client
// internals react-pdf's reconciler reads (Next.js gives externals the full build). The condition
// is still wanted for `server-only`; only react-pdf's own `react` imports drop it.
const hook = `export async function resolve(specifier, context, next) {
  if ((specifier === "react" || specifier.startsWith("react/")) && context.parentURL?.includes("/node_modules/@react-pdf/")) {
    return next(specifier, { ...context, conditions: context.conditions.filter((c) => c !== "react-server") });
  }
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);

interface CaseResult {
  name: string;
  pages: number;
  bytes: number;
  firstMs: number;
  warmMedianMs: number;
  /** Peak RSS of the process after its first render, and after all four. */
  firstPeakRssMb: number;
  peakRssMb: number;
  targetMs: number;
  targetMb: number;
}

const CASES = {
  "list-1000": { label: "list layout, 1,000 signers", targetMs: 1000, targetMb: 400 },
  "list-10000": { label: "list layout, 10,000 signers", targetMs: 8000, targetMb: 800 },
  "signatures-50": { label: "signature layout, 50 drawn signatures", targetMs: 1000, targetMb: 400 },
} as const;
type CaseName = keyof typeof CASES;

async function runCase(name: CaseName): Promise<CaseResult> {
  const { demoDrawnSigners, demoLetterPdfInput, demoListSigners } = await import("@/lib/letter/fixtures");
  const { renderLetterPdf } = await import("@/lib/letter/render-letter");
  const heading = "Signatories as of 11 November 2024";
  const input =
    name === "signatures-50"
      ? demoLetterPdfInput({
          signatories: { layout: "signatures", heading, signers: demoDrawnSigners(50) },
        })
      : demoLetterPdfInput({
          signatories: {
            layout: "list",
            heading,
            groupHeadings: { organisations: "Organisations", individuals: "Individuals" },
            ...demoListSigners(name === "list-1000" ? 1000 : 10_000),
          },
        });
  const time = async () => {
    const start = performance.now();
    const pdf = await renderLetterPdf(input);
    return { ms: performance.now() - start, pdf };
  };
  const first = await time();
  const firstPeakRssMb = process.resourceUsage().maxRSS / 1024;
  const warm = [await time(), await time(), await time()].map((r) => r.ms).sort((a, b) => a - b);
  const pages = (first.pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
  return {
    name: CASES[name].label,
    pages,
    bytes: first.pdf.length,
    firstMs: first.ms,
    warmMedianMs: warm[1]!,
    firstPeakRssMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    targetMs: CASES[name].targetMs,
    targetMb: CASES[name].targetMb,
  };
}

// The time target is for a server that has rendered before (warmUpLetterRenderer at start-up);
// the cold first render is printed beside it. Memory is judged on the worse of the two peaks.
function withinTarget(r: CaseResult): boolean {
  return r.warmMedianMs < r.targetMs && r.peakRssMb < r.targetMb;
}

type CaseRow = CaseResult | { name: string; failed: string };

function cellsOf(r: CaseRow): string[] {
  if ("failed" in r) return [r.name, "-", "-", "-", "-", "-", "-", "-", r.failed];
  return [
    r.name,
    String(r.pages),
    `${(r.bytes / 1024).toFixed(0)} KB`,
    `${r.firstMs.toFixed(0)} ms`,
    `${r.warmMedianMs.toFixed(0)} ms`,
    `${r.firstPeakRssMb.toFixed(0)} MB`,
    `${r.peakRssMb.toFixed(0)} MB`,
    `< ${r.targetMs / 1000} s, < ${r.targetMb} MB`,
    withinTarget(r) ? "yes" : "no",
  ];
}

function printTable(results: CaseRow[]) {
  console.log(`${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(2)} when the table was printed`);
  const rows = [
    ["case", "pages", "PDF size", "first render", "warm median of 3", "peak RSS after 1st", "peak RSS after 4", "target", "within"],
    ...results.map(cellsOf),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  for (const [i, row] of rows.entries()) {
    console.log(`| ${row.map((cell, c) => cell.padEnd(widths[c]!)).join(" | ")} |`);
    if (i === 0) console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  }
}

const only = process.argv.find((arg) => arg.startsWith("--case="))?.slice("--case=".length) as CaseName | undefined;
if (only) {
  process.stdout.write(`${JSON.stringify(await runCase(only))}\n`);
} else {
  // A missed target is a figure to report ("no" in the last column), not a failure: the table is
  // always printed and the benches after this one still run. Only a case that crashes fails.
  const results: CaseRow[] = [];
  const conditioned = process.execArgv.some((arg) => arg === "react-server" || arg.endsWith("=react-server"));
  const execArgv = conditioned ? process.execArgv : ["--conditions=react-server", ...process.execArgv];
  for (const name of Object.keys(CASES) as CaseName[]) {
    const child = spawnSync(process.execPath, [...execArgv, process.argv[1]!, `--case=${name}`], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    if (child.status === 0) {
      results.push(JSON.parse(child.stdout.trim().split("\n").at(-1)!) as CaseResult);
    } else {
      results.push({ name: CASES[name].label, failed: `failed (exit ${child.status ?? child.signal})` });
      process.exitCode = 1;
    }
  }
  printTable(results);
}
