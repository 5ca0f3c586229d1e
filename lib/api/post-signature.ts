import "server-only";
import { apiError, apiJson, notFoundResponse } from "@/lib/api/responses";
import { readJsonBody } from "@/lib/api/read-json-body";
import { parseSignatureBody, toApiFieldErrors } from "@/lib/api/signature-body";
import { isAppError, RateLimitedError } from "@/lib/errors";
import { ipFrom } from "@/lib/request-ip";
import { acceptsSignatures, signOnAppeal } from "@/lib/signatures/sign-on-appeal";
import { submitSignature } from "@/lib/signatures/submit-signature";

const CLOSED_MESSAGE = "This appeal is closed: it no longer accepts signatures.";

/** Whether an appeal takes signatures, before its body is validated (submitSignature checks again). */
async function appealState(slug: string): Promise<"missing" | "closed" | "open"> {
  const appeal = await signOnAppeal(slug);
  if (!appeal) return "missing";
  return acceptsSignatures(appeal) ? "open" : "closed";
}

/**
 * POST /api/v1/appeals/{slug}/signatures: the form's sign-on (same validation, rate limits and
 * emails), answered in JSON. The 202 is the same whether or not the address signed before, so the
 * API cannot be used to learn who signed.
 */
export async function postSignature({ request, slug }: { request: Request; slug: string }): Promise<Response> {
  const read = await readJsonBody(request);
  if (!read.ok) {
    if (read.reason === "too_large") return apiError(413, "payload_too_large", "The request body is larger than 1 MB.");
    // `errors` as for every bad input (the documented 400/422 shape); `error` and `message` as before.
    const message = "Send a JSON object with Content-Type: application/json.";
    return apiJson({ error: "invalid_body", message, errors: { body: [message] } }, { status: 400 });
  }

  const state = await appealState(slug);
  if (state === "missing") return notFoundResponse();
  if (state === "closed") return apiError(409, "appeal_closed", CLOSED_MESSAGE);

  const parsed = parseSignatureBody(read.body);
  if (!parsed.ok) return apiJson({ errors: parsed.errors }, { status: 422 });

  try {
    const result = await submitSignature({ slug, input: parsed.input, ip: ipFrom(request.headers) });
    if (!result.ok) return apiJson({ errors: toApiFieldErrors(result.fieldErrors) }, { status: 422 });
  } catch (err) {
    if (err instanceof RateLimitedError) {
      return apiError(429, "rate_limited", err.message, { "Retry-After": String(Math.max(1, Math.ceil(err.retryAfterSeconds))) });
    }
    if (isAppError(err, "NOT_FOUND")) return notFoundResponse();
    if (isAppError(err, "CONFLICT")) return apiError(409, "appeal_closed", CLOSED_MESSAGE);
    throw err;
  }
  return apiJson({ status: "check-your-inbox" }, { status: 202 });
}
