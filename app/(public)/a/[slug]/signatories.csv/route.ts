import { publicSignatoriesCsv } from "@/lib/signatures/review/public-signatories-csv";

export const dynamic = "force-dynamic";

/** The public list of signatories as CSV: what the public page shows, nothing more. 404 for drafts. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const file = slug.length <= 80 ? await publicSignatoriesCsv({ slug }) : null;
  if (!file) return new Response("Not found", { status: 404 });
  return new Response(file.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      // A withdrawn signature must disappear from every copy we serve, so nothing keeps one.
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
