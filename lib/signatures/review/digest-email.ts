import type { EmailMessage } from "@/lib/email/message";
import { emailHtml } from "@/lib/email/templates/layout";

export interface DigestAppeal {
  title: string;
  url: string;
  /** Signatures confirmed since the last digest. */
  newSignatures: number;
  /** Of all the appeal's signatures, how many wait for a coordinator now. */
  awaitingReview: number;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A coordinator's daily digest: counts per appeal and links behind sign-in, never a signer's details. */
export function digestEmail({ to, appeals }: { to: string; appeals: DigestAppeal[] }): EmailMessage {
  const total = appeals.reduce((sum, a) => sum + a.newSignatures, 0);
  const lines = appeals.map(
    (a) =>
      `“${a.title}”: ${plural(a.newSignatures, "new signature", "new signatures")}` +
      (a.awaitingReview > 0 ? `, ${plural(a.awaitingReview, "signature awaits", "signatures await")} your review` : "") +
      ".",
  );
  const footer = "You receive this digest at most once a day. To get an email for each signature, or none, change your choice on the appeal's Signatures page.";
  return {
    to,
    subject: `Daily digest: ${plural(total, "new signature", "new signatures")}`,
    text: `${appeals.map((a, i) => `${lines[i]}\n${a.url}`).join("\n\n")}\n\n${footer}\n`,
    html: emailHtml({ heading: "New signatures since your last digest", paragraphs: [...appeals.map((a, i) => `${lines[i]} ${a.url}`), footer] }),
  };
}
