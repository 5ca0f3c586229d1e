import type { EmailMessage } from "@/lib/email/message";
import { emailHtml } from "@/lib/email/templates/layout";

export function signInEmail({ to, url, minutes }: { to: string; url: string; minutes: number }): EmailMessage {
  const host = new URL(url).host;
  const paragraphs = [
    `Someone asked to sign in to Undersigned at ${host} with this email address.`,
    `The link works once, within ${minutes} minutes. If you did not ask for it, ignore this email.`,
  ];
  return {
    to,
    subject: "Your sign-in link for Undersigned",
    text: `${paragraphs[0]}\n\nSign in:\n${url}\n\n${paragraphs[1]}\n`,
    html: emailHtml({ heading: "Sign in to Undersigned", paragraphs, action: { label: "Sign in", url } }),
  };
}
