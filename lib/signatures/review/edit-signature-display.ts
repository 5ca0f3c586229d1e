import "server-only";
import { db } from "@/lib/db";
import { getAppealForMember } from "@/lib/appeals/access";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";
import type { DisplayField } from "@/lib/schemas/review";
import { displayErrors, type DisplayValues } from "@/lib/signatures/review/display-rules";

export interface EditSignatureDisplayOptions extends DisplayValues {
  userId: string;
  appealId: string;
  signatureId: string;
}

export type EditSignatureDisplayResult =
  | { ok: true; slug: string; changed: DisplayField[]; publicChanged: boolean }
  | { ok: false; fieldErrors: Partial<Record<DisplayField, string[]>> };

const FIELDS = ["name", "role", "organisation", "country", "showName", "showCountry"] as const satisfies readonly DisplayField[];

/**
 * A coordinator corrects what a signature shows (a typo in a name, the wrong country). The audit
 * entry names the fields that changed, never their values. A coordinator may hide a name or a
 * country, but not show one the signer chose to hide: only the signer can take that risk. For
 * signatures the coordinators added themselves, they made that choice and may change it.
 */
export async function editSignatureDisplay({ userId, appealId, signatureId, ...values }: EditSignatureDisplayOptions): Promise<EditSignatureDisplayResult> {
  return db().$transaction(async (tx) => {
    const { appeal } = await getAppealForMember({ userId, appealId }, tx);
    const current = await tx.signature.findFirst({ where: { id: signatureId, appealId, status: { not: "WITHDRAWN" } } });
    if (!current) throw notFound("This signature");

    const fieldErrors = displayErrors(current.kind, values);
    if (!current.addedByCoordinator) {
      if (values.showName && !current.showName) fieldErrors.showName = ["The signer asked not to show their name. Only they can change that."];
      if (values.showCountry && !current.showCountry) fieldErrors.showCountry = ["The signer asked not to show their country. Only they can change that."];
    }
    if (Object.keys(fieldErrors).length) return { ok: false as const, fieldErrors };

    const next = { ...values, country: values.country || null };
    const changed = FIELDS.filter((f) => next[f] !== current[f]);
    if (changed.length > 0) {
      await tx.signature.update({ where: { id: current.id }, data: next });
      await recordAudit(tx, { appealId, actorId: userId, action: "signature.edited", details: { signatureId: current.id, fields: changed } });
    }
    return { ok: true as const, slug: appeal.slug, changed, publicChanged: changed.length > 0 && current.status === "PUBLIC" };
  });
}
