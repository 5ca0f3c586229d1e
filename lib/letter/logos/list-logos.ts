import "server-only";
import { getAppealForMember } from "@/lib/appeals/access";
import { db } from "@/lib/db";

export interface LogoForDashboard {
  id: string;
  mimeType: string;
  width: number;
  height: number;
  /** A data: URL, to show the stored (re-encoded) image without another route. */
  src: string;
}

/** The appeal's letterhead logos in printed order, for its coordinators; NOT_FOUND for anyone else. */
export async function listLogos({ userId, appealId }: { userId: string; appealId: string }): Promise<LogoForDashboard[]> {
  await getAppealForMember({ userId, appealId });
  const logos = await db().appealLogo.findMany({
    where: { appealId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, mimeType: true, width: true, height: true, data: true },
  });
  return logos.map(({ data, ...logo }) => ({ ...logo, src: `data:${logo.mimeType};base64,${Buffer.from(data).toString("base64")}` }));
}
