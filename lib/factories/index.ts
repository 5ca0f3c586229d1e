import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma, MemberRole, SignatureKind, SignatureStatus } from "@/lib/generated/prisma/client";

// Factories shared by the tests, the e2e test hooks and the demo seed. Each call makes its own
// unique data so that tests can run in parallel against one database.

export const uniqueSuffix = () => randomBytes(5).toString("hex");

export async function createUser(data: Partial<Prisma.UserCreateInput> = {}) {
  return db().user.create({ data: { email: `coordinator-${uniqueSuffix()}@example.org`, ...data } });
}

export async function createAppeal({
  ownerId,
  role = "OWNER",
  ...data
}: Partial<Prisma.AppealUncheckedCreateInput> & { ownerId?: string; role?: MemberRole } = {}) {
  const suffix = uniqueSuffix();
  return db().appeal.create({
    data: {
      slug: `appeal-${suffix}`,
      title: `Open letter: test appeal ${suffix}`,
      body: "We, the undersigned organisations, call on you to act.",
      ...data,
      ...(ownerId ? { members: { create: { userId: ownerId, role } } } : {}),
    },
  });
}

export async function createSignature({
  appealId,
  kind = "INDIVIDUAL",
  status = "PUBLIC",
  ...data
}: Partial<Prisma.SignatureUncheckedCreateInput> & { appealId: string; kind?: SignatureKind; status?: SignatureStatus }) {
  const email = data.email ?? `signer-${uniqueSuffix()}@example.org`;
  return db().signature.create({
    data: {
      name: "Test Signer",
      confirmedAt: status === "PUBLIC" ? new Date() : null,
      ...data,
      appealId,
      kind,
      status,
      email,
      emailNormalized: data.emailNormalized ?? email.toLowerCase(),
    },
  });
}

/** What the appeal editor posts for a complete new letter, before the schema parses it. */
export const appealFormInput: Record<string, string> = {
  title: "Open letter: Free the reporters",
  slug: "",
  summary: "",
  recipient: "M. Étienne DUMONTEL\nPresident",
  place: "Brussels, Baku,",
  letterDate: "2026-11-20",
  salutation: "Dear President,",
  body: "We call on you to act.\n\n1. Release them.\n2. Investigate.",
  closing: "Sincerely,",
  language: "en",
  allowOrganisations: "on",
  allowIndividuals: "on",
  drawnSignature: "OPTIONAL",
  pageSize: "A4",
  signatoryLayout: "AUTO",
  deadline: "",
  deadlineTimeZone: "",
};
