import { getSessionUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { signaturesCsv } from "@/lib/signatures/review/signatures-csv";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/** The coordinators' CSV: every signature with its email address. 404 to anyone else, signed in or not. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getSessionUser();
  if (!user) return notFound();
  let file: Awaited<ReturnType<typeof signaturesCsv>>;
  try {
    file = await signaturesCsv({ userId: user.id, appealId: id });
  } catch (err) {
    if (isAppError(err, "NOT_FOUND")) return notFound();
    throw err;
  }
  return new Response(file.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      // Personal data: never stored by a browser cache or a proxy.
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
