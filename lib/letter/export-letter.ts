import "server-only";
import { recordTextVersion } from "@/lib/appeals/text-versions";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { absoluteUrl } from "@/lib/urls";
import { type BuiltLetter, buildLetterInput, letterFingerprint, letterInputAt, printedSignersOf } from "./build-letter-input";
import { readCachedExport, removeCachedExport, writeCachedExport } from "./export-cache";
import { type LetterSnapshot, parseLetterSnapshot } from "./letter-snapshot";
import { renderLetterPdf } from "./render-letter";
import { newVerificationCode } from "./verification-code";

export interface ExportedLetter {
  pdf: Buffer;
  /** "<slug>-<YYYY-MM-DD>.pdf", dated by the export. */
  filename: string;
  draft: boolean;
  /** The code the PDF's verification block points at; null for a draft, which has none. */
  code: string | null;
  exportedAt: Date;
  /** True when an earlier export of the same letter was served again. */
  reused: boolean;
}

/** How long a public download may be served the latest export instead of a render of the current letter. */
export const PUBLIC_REUSE_MS = 5 * 60_000;

/**
 * The signed letter of an appeal as a PDF. No access check: the caller has decided that whoever
 * asks may have it (findLetterAppeal). A draft is rendered each time with a watermark and no
 * verification block, and leaves no trace. A published letter gets a LetterExport with a random
 * code and a snapshot of what it printed, recorded in the audit log; as long as nothing printed
 * changes, later requests get that same export (same code, same bytes, from the file cache) and
 * create nothing. When it has changed, a public download (no `actorId`) gets the latest export
 * while that is under PUBLIC_REUSE_MS old and none of its signers has changed since (so anyone
 * cannot keep the server rendering an appeal that gains signatures every second, and a signer who
 * withdraws is never served again); a coordinator always gets the current letter. Writing a new
 * export drops the files of the ones it supersedes. Throws UnsupportedLetterError for what the PDF
 * cannot print, before any row exists.
 */
export async function exportLetter({
  appealId,
  actorId = null,
  now = new Date(),
}: {
  appealId: string;
  /** The coordinator who asks, or null for a public download. */
  actorId?: string | null;
  now?: Date;
}): Promise<ExportedLetter> {
  const letter = await buildLetterInput({ appealId, now });
  if (!letter) throw notFound("This appeal");
  if (letter.input.draft) {
    const pdf = await renderLetterPdf(letterInputAt(letter, now, null));
    return { pdf, filename: filenameOf(letter, now), draft: true, code: null, exportedAt: now, reused: false };
  }
  const fingerprint = letterFingerprint(letter, env.APP_URL);
  const publicRequest = actorId === null;
  // Concurrent requests for the same new letter share one render and one export (public requests
  // apart: they may be given an older export, which a coordinator must not be).
  return singleFlight(`${appealId}:${fingerprint}:${publicRequest ? "public" : "coordinator"}`, async () => {
    const existing = await findExport(db(), appealId, fingerprint);
    if (existing) return serveExport(letter, existing);
    if (publicRequest) {
      const recent = await recentExport(letter, now);
      if (recent) return recent;
    }

    const code = newVerificationCode();
    const pdf = await renderLetterPdf(letterInputAt(letter, now, verificationOf(code, letter)));
    const outcome = await db().$transaction(async (tx) => {
      // One export per letter even across processes: whoever holds the appeal's row decides.
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Appeal" WHERE id = ${appealId} FOR UPDATE`;
      if (locked.length === 0) throw notFound("This appeal");
      const raced = await findExport(tx, appealId, fingerprint);
      if (raced) return { created: false as const, row: raced };
      const version = letter.version ?? (await currentVersion(tx, letter, actorId));
      const printed = printedSignersOf(letter);
      const snapshot: LetterSnapshot = {
        format: 2,
        appealTitle: letter.appeal.title,
        slug: letter.appeal.slug,
        textVersion: version.version,
        textSha256: letter.textSha256,
        exportedAt: now.toISOString(),
        layout: letter.layout,
        pageSize: letter.input.pageSize,
        heading: letterInputAt(letter, now, null).signatories.heading,
        signatories: printed.map((s) => s.line),
        organisations: printed.filter((s) => s.kind === "organisation").length,
        signers: printed.map((s) => ({ id: s.signatureId, showName: s.showName, showCountry: s.showCountry })),
        logos: letter.logos.length,
        fingerprint,
      };
      await tx.letterExport.create({
        data: { code, appealId, versionId: version.id, snapshot, createdById: actorId, createdAt: now },
      });
      await recordAudit(tx, {
        appealId,
        actorId,
        action: "letter.exported",
        details: { code, version: version.version, signatories: snapshot.signatories.length, layout: letter.layout },
      });
      return { created: true as const };
    });
    if (!outcome.created) return serveExport(letter, outcome.row);
    await cache(appealId, code, pdf);
    return { pdf, filename: filenameOf(letter, now), draft: false, code, exportedAt: now, reused: false };
  });
}

