import type { Metadata } from "next";
import { TokenActionForm } from "@/components/signatures/token-action-form";
import { resendConfirmationAction } from "@/lib/actions/signatures";

export const metadata: Metadata = { title: "Link expired", robots: { index: false } };

export default async function ExpiredLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <div className="narrow stack">
      <h1>This confirmation link has expired</h1>
      <p>Confirmation links work for a limited time. Your signature is not confirmed yet: we can send a new link to the same address.</p>
      <TokenActionForm action={resendConfirmationAction.bind(null, token)} label="Send me a new link" pendingLabel="Sending…" />
    </div>
  );
}
