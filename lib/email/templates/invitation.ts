import type { EmailMessage } from "@/lib/email/message";
import { emailHtml } from "@/lib/email/templates/layout";

/** Invites a co-coordinator; the link signs them in and opens the appeal. */
export function invitationEmail({
  to,
  url,
  inviter,
  appealTitle,
  days,
}: {
  to: string;
  url: string;
  inviter: string;
  appealTitle: string;
  days: number;
}): EmailMessage {
  const paragraphs = [
    `${inviter} invited you to coordinate the appeal “${appealTitle}” on Undersigned, as an editor.`,
    "Coordinators edit the letter, publish it and review signatures. The link below signs you in and opens the appeal; you need no password.",
    `The link works once, within ${days} days. If you did not expect this invitation, ignore this email.`,
  ];
  return {
    to,
    subject: `You are invited to coordinate “${appealTitle}”`,
    text: `${paragraphs[0]}\n\n${paragraphs[1]}\n\nOpen the appeal:\n${url}\n\n${paragraphs[2]}\n`,
    html: emailHtml({ heading: "You are invited to coordinate an appeal", paragraphs, action: { label: "Open the appeal", url } }),
  };
}
