import { revalidateTag } from "next/cache";
import { z } from "zod";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { appealCacheTag, PUBLIC_APPEALS_TAG } from "@/lib/signatures/cache-tags";

export const dynamic = "force-dynamic";

// Opening the emailed link confirms (a GET, as the UK Parliament's petitions site does); the
// answer is a redirect to a page that says what happened, without the token.
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const token = z.string().min(10).max(100).safeParse((await params).token);
  const to = (path: string) => Response.redirect(new URL(path, request.url), 303);
  if (!token.success) return to("/s/invalid");
  const outcome = await confirmSignature({ token: token.data });
  switch (outcome.state) {
    case "CONFIRMED":
      // Expire now, not stale-while-revalidate: the signer goes straight to the page to see their name.
      revalidateTag(appealCacheTag(outcome.slug), { expire: 0 });
      // The home page's counts too; nobody waits on those, so they refresh in the background.
      revalidateTag(PUBLIC_APPEALS_TAG, "max");
      return to(`/a/${outcome.slug}/confirmed${outcome.pendingReview ? "?review=1" : ""}`);
    case "ALREADY_CONFIRMED":
      return to(`/a/${outcome.slug}/confirmed?already=1`);
    case "EXPIRED":
      return to(`/s/expired/${token.data}`);
    case "CLOSED":
      return to(`/a/${outcome.slug}/confirmed?closed=1`);
    default:
      return to("/s/invalid");
  }
}
