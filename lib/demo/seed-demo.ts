import "server-only";
import { db, type Db } from "@/lib/db";
import { letterTextOf, letterTextSha256 } from "@/lib/appeals/letter-text";
import { DEMO_COORDINATOR_EMAIL, demoAppeal, demoSigners } from "@/lib/demo/demo-appeal";
import { demoSignaturePng } from "@/lib/demo/signature-ink";

// Several app processes start together on one empty PostgreSQL (README: "Running several app
// processes"): each would see no appeal and insert the demo, and all but one crash on its unique
// slug. The transaction takes this advisory lock (released at commit) and counts again under it.
// On PGlite, with one process, transactions already run one at a time; the lock is harmless there.
const SEED_LOCK_KEY = 72707370;

/**
 * Gives an empty database one demo coordinator and one open appeal with a few signatories, so a
 * newcomer can try every path at once. Does nothing when any appeal exists.
 */
export async function seedDemo({ client = db() }: { client?: Db } = {}): Promise<{ seeded: boolean }> {
  if ((await client.appeal.count()) > 0) return { seeded: false };
  const text = letterTextOf(demoAppeal);
  const images = await Promise.all(demoSigners.map((s, i) => (s.ink ? demoSignaturePng(i + 1, s.ink) : null)));
  const now = Date.now();
  const seeded = await client.$transaction(async (tx) => {
    // Waits here while another process seeds; its appeal is then visible to this count.
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    if ((await tx.appeal.count()) > 0) return false;
    const user = await tx.user.upsert({
      where: { email: DEMO_COORDINATOR_EMAIL },
      create: { email: DEMO_COORDINATOR_EMAIL, name: "Demo coordinator" },
      update: {},
    });
    const appeal = await tx.appeal.create({
      data: {
        ...demoAppeal,
        status: "OPEN",
        publishedAt: new Date(now - 3 * 86_400_000),
        allowOrganisations: true,
        allowIndividuals: true,
        drawnSignature: "OPTIONAL",
        requireApproval: false,
        publicPdf: true,
        members: { create: { userId: user.id, role: "OWNER" } },
      },
    });
    const version = await tx.textVersion.create({
      data: { appealId: appeal.id, version: 1, sha256: letterTextSha256(text), content: { ...text }, createdById: user.id },
    });
    await tx.signature.createMany({
      data: demoSigners.map((s, i) => {
        const email = `demo-signer-${i + 1}@example.org`;
        const signedAt = new Date(now - (demoSigners.length - i) * 3_600_000);
        return {
          appealId: appeal.id,
          kind: s.kind,
          name: s.name,
          role: s.role,
          organisation: s.organisation,
          country: s.country,
          email,
          emailNormalized: email,
          signatureImage: images[i] ? new Uint8Array(images[i]) : null,
          inkColor: s.ink ?? null,
          showName: s.showName ?? true,
          showCountry: s.showCountry ?? true,
          status: "PUBLIC" as const,
          signedVersionId: version.id,
          confirmedVersionId: version.id,
          createdAt: signedAt,
          confirmedAt: signedAt,
        };
      }),
    });
    await tx.auditEvent.create({ data: { appealId: appeal.id, actorId: user.id, action: "appeal.seeded" } });
    return true;
  }, { maxWait: 10_000, timeout: 60_000 });
  return { seeded };
}
