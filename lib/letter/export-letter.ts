import "server-only";
import { recordTextVersion } from "@/lib/appeals/text-versions";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { absoluteUrl } from "@/lib/urls";
import { type BuiltLetter, buildLetterInput, letterFingerprint, letterInputAt, printedLines } from "./build-letter-input";
import { readCachedExport, writeCachedExport } from "./export-cache";
import type { LetterSnapshot } from "./letter-snapshot";
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

/**
 * The signed letter of an appeal as a PDF. No access check: the caller has decided that whoever
 * asks may have it (findLetterAppeal). A draft is rendered each time with a watermark and no
 * verification block, and leaves no trace. A published letter gets a LetterExport with a random
 * code and a snapshot of what it printed, recorded in the audit log; as long as nothing printed
 * changes, later requests get that same export (same code, same bytes, from the file cache) and
 * create nothing. Throws UnsupportedLetterError for what the PDF cannot print, before any row exists.
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
  // Concurrent requests for the same new letter share one render and one export.
  return singleFlight(`${appealId}:${fingerprint}`, async () => {
    const existing = await findExport(db(), appealId, fingerprint);
    if (existing) return serveExport(letter, existing);

    const code = newVerificationCode();
    const pdf = await renderLetterPdf(letterInputAt(letter, now, verificationOf(code, letter)));
    const outcome = await db().$transaction(async (tx) => {
      // One export per letter even across processes: whoever holds the appeal's row decides.
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Appeal" WHERE id = ${appealId} FOR UPDATE`;
      if (locked.length === 0) throw notFound("This appeal");
      const raced = await findExport(tx, appealId, fingerprint);
      if (raced) return { created: false as const, row: raced };
      const version = letter.version ?? (await currentVersion(tx, letter, actorId));
      const snapshot: LetterSnapshot = {
        format: 1,
        appealTitle: letter.appeal.title,
        slug: letter.appeal.slug,
        textVersion: version.version,
        textSha256: letter.textSha256,
        exportedAt: now.toISOString(),
        layout: letter.layout,
        pageSize: letter.input.pageSize,
        heading: letterInputAt(letter, now, null).signatories.heading,
        signatories: printedLines(letter),
        organisations: letter.organisations.length,
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
    await cache(code, pdf);
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

/** An earlier export of this very letter: its file, or the same PDF rendered again with its code and date. */
async function serveExport(letter: BuiltLetter, row: ExportRow): Promise<ExportedLetter> {
  let pdf = await readCachedExport(row.code);
  if (!pdf) {
    pdf = await renderLetterPdf(letterInputAt(letter, row.createdAt, verificationOf(row.code, letter)));
    await cache(row.code, pdf);
  }
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

async function cache(code: string, pdf: Buffer): Promise<void> {
  // The file only saves a render next time: a full or read-only disk must not fail the download.
  await writeCachedExport(code, pdf).catch((err: Error) => console.warn(`[letter] export ${code} not cached: ${err.message}`));
}

const inFlight = new Map<string, Promise<ExportedLetter>>();

function singleFlight(key: string, task: () => Promise<ExportedLetter>): Promise<ExportedLetter> {
  const running = inFlight.get(key);
  if (running) return running;
  const promise = task().finally(() => inFlight.delete(key));
  inFlight.set(key, promise);
  return promise;
}
