import "server-only";
import { redactEmails } from "@/lib/email/redact";

// Every answer of the public JSON API goes through here, so that each one carries the same
// content type, CORS and caching headers, errors included (a partner's browser script can only
// read an error body that carries Access-Control-Allow-Origin).

/** GET answers: a CDN may keep them a few seconds; browsers always revalidate. */
export const PUBLIC_CACHE = "public, max-age=0, s-maxage=10";
export const NO_STORE = "no-store";

export type Method = "GET" | "POST";

const CORS_HEADERS = {
  // Nothing in the API reads cookies or credentials, so any origin may call it, POST included.
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "Retry-After",
};

export function apiJson(body: unknown, { status = 200, cache = NO_STORE, headers = {} }: { status?: number; cache?: string; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": cache, ...CORS_HEADERS, ...headers },
  });
}

/** An error answer: a stable machine-readable code, and a sentence for people when it helps. */
export function apiError(status: number, error: string, message?: string, headers?: Record<string, string>): Response {
  return apiJson(message ? { error, message } : { error }, { status, headers });
}

export const notFoundResponse = () => apiError(404, "not_found");

/** The CORS preflight: which methods and headers another origin may use on this route. */
export function preflight(methods: readonly Method[]): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "Access-Control-Allow-Methods": [...methods, "OPTIONS"].join(", "),
      "Access-Control-Allow-Headers": "Content-Type",
      "Access-Control-Max-Age": "86400",
      "Cache-Control": "public, max-age=86400",
    },
  });
}

/** A JSON 405 for the methods a route does not serve (Next's own 405 has an empty body). */
export function methodNotAllowed(methods: readonly Method[]) {
  return async () => apiError(405, "method_not_allowed", undefined, { Allow: [...methods, "OPTIONS"].join(", ") });
}

/**
 * Wraps a route handler so that an unexpected failure is still a JSON answer with CORS headers,
 * and what reaches the log has every email address redacted.
 */
export function apiRoute<C>(handler: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (err) {
      const what = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      console.error(`[api] ${request.method} ${new URL(request.url).pathname} failed: ${redactEmails(what)}`);
      return apiError(500, "internal_error", "Something went wrong on our side. Please try again later.");
    }
  };
}
