import { domainToASCII } from "node:url";
import freemail from "freemail";
import tldjs from "tldjs";
import { emailDomain } from "@/lib/signatures/normalize-email";

/** The registrable domain ("bbc.co.uk" for "news.bbc.co.uk"), by the public suffix list; null for a bare suffix like "co.uk". */
function registrableDomain(host: string): string | null {
  const ascii = domainToASCII(host.toLowerCase().replace(/\.$/, ""));
  return ascii ? tldjs.getDomain(ascii) : null;
}

/**
 * "Domain verified" when the signer's address and the organisation's website share one
 * registrable domain (fidh.org, mail.fidh.org and www.fidh.org do; two addresses under co.uk do
 * not), and never for a free-mail address, whose domain anyone can have. "Free mail" flags an
 * organisation signing from such an address.
 */
export function organisationCheck({ email, website, kind }: { email: string; website: string | null; kind: "organisation" | "individual" }) {
  const free = freemail.isFree(email);
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
