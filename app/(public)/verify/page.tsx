import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { VerifyCodeForm } from "@/components/letter/verify-code-form";
import { normaliseVerificationCode } from "@/lib/letter/verification-code";

export const metadata: Metadata = { title: "Verify a signed letter" };

export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  const raw = (await searchParams).code;
  const typed = typeof raw === "string" ? raw : "";
  const code = typed ? normaliseVerificationCode(typed) : null;
  if (code) redirect(`/verify/${code}`);
  return (
    <div className="stack narrow">
      <h1>Verify a signed letter</h1>
      <p>
        Every letter exported by Undersigned ends with a verification code and a QR code. Enter the code to see the text version
        and the signatories that the letter listed when it was exported.
      </p>
      <VerifyCodeForm
        value={typed}
        error={typed ? "This is not a verification code: it has 16 letters and digits, like k7m2q9xw4hv3rt8p." : undefined}
      />
    </div>
  );
}
