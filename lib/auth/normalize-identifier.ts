import { emailField } from "@/lib/schemas/sign-in";

export class InvalidSignInAddressError extends Error {
  override name = "InvalidSignInAddressError";
  constructor() {
    // next-auth logs this error: it must not quote what was sent, which may be an address.
    super("The sign-in request does not hold one valid email address.");
  }
}

/**
 * next-auth's normalizeIdentifier for the email provider: the server-side check of the address a
 * sign-in link is sent to. Replacing next-auth's default also replaces its guard, so this one must
 * refuse anything but a single valid address (e.g. `a@x.org,b@y.org`, which a direct POST to
 * /api/auth/signin/email could send to have many people mailed), with the same rules as the
 * sign-in form. It throws rather than cut a list down to one address; next-auth then answers with
 * its sign-in error page.
 */
export function normalizeSignInIdentifier(identifier: unknown): string {
  const parsed = emailField.safeParse(identifier);
  if (!parsed.success) throw new InvalidSignInAddressError();
  return parsed.data.toLowerCase();
}
