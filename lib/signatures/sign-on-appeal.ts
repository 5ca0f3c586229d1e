import "server-only";
import { db } from "@/lib/db";

export interface SignOnAppeal {
  id: string;
  slug: string;
  title: string;
  status: "DRAFT" | "OPEN" | "CLOSED";
  deadline: Date | null;
  allowOrganisations: boolean;
  allowIndividuals: boolean;
  drawnSignature: "OFF" | "OPTIONAL" | "REQUIRED";
  requireApproval: boolean;
}

// Every sign-on needs the appeal's settings. Under load the same appeal is read hundreds of times
// a second, so each process keeps it for a second. Nothing unsafe rides on it: the batch that
// stores a signature locks the appeal row and checks it is still open.
const TTL_MS = 1000;
const cache = new Map<string, { at: number; appeal: SignOnAppeal | null }>();

export async function signOnAppeal(slug: string): Promise<SignOnAppeal | null> {
  const hit = cache.get(slug);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.appeal;
  const appeal = await db().appeal.findFirst({
    where: { slug, status: { in: ["OPEN", "CLOSED"] } },
    select: {
      id: true, slug: true, title: true, status: true, deadline: true, allowOrganisations: true,
      allowIndividuals: true, drawnSignature: true, requireApproval: true,
    },
  });
  if (cache.size > 1000) cache.clear();
  cache.set(slug, { at: Date.now(), appeal });
  return appeal;
}

/** Open, and its deadline (if any) still ahead: the rule for signing, confirming and reconfirming. */
export const acceptsSignatures = (a: Pick<SignOnAppeal, "status" | "deadline">) => a.status === "OPEN" && (!a.deadline || a.deadline > new Date());
