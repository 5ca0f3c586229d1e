// Test data for the letter tests: a published appeal and signatures with every display choice.
import { db } from "@/lib/db";
import { recordTextVersion } from "@/lib/appeals/text-versions";
import { createAppeal, createSignature, createUser, uniqueSuffix } from "@/lib/factories";
import type { Prisma } from "@/lib/generated/prisma/client";
import { drawFixtureSignature } from "./fixture-signatures";

export const LETTER_FIELDS = {
  recipient: "M. Étienne DUMONTEL\nPresident of the Republic\n12 Avenue de la Constitution\n1000 Capital City",
  place: "Brussels, Baku,",
  letterDate: new Date("2026-11-20T00:00:00Z"),
  salutation: "Dear President Dumontel,",
  body: [
    "We write about the reporters **Günay Əliyeva** and *İlkin Şükürov*, detained since March in Gəncə and Şəki.",
    "We therefore call on you to:",
    "1. Release them immediately;\n2. Drop the charges against them.",
    "We remain at your disposal, as [our report](https://example.org/report) explains.",
  ].join("\n\n"),
  closing: "Sincerely,",
} as const;

/** An appeal with a coordinator, its text recorded as version 1 unless it is a draft. */
export async function letterAppeal(data: Partial<Prisma.AppealUncheckedCreateInput> = {}) {
  const owner = await createUser();
  const appeal = await createAppeal({
    ownerId: owner.id,
    status: "OPEN",
    publishedAt: new Date(),
    publicPdf: true,
    title: `Open letter: Free the reporters of Gəncə (${uniqueSuffix()})`,
    ...LETTER_FIELDS,
    ...data,
  });
  if (appeal.status !== "DRAFT") await db().$transaction((tx) => recordTextVersion(tx, appeal, owner.id));
  return { appeal, owner };
}

// A fixed past start, so tests that build a letter "as of" a fixed date see every signature.
let clock = Date.parse("2026-01-01T00:00:00Z");

/** A public signature confirmed after every earlier one, so the letter's order is the creation order. */
export async function letterSignature(
  appealId: string,
  data: Partial<Prisma.SignatureUncheckedCreateInput> & { drawn?: "black" | "blue" } = {},
) {
  const { drawn, ...rest } = data;
  clock += 1000;
  return createSignature({
    appealId,
    confirmedAt: new Date(clock),
    ...(drawn ? { signatureImage: new Uint8Array(drawFixtureSignature({ seed: clock % 997, ink: drawn })), inkColor: drawn === "blue" ? "BLUE" : "BLACK" } : {}),
    ...rest,
  });
}

/** `count` public signatures at once, every third an organisation, with known emails. */
export async function manySignatures(appealId: string, count: number) {
  const suffix = uniqueSuffix();
  const start = Date.now() - 3_600_000;
  const emails = Array.from({ length: count }, (_, i) => `many-${suffix}-${i}@example.org`);
  await db().signature.createMany({
    data: emails.map((email, i) => ({
      appealId,
      kind: i % 3 === 0 ? ("ORGANISATION" as const) : ("INDIVIDUAL" as const),
      name: `Signer ${String(i + 1).padStart(4, "0")}`,
      organisation: i % 3 === 0 ? `Organisation ${i + 1}` : "",
      country: ["AZ", "FR", "PL", "CZ"][i % 4]!,
      email,
      emailNormalized: email,
      status: "PUBLIC" as const,
      confirmedAt: new Date(start + i * 1000),
    })),
  });
  return emails;
}
