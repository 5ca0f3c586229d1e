import { listApiAppeals } from "@/lib/api/list-api-appeals";
import { apiJson, apiRoute, methodNotAllowed, preflight, PUBLIC_CACHE } from "@/lib/api/responses";

export const dynamic = "force-dynamic";

// Public JSON API v1, documented in docs/api.md.
export const GET = apiRoute(async () => apiJson({ appeals: await listApiAppeals() }, { cache: PUBLIC_CACHE }));

export const OPTIONS = async () => preflight(["GET"]);
export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
