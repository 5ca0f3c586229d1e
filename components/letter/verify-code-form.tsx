/** Asks for a verification code; a plain GET form, so it works without JavaScript. */
export function VerifyCodeForm({ value = "", error }: { value?: string; error?: string }) {
  return (
    <form action="/verify" method="get" className="stack verify-form" role="search" aria-label="Verify a letter">
      <div className="field">
        <label htmlFor="verify-code">Verification code</label>
        <input
          id="verify-code"
          name="code"
          defaultValue={value}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={64}
          required
          aria-describedby={error ? "verify-code-error verify-code-hint" : "verify-code-hint"}
          aria-invalid={error ? true : undefined}
        />
        <p id="verify-code-hint" className="hint">
          The 16 letters and digits at the end of the address printed under the QR code, on the letter&apos;s last page.
        </p>
        {error && (
          <p id="verify-code-error" className="field-error">
            {error}
          </p>
        )}
      </div>
      <div>
        <button type="submit" className="btn">Verify</button>
      </div>
    </form>
  );
}
