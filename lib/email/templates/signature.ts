import type { EmailMessage } from "@/lib/email/message";
import { emailHtml } from "@/lib/email/templates/layout";

// Emails to signers. They never repeat what the signer asked to hide beyond their own name,
// and they say plainly what each link does.

export function confirmSignatureEmail({ to, name, title, url, hours }: { to: string; name: string; title: string; url: string; hours: number }): EmailMessage {
  const p = [
    `Dear ${name},`,
    `Thank you for signing “${title}”. Your signature counts only once you confirm that this address is yours.`,
    `The link works once, within ${hours === 1 ? "1 hour" : `${hours} hours`}. If you did not sign, ignore this email: nothing will be published.`,
  ];
  return {
    to,
    subject: `Confirm your signature: ${title}`,
    text: `${p[0]}\n\n${p[1]}\n\nConfirm your signature:\n${url}\n\n${p[2]}\n`,
    html: emailHtml({ heading: "Confirm your signature", paragraphs: p, action: { label: "Confirm my signature", url } }),
  };
}

export function alreadySignedEmail({ to, name, title, withdrawUrl }: { to: string; name: string; title: string; withdrawUrl: string }): EmailMessage {
  const p = [
    `Dear ${name},`,
    `Someone asked to sign “${title}” with this address, which has already signed it. Nothing has changed.`,
    "If you want to take your signature back, you can do so while the appeal is open:",
  ];
  return {
    to,
    subject: `You have already signed: ${title}`,
    text: `${p.join("\n\n")}\n${withdrawUrl}\n`,
    html: emailHtml({ heading: "You have already signed", paragraphs: p, action: { label: "Withdraw my signature", url: withdrawUrl } }),
  };
}

export function signatureConfirmedEmail({
  to, name, title, appealUrl, withdrawUrl, pendingReview,
}: { to: string; name: string; title: string; appealUrl: string; withdrawUrl: string; pendingReview: boolean }): EmailMessage {
  const p = [
    `Dear ${name},`,
    pendingReview
      ? `Your signature on “${title}” is confirmed. The appeal's coordinators review each signature; yours will appear on the appeal once they approve it.`
      : `Your signature on “${title}” is confirmed and now appears on the appeal: ${appealUrl}`,
    "You can withdraw your signature at any time while the appeal is open. The link below opens a page where you confirm the withdrawal:",
  ];
  return {
    to,
    subject: `Your signature is confirmed: ${title}`,
    text: `${p.join("\n\n")}\n${withdrawUrl}\n`,
    html: emailHtml({ heading: "Your signature is confirmed", paragraphs: p, action: { label: "Withdraw my signature", url: withdrawUrl } }),
  };
}

export function reconfirmSignatureEmail({
  to, name, title, url, diff, version,
}: { to: string; name: string; title: string; url: string; diff: string; version: number }): EmailMessage {
  const p = [
    `Dear ${name},`,
    `The coordinators of “${title}” have changed the text you signed. It is now version ${version}. Your signature stays on the earlier version until you confirm the new one.`,
    "What changed ([-removed-] {+added+}):",
  ];
  return {
    to,
    subject: `The text you signed has changed: ${title}`,
    text: `${p.join("\n\n")}\n\n${diff}\n\nConfirm that you sign the new version:\n${url}\n`,
    html: emailHtml({ heading: "The text you signed has changed", paragraphs: [...p, diff], action: { label: "I sign the new version", url } }),
  };
}
