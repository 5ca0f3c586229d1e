import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/**
 * The client's address for rate limiting. Never stored or logged in the clear.
 *
 * X-Forwarded-For is a list each proxy appends to, so only its right end is trustworthy: the
 * client writes whatever it likes on the left. With `hops` proxies in front of the app
 * (TRUSTED_PROXY_HOPS), the entry `hops` places from the right is the one the nearest trusted
 * proxy saw the request come from. Next's own server only adds the header when it is absent.
 * Without the header: X-Real-IP, else "direct".
 */
export function ipFrom(h: Headers, hops = env.TRUSTED_PROXY_HOPS): string {
  const chain = (h.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than proxies: the leftmost one was still added by a proxy, not the client.
  if (chain.length > 0) return chain[Math.max(0, chain.length - hops)]!;
  return h.get("x-real-ip")?.trim() || "direct";
}

export async function requestIp(): Promise<string> {
  return ipFrom(await headers());
}
