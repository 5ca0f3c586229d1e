import freemail from "freemail";
import { emailDomain } from "@/lib/signatures/normalize-email";

/**
 * "Domain verified" when the signer's address is at the organisation's website domain or a
 * subdomain of it; "free mail" when an organisation signs from a free webmail address.
 */
export function organisationCheck({ email, website, kind }: { email: string; website: string | null; kind: "organisation" | "individual" }) {
  const domain = emailDomain(email);
  let domainVerified = false;
  if (website) {
    const host = new URL(website).hostname.toLowerCase().replace(/^www\./, "");
    domainVerified = domain === host || domain.endsWith(`.${host}`);
  }
  return { domainVerified, freeMail: kind === "organisation" && freemail.isFree(email) };
}
