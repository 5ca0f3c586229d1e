import { getApiAppeal } from "@/lib/api/get-api-appeal";
import { slugParamSchema } from "@/lib/api/params";
import { apiJson, apiRoute, methodNotAllowed, notFoundResponse, preflight, PUBLIC_CACHE } from "@/lib/api/responses";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

// Public JSON API v1, documented in docs/api.md.
export const GET = apiRoute(async (_request: Request, { params }: Context) => {
  const slug = slugParamSchema.safeParse((await params).slug);
  if (!slug.success) return notFoundResponse();
  const appeal = await getApiAppeal({ slug: slug.data });
  return appeal ? apiJson(appeal, { cache: PUBLIC_CACHE }) : notFoundResponse();
});

export const OPTIONS = async () => preflight(["GET"]);
export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
