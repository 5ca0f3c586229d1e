import "server-only";
import { db, type Tx } from "@/lib/db";
import type { SignatoryOrder } from "@/lib/generated/prisma/client";

export interface OrderedSignature {
  id: string;
  kind: "ORGANISATION" | "INDIVIDUAL";
  name: string;
  role: string;
  organisation: string;
  country: string | null;
  showName: boolean;
  showCountry: boolean;
  position: number | null;
  confirmedAt: Date | null;
  createdAt: Date;
}

const select = {
  id: true, kind: true, name: true, role: true, organisation: true, country: true,
  showName: true, showCountry: true, position: true, confirmedAt: true, createdAt: true,
} as const;

function collatorFor(language: string): Intl.Collator {
  try {
    return new Intl.Collator(language);
  } catch {
    return new Intl.Collator("en");
  }
}

const time = (d: Date | null) => d?.getTime() ?? Number.POSITIVE_INFINITY;

/** Earlier confirmation first; ties (and signatures without a date) in a stable order. */
function chronological(a: OrderedSignature, b: OrderedSignature): number {
  return time(a.confirmedAt) - time(b.confirmedAt) || a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Sorts by what the public may see only: a hidden name never decides a signer's place, or the
 * order would hint at it. Someone without an organisation sorts by their (shown) name.
 */
function alphabetical(language: string) {
  const collator = collatorFor(language);
  const shownName = (s: OrderedSignature) => (s.showName ? s.name.trim() : "");
  const key = (s: OrderedSignature) => s.organisation.trim() || shownName(s);
  return (a: OrderedSignature, b: OrderedSignature) =>
    collator.compare(key(a), key(b)) || collator.compare(shownName(a), shownName(b)) || chronological(a, b);
}

/** By hand-set position; signatures that arrived since (no position yet) follow, oldest first. */
function manual(a: OrderedSignature, b: OrderedSignature): number {
  const pa = a.position ?? Number.POSITIVE_INFINITY;
  const pb = b.position ?? Number.POSITIVE_INFINITY;
  return pa !== pb ? (pa < pb ? -1 : 1) : chronological(a, b);
}

/**
 * The PUBLIC signatures of an appeal in the order the letter prints them. No access check and no
 * privacy filter: callers are the data-layer functions that apply both.
 */
export async function orderedPublicSignatures(
  { appealId, language, order, now }: { appealId: string; language: string; order: SignatoryOrder; now?: Date },
  tx: Tx = db(),
): Promise<OrderedSignature[]> {
  const rows = await tx.signature.findMany({
    where: {
      appealId,
      status: "PUBLIC",
      ...(now ? { OR: [{ confirmedAt: null }, { confirmedAt: { lte: now } }] } : {}),
    },
    select,
  });
  const compare = order === "ALPHABETICAL" ? alphabetical(language) : order === "MANUAL" ? manual : chronological;
  return rows.sort(compare);
}