type ExportRow = { code: string; createdAt: Date };

function findExport(tx: Tx, appealId: string, fingerprint: string): Promise<ExportRow | null> {
  return tx.letterExport.findFirst({
    where: { appealId, snapshot: { path: ["fingerprint"], equals: fingerprint } },
    orderBy: { createdAt: "desc" },
    select: { code: true, createdAt: true },
  });
}

/**
 * An earlier export of this very letter: its file, or the same PDF rendered again with its code and
 * date. Only an export whose fingerprint is the current letter's can be rendered again: the
 * snapshot records what was printed, not the text, images and logos needed to print it.
 */
async function serveExport(letter: BuiltLetter, row: ExportRow): Promise<ExportedLetter> {
  let pdf = await readCachedExport(row.code);
  if (!pdf) {
    pdf = await renderLetterPdf(letterInputAt(letter, row.createdAt, verificationOf(row.code, letter)));
    await cache(letter.appeal.id, row.code, pdf);
  }
  return { pdf, filename: filenameOf(letter, row.createdAt), draft: false, code: row.code, exportedAt: row.createdAt, reused: true };
}

/**
 * The appeal's latest export, for a public download of a letter that has changed since: only while
 * it is recent, lists no signer whose signature changed after it (withdrawn, hidden, edited), and
 * still has its file (a superseded export cannot be rendered again). Null otherwise.
 */
async function recentExport(letter: BuiltLetter, now: Date): Promise<ExportedLetter | null> {
  const row = await db().letterExport.findFirst({
    where: { appealId: letter.appeal.id, createdAt: { gt: new Date(now.getTime() - PUBLIC_REUSE_MS), lte: now } },
    orderBy: { createdAt: "desc" },
    select: { code: true, createdAt: true, snapshot: true },
  });
  const snapshot = row ? parseLetterSnapshot(row.snapshot) : null;
  // A snapshot without signature ids cannot tell whether one of its signers withdrew since.
  if (!row || !snapshot?.signers) return null;
  const changed = await db().signature.findMany({
    where: { appealId: letter.appeal.id, updatedAt: { gte: row.createdAt } },
    select: { id: true },
  });
  const listed = new Set(snapshot.signers.map((s) => s.id));
  if (changed.some((s) => listed.has(s.id))) return null;
  const pdf = await readCachedExport(row.code);
  if (!pdf) return null;
  return { pdf, filename: filenameOf(letter, row.createdAt), draft: false, code: row.code, exportedAt: row.createdAt, reused: true };
}

/** A published appeal always has a version of its text (publishing and editing record one); this covers a gap. */
async function currentVersion(tx: Tx, letter: BuiltLetter, actorId: string | null) {
  const appeal = await tx.appeal.findUniqueOrThrow({ where: { id: letter.appeal.id } });
  const { version } = await recordTextVersion(tx, appeal, actorId);
  if (version.sha256 !== letter.textSha256) throw new AppError("CONFLICT", "The letter changed while it was being exported: try again.");
  return version;
}

const verificationOf = (code: string, letter: BuiltLetter) => ({ url: absoluteUrl(`/verify/${code}`), sha256: letter.textSha256 });

const filenameOf = (letter: BuiltLetter, date: Date) => `${letter.appeal.slug}-${date.toISOString().slice(0, 10)}.pdf`;

/**
 * Keeps the PDF of the appeal's current export, and drops the files of every other export of the
 * appeal: those are superseded, never served again (serveExport renders one again only if the
 * letter comes back to exactly what it printed), and may list signers who have withdrawn since.
 */
async function cache(appealId: string, code: string, pdf: Buffer): Promise<void> {
  // The file only saves a render next time: a full or read-only disk must not fail the download.
  await writeCachedExport(code, pdf).catch((err: Error) => console.warn(`[letter] export ${code} not cached: ${err.message}`));
  try {
    const others = await db().letterExport.findMany({ where: { appealId, code: { not: code } }, select: { code: true } });
    for (let i = 0; i < others.length; i += 32) await Promise.all(others.slice(i, i + 32).map((o) => removeCachedExport(o.code)));
  } catch (err) {
    console.warn(`[letter] superseded exports of appeal ${appealId} not removed: ${(err as Error).message}`);
  }
}

const inFlight = new Map<string, Promise<ExportedLetter>>();

function singleFlight(key: string, task: () => Promise<ExportedLetter>): Promise<ExportedLetter> {
  const running = inFlight.get(key);
  if (running) return running;
  const promise = task().finally(() => inFlight.delete(key));
  inFlight.set(key, promise);
  return promise;
}
