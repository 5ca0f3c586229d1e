import "server-only";
import { headers } from "next/headers";

/**
 * The client's address for rate limiting: the first X-Forwarded-For hop set by the proxy in
 * front of the app, else X-Real-IP. Never stored or logged in the clear.
 */
export function ipFrom(h: Headers): string {
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip")?.trim() || "direct";
}

export async function requestIp(): Promise<string> {
  return ipFrom(await headers());
}
