"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { signInSchema } from "@/lib/schemas/sign-in";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = signInSchema.safeParse({ email });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Enter a valid email address.");
      return;
    }
    setError(null);
    setMessage(null);
    setPending(true);
    const result = await signIn("email", { email: parsed.data.email, callbackUrl, redirect: false });
    if (result?.ok && !result.error) {
      router.push("/sign-in/check-email");
      return;
    }
    setPending(false);
    setMessage("We could not send a sign-in link just now. Please try again in a minute.");
  }

  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-describedby={message ? "sign-in-message" : undefined}>
      <div className="field">
        <label htmlFor="email">Email address</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "email-error" : "email-hint"}
        />
        {error ? (
          <p id="email-error" className="field-error">
            {error}
          </p>
        ) : (
          <p id="email-hint" className="hint">
            We will email you a link that signs you in. No password needed.
          </p>
        )}
      </div>
      <div aria-live="polite">
        {message && (
          <p id="sign-in-message" className="form-message form-message--error">
            {message}
          </p>
        )}
      </div>
      <button type="submit" className="btn" disabled={pending}>
        {pending ? "Sending link…" : "Email me a sign-in link"}
      </button>
    </form>
  );
}
