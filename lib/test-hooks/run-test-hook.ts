import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createAppeal, createSignature, createUser } from "@/lib/factories";
import { recordTextVersion } from "@/lib/appeals/text-versions";
import { demoSignaturePng } from "@/lib/demo/signature-ink";

// Routes for the end-to-end tests only (TEST_HOOKS=true): the embedded database admits one
// process, so the Playwright tests create their data and sessions through the app itself.

const hooks = {
  "create-session": {
    input: z.object({ email: z.email().optional() }),
    async run({ email }: { email?: string }) {
      const user = email
        ? await db().user.upsert({ where: { email }, create: { email }, update: {} })
        : await createUser();
      const sessionToken = randomBytes(32).toString("hex");
      await db().session.create({
        data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 86_400_000) },
      });
      return { userId: user.id, email: user.email, sessionToken };
    },
  },
  "expire-sign-in-links": {
    input: z.object({ email: z.email() }),
    async run({ email }: { email: string }) {
      const { count } = await db().verificationToken.updateMany({
        where: { identifier: email.toLowerCase() },
        data: { expires: new Date(Date.now() - 60_000) },
      });
      return { count };
    },
  },
  "create-appeal": {
    input: z.object({
      ownerEmail: z.email().optional(),
      status: z.enum(["DRAFT", "OPEN", "CLOSED"]).optional(),
      title: z.string().optional(),
      requireApproval: z.boolean().optional(),
      drawnSignature: z.enum(["OFF", "OPTIONAL", "REQUIRED"]).optional(),
      allowOrganisations: z.boolean().optional(),
      allowIndividuals: z.boolean().optional(),
      publicPdf: z.boolean().optional(),
    }),
    async run({ ownerEmail, ...data }: { ownerEmail?: string } & Record<string, unknown>) {
      const owner = ownerEmail ? await db().user.findUnique({ where: { email: ownerEmail } }) : null;
      const appeal = await createAppeal({ ...data, ownerId: owner?.id });
      if (appeal.status !== "DRAFT") await db().$transaction((tx) => recordTextVersion(tx, appeal, null));
      return { id: appeal.id, slug: appeal.slug, title: appeal.title };
    },
  },
  "expire-signature-links": {
    input: z.object({ email: z.email() }),
    async run({ email }: { email: string }) {
      const { count } = await db().token.updateMany({
        where: { signature: { email }, purpose: "CONFIRM_SIGNATURE", usedAt: null },
        data: { expiresAt: new Date(Date.now() - 60_000) },
      });
      return { count };
    },
  },
  "signatures-of": {
    input: z.object({ appealId: z.string() }),
    async run({ appealId }: { appealId: string }) {
      const rows = await db().signature.findMany({ where: { appealId }, orderBy: { createdAt: "asc" } });
      return rows.map((r) => ({ id: r.id, status: r.status, name: r.name, email: r.email, hasImage: r.signatureImage !== null, imageBytes: r.signatureImage?.length ?? 0, inkColor: r.inkColor }));
    },
  },
  "add-member": {
    input: z.object({ appealId: z.string(), email: z.email(), role: z.enum(["OWNER", "EDITOR"]).default("EDITOR") }),
    async run({ appealId, email, role }: { appealId: string; email: string; role: "OWNER" | "EDITOR" }) {
      // A co-coordinator who has signed in already (ownership goes only to someone who has).
      const user = await db().user.upsert({ where: { email }, create: { email, emailVerified: new Date() }, update: {} });
      await db().appealMember.create({ data: { appealId, userId: user.id, role } });
      return { userId: user.id };
    },
  },
  "create-signature": {
    input: z.object({ appealId: z.string(), name: z.string().default("Test Signer"), email: z.email().optional() }),
    async run({ appealId, name, email }: { appealId: string; name: string; email?: string }) {
      const latest = await db().textVersion.findFirst({ where: { appealId }, orderBy: { version: "desc" } });
      const s = await createSignature({ appealId, name, email, signedVersionId: latest?.id ?? null, confirmedVersionId: latest?.id ?? null });
      return { id: s.id };
    },
  },
  // For the review queue tests: a signature in any state, with the display fields and checks set.
  "create-review-signature": {
    input: z.object({
      appealId: z.string(),
      name: z.string(),
      kind: z.enum(["ORGANISATION", "INDIVIDUAL"]).default("INDIVIDUAL"),
      status: z.enum(["PENDING_EMAIL", "PENDING_REVIEW", "PUBLIC", "REJECTED", "WITHDRAWN"]).default("PUBLIC"),
      role: z.string().default(""),
      organisation: z.string().default(""),
      country: z.string().length(2).optional(),
      email: z.email().optional(),
      showName: z.boolean().default(true),
      showCountry: z.boolean().default(true),
      domainVerified: z.boolean().default(false),
      freeMail: z.boolean().default(false),
      minutesAgo: z.number().int().min(0).default(0),
    }),
    async run({ appealId, minutesAgo, status, ...data }: { appealId: string; minutesAgo: number; status: "PENDING_EMAIL" | "PENDING_REVIEW" | "PUBLIC" | "REJECTED" | "WITHDRAWN" } & Record<string, unknown>) {
      const latest = await db().textVersion.findFirst({ where: { appealId }, orderBy: { version: "desc" } });
      const at = new Date(Date.now() - minutesAgo * 60_000);
      const s = await createSignature({
        appealId, status, ...data, createdAt: at, confirmedAt: status === "PENDING_EMAIL" ? null : at,
        signedVersionId: latest?.id ?? null, confirmedVersionId: status === "PENDING_EMAIL" ? null : latest?.id ?? null,
      });
      return { id: s.id };
    },
  },
  "set-deadline": {
    input: z.object({ appealId: z.string(), deadline: z.iso.datetime() }),
    async run({ appealId, deadline }: { appealId: string; deadline: string }) {
      await db().appeal.update({ where: { id: appealId }, data: { deadline: new Date(deadline), deadlineTimeZone: "UTC" } });
      return {};
    },
  },
  "get-appeal": {
    input: z.object({ appealId: z.string() }),
    async run({ appealId }: { appealId: string }) {
      const appeal = await db().appeal.findUniqueOrThrow({
        where: { id: appealId },
        include: { versions: { orderBy: { version: "asc" } }, members: { include: { user: { select: { email: true } } } } },
      });
      return {
        title: appeal.title,
        status: appeal.status,
        body: appeal.body,
        versions: appeal.versions.map((v) => ({ version: v.version, sha256: v.sha256 })),
        members: appeal.members.map((m) => ({ email: m.user.email, role: m.role })),
      };
    },
  },
  "create-signatures": {
    // Public signatures "Signer 001"… confirmed one second apart, so the letter's order is known.
    input: z.object({ appealId: z.string(), count: z.number().int().min(1).max(1000) }),
    async run({ appealId, count }: { appealId: string; count: number }) {
      const latest = await db().textVersion.findFirst({ where: { appealId }, orderBy: { version: "desc" } });
      const suffix = randomBytes(5).toString("hex");
      const start = Date.now() - count * 1000;
      await db().signature.createMany({
        data: Array.from({ length: count }, (_, i) => {
          const email = `bulk-${suffix}-${i}@example.org`;
          return {
            appealId, kind: i % 3 === 0 ? ("ORGANISATION" as const) : ("INDIVIDUAL" as const), name: `Signer ${String(i + 1).padStart(3, "0")}`,
            organisation: i % 3 === 0 ? `Organisation ${i + 1}` : "", email, emailNormalized: email, status: "PUBLIC" as const,
            confirmedAt: new Date(start + i * 1000), signedVersionId: latest?.id ?? null, confirmedVersionId: latest?.id ?? null,
          };
        }),
      });
      return { count };
    },
  },
  "create-letter-signature": {
    // A public signature with every display choice, optionally with a drawn signature, for the letter tests.
    input: z.object({
      appealId: z.string(),
      kind: z.enum(["ORGANISATION", "INDIVIDUAL"]).default("INDIVIDUAL"),
      name: z.string(),
      role: z.string().default(""),
      organisation: z.string().default(""),
      country: z.string().length(2).optional(),
      email: z.email().optional(),
      showName: z.boolean().default(true),
      showCountry: z.boolean().default(true),
      drawn: z.enum(["BLACK", "BLUE"]).optional(),
    }),
    async run({ appealId, drawn, ...data }: { appealId: string; drawn?: "BLACK" | "BLUE" } & Record<string, unknown>) {
      const latest = await db().textVersion.findFirst({ where: { appealId }, orderBy: { version: "desc" } });
      const image = drawn ? await demoSignaturePng(Math.floor(Math.random() * 1000), drawn) : null;
      const s = await createSignature({
        appealId, ...(data as { name: string }), signedVersionId: latest?.id ?? null, confirmedVersionId: latest?.id ?? null,
        signatureImage: image ? new Uint8Array(image) : null, inkColor: drawn ?? null,
      });
      return { id: s.id };
    },
  },
  "letter-exports-of": {
    input: z.object({ appealId: z.string() }),
    async run({ appealId }: { appealId: string }) {
      const rows = await db().letterExport.findMany({ where: { appealId }, orderBy: { createdAt: "asc" }, select: { code: true, snapshot: true } });
      return rows.map((r) => ({ code: r.code, snapshot: r.snapshot }));
    },
  },
} as const;

export type TestHookName = keyof typeof hooks;

/** Runs a hook; null when TEST_HOOKS is off or there is no hook of that name (as for a 404). */
export async function runTestHook(name: string, body: unknown) {
  // Checked here as well as in the route, so that no other caller can run a hook in production.
  if (!env.TEST_HOOKS) return null;
  // Own keys only: `constructor` or `toString` are names of the object's prototype, not hooks.
  if (!Object.hasOwn(hooks, name)) return null;
  const hook = hooks[name as TestHookName];
  const parsed = (hook.input as z.ZodType).safeParse(body);
  if (!parsed.success) return { error: z.flattenError(parsed.error).fieldErrors };
  return { result: await hook.run(parsed.data as never) };
}
