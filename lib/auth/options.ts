import "server-only";
import type { NextAuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import { prismaAdapter } from "@/lib/auth/adapter";
import { normalizeSignInIdentifier } from "@/lib/auth/normalize-identifier";
import { env } from "@/lib/env";
import { queueEmail } from "@/lib/email/outbox";
import { signInEmail } from "@/lib/email/templates/sign-in";

const SIGN_IN_LINK_MINUTES = 60;

export const authOptions: NextAuthOptions = {
  adapter: prismaAdapter(),
  secret: env.AUTH_SECRET,
  session: { strategy: "database", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in/error" },
  providers: [
    EmailProvider({
      from: env.EMAIL_FROM,
      maxAge: SIGN_IN_LINK_MINUTES * 60,
      // Validates as the sign-in form does and throws on anything else (next-auth's own guard is gone).
      normalizeIdentifier: normalizeSignInIdentifier,
      // Queued, not sent: the outbox worker delivers it outside the request, with retries.
      async sendVerificationRequest({ identifier, url }) {
        await queueEmail(signInEmail({ to: identifier, url, minutes: SIGN_IN_LINK_MINUTES }));
      },
    }),
  ],
  callbacks: {
    session: ({ session, user }) => ({ ...session, user: { ...session.user, id: user.id } }),
  },
};
