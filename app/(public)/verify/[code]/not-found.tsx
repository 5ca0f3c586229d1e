import Link from "next/link";
import { VerifyCodeForm } from "@/components/letter/verify-code-form";

export default function NoSuchLetter() {
  return (
    <div className="stack narrow">
      <h1>No letter with this verification code</h1>
      <p>
        Undersigned has never exported a letter with this code. Check it against the address printed under the QR code at the foot
        of the letter: a letter whose code is not found here, or whose content differs from what this site shows for its code, was
        not produced as shown.
      </p>
      <VerifyCodeForm />
      <p>
        <Link href="/">Go to the home page</Link>
      </p>
    </div>
  );
}
