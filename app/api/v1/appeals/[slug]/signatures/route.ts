import { slugParamSchema } from "@/lib/api/params";
import { postSignature } from "@/lib/api/post-signature";
import { apiRoute, methodNotAllowed, notFoundResponse, preflight } from "@/lib/api/responses";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

// Public JSON API v1, documented in docs/api.md.
export const POST = apiRoute(async (request: Request, { params }: Context) => {
  const slug = slugParamSchema.safeParse((await params).slug);
  if (!slug.success) return notFoundResponse();
  return postSignature({ request, slug: slug.data });
});

export const OPTIONS = async () => preflight(["POST"]);
export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
