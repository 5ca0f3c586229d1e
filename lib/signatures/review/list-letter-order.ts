import "server-only";
import { getAppealForMember } from "@/lib/appeals/access";
import { orderedPublicSignatures } from "@/lib/signatures/review/ordered-public-signatures";

export interface LetterOrderItem {
  id: string;
  kind: "ORGANISATION" | "INDIVIDUAL";
  /** What the coordinator recognises the signatory by, hidden parts included (marked). */
  label: string;
}

/** The public signatories in the letter's order, for the coordinator's up/down controls. */
export async function listLetterOrder({ userId, appealId }: { userId: string; appealId: string }) {
  const { appeal } = await getAppealForMember({ userId, appealId });
  const rows = await orderedPublicSignatures({ appealId, language: appeal.language, order: appeal.signatoryOrder });
  const items: LetterOrderItem[] = rows.map((s) => ({
    id: s.id,
    kind: s.kind,
    label: [s.showName ? s.name : `${s.name} (name hidden)`, s.organisation].filter((p) => p.trim()).join(", "),
  }));
  return { order: appeal.signatoryOrder, items };
}
