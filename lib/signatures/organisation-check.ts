import { domainToASCII } from "node:url";
import freemail from "freemail";
import tldjs from "tldjs";
import { emailDomain } from "@/lib/signatures/normalize-email";

// Both look-ups scan long lists (freemail's thousands of domains, the public suffix rules): in a
// burst of sign-ons they were an eighth of the server's time. The answers depend on the domain
// alone and most signers share a few domains, so they are remembered, a bounded number of them.
const MEMO_LIMIT = 10_000;
function memo<T>(fn: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (known.has(key)) return known.get(key) as T;
    const value = fn(key);
    if (known.size >= MEMO_LIMIT) known.clear();
    known.set(key, value);
    return value;
  };
}

/** The registrable domain ("bbc.co.uk" for "news.bbc.co.uk"), by the public suffix list; null for a bare suffix like "co.uk". */
const registrableDomain = memo((host: string) => {
  const ascii = domainToASCII(host.toLowerCase().replace(/\.$/, ""));
  return ascii ? tldjs.getDomain(ascii) : null;
});

const isFreeMailDomain = memo((domain: string) => freemail.isFree(`x@${domain}`));

/**
 * "Domain verified" when the signer's address and the organisation's website share one
 * registrable domain (fidh.org, mail.fidh.org and www.fidh.org do; two addresses under co.uk do
 * not), and never for a free-mail address, whose domain anyone can have. "Free mail" flags an
 * organisation signing from such an address.
 */
export function organisationCheck({ email, website, kind }: { email: string; website: string | null; kind: "organisation" | "individual" }) {
  const free = isFreeMailDomain(emailDomain(email));
  let domainVerified = false;
  if (website && !free) {
    let host: string | null = null;
    try {
      host = new URL(website).hostname;
    } catch {
      // The schema hands over a valid URL; anything else verifies nothing.
    }
    const site = host ? registrableDomain(host) : null;
    domainVerified = site !== null && site === registrableDomain(emailDomain(email));
  }
  return { domainVerified, freeMail: kind === "organisation" && free };
}
