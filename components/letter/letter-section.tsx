import Link from "next/link";
import type { AppealStatus } from "@/lib/generated/prisma/client";
import { listLogos } from "@/lib/letter/logos/list-logos";
import { LogoManager } from "./logo-manager";
import { SignedLetterPanel } from "./signed-letter-panel";

/** The dashboard's "Signed letter" section: the PDF (shown and saved) and its letterhead logos. */
export async function LetterSection({
  userId,
  appeal,
}: {
  userId: string;
  appeal: { id: string; slug: string; title: string; status: AppealStatus; publicPdf: boolean };
}) {
  const logos = await listLogos({ userId, appealId: appeal.id });
  const who =
    appeal.status === "DRAFT"
      ? "While the appeal is a draft, only its coordinators can download the letter, and it carries a “Draft” watermark and no verification code."
      : appeal.publicPdf
        ? "Anyone can download it from the appeal's public page."
        : "Only coordinators can download it; to offer it on the public page, allow it in the appeal's settings.";
  return (
    <section aria-labelledby="letter-heading" className="card stack">
      <h2 id="letter-heading" style={{ margin: 0 }}>Signed letter</h2>
      <p style={{ margin: 0 }}>
        The letter as a PDF, with its signatories as of {appeal.status === "CLOSED" ? "the appeal's closing" : "today"}. {who}
        {appeal.status !== "DRAFT" && (
          <>
            {" "}Each export ends with a verification code that anyone can check on the <Link href="/verify">verification page</Link>.
          </>
        )}
      </p>
      <SignedLetterPanel pdfUrl={`/a/${appeal.slug}/letter.pdf`} title={appeal.title} />
      <LogoManager appealId={appeal.id} logos={logos.map(({ id, src, width, height }) => ({ id, src, width, height }))} />
    </section>
  );
}
