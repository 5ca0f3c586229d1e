import { getSessionUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { exportLetter, type ExportedLetter } from "@/lib/letter/export-letter";
import { findLetterAppeal } from "@/lib/letter/find-letter-appeal";
import { UnsupportedLetterError } from "@/lib/letter/unsupported-letter-error";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

const notFound = () => text("Not found", 404);

/**
 * The signed letter as a PDF (the API's `pdfUrl`). Coordinators always get it, drafts included;
 * anyone else only when the appeal is open or closed and its PDF is public, else the same 404 as
 * for an address that does not exist. `?inline=1` shows it in the browser instead of saving it.
 * A public download of a letter that changed gets its latest export while that is under 5 minutes
 * old (exportLetter): the public cannot make the server render on every request.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (slug.length > 80) return notFound();
  const user = await getSessionUser();
  const access = await findLetterAppeal({ slug, userId: user?.id ?? null });
  if (!access) return notFound();

  let letter: ExportedLetter;
  try {
    letter = await exportLetter({ appealId: access.appealId, actorId: access.coordinator ? user!.id : null });
  } catch (err) {
    if (err instanceof UnsupportedLetterError) {
      // Names the limitation (a script, or the characters concerned, all from printed public text).
      const advice = access.coordinator ? " Change the text, or the signatory line concerned, and try again." : "";
      return text(`This letter cannot be printed as a PDF. ${err.message}${advice}`, 422);
    }
    if (isAppError(err, "NOT_FOUND")) return notFound();
    if (isAppError(err, "CONFLICT")) return text(err.message, 409);
    throw err;
  }

  // A coordinator's copy (perhaps a draft) stays out of every shared cache; the public letter may be
  // kept briefly, and is the same bytes for as long as its export code is.
  const shared = !access.coordinator && !letter.draft && letter.code !== null;
  const etag = letter.code ? `"${letter.code}"` : null;
  const cacheControl = shared ? "public, max-age=60" : "private, no-store";
  if (shared && etag && request.headers.get("if-none-match") === etag) {
    return new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": cacheControl } });
  }
  const inline = new URL(request.url).searchParams.get("inline") === "1";
  const filename = letter.filename.replace(/[^A-Za-z0-9._-]/g, "-");
  return new Response(new Uint8Array(letter.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${filename}"`,
      "Cache-Control": cacheControl,
      Vary: "Cookie",
      ...(shared && etag ? { ETag: etag } : {}),
      "X-Content-Type-Options": "nosniff",
    },
  });
}
