import "server-only";
import { db } from "@/lib/db";
import { getAppealForMember } from "@/lib/appeals/access";
import { notFound } from "@/lib/errors";

/** One signature of the appeal for the coordinator's edit form; NOT_FOUND for non-members and withdrawn signatures. */
export async function getSignatureForReview({ userId, appealId, signatureId }: { userId: string; appealId: string; signatureId: string }) {
  const { appeal } = await getAppealForMember({ userId, appealId });
  const signature = await db().signature.findFirst({
    where: { id: signatureId, appealId, status: { not: "WITHDRAWN" } },
    select: {
      id: true, kind: true, status: true, name: true, role: true, organisation: true, country: true,
      showName: true, showCountry: true, addedByCoordinator: true,
    },
  });
  if (!signature) throw notFound("This signature");
  return { appeal: { id: appeal.id, title: appeal.title, slug: appeal.slug }, signature };
}
