import { z } from "zod";
import { signatoriesQueryOf, signatoriesQuerySchema, slugParamSchema } from "@/lib/api/params";
import { apiJson, apiRoute, methodNotAllowed, notFoundResponse, preflight, PUBLIC_CACHE } from "@/lib/api/responses";
import { signatoriesPage } from "@/lib/api/signatories-page";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

// Public JSON API v1, documented in docs/api.md.
export const GET = apiRoute(async (request: Request, { params }: Context) => {
  const slug = slugParamSchema.safeParse((await params).slug);
  if (!slug.success) return notFoundResponse();
  const query = signatoriesQuerySchema.safeParse(signatoriesQueryOf(new URL(request.url)));
  if (!query.success) return apiJson({ error: "invalid_parameters", errors: z.flattenError(query.error).fieldErrors }, { status: 400 });
  const page = await signatoriesPage({ slug: slug.data, ...query.data });
  return page ? apiJson(page, { cache: PUBLIC_CACHE }) : notFoundResponse();
});

export const OPTIONS = async () => preflight(["GET"]);
export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
