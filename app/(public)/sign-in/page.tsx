import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/callback-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <div className="narrow stack">
      <h1>Sign in to coordinate appeals</h1>
      <p className="muted">
        Coordinators write appeals, invite co-coordinators and review signatures. Signing an appeal needs no account.
      </p>
      <div className="card">
        <SignInForm callbackUrl={safeCallbackPath(callbackUrl)} />
      </div>
    </div>
  );
}
