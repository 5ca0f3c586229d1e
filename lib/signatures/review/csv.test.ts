import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAppeal, uniqueSuffix } from "@/lib/factories";
import { csvCell, toCsv } from "@/lib/signatures/review/csv";
import { publicSignatoriesCsv } from "@/lib/signatures/review/public-signatories-csv";
import { reviewTeam, signature } from "@/lib/signatures/review/review-test-fixtures";
import { signaturesCsv } from "@/lib/signatures/review/signatures-csv";

const BOM = "\uFEFF";

/** A small RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith(BOM)).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const body = text.slice(1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(cell), (cell = "");
    else if (ch === "\r" && body[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += ch;
  }
  expect(cell).toBe("");
  return rows;
}

describe("csv", () => {
  it("quotes commas, quotes and line breaks, and neutralises formulas", () => {
    expect(csvCell('Say "hi", please')).toBe('"Say ""hi"", please"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe(`"'=HYPERLINK(""http://evil"")"`);
    for (const start of ["+1", "-1", "@SUM(A1)", "\tx"]) expect(csvCell(start)).toBe(`'${start}`);
    expect(csvCell(null)).toBe("");
    expect(csvCell(true)).toBe("yes");
    expect(csvCell(-3)).toBe("-3");
    expect(toCsv(["a", "b"], [["1", "2"]])).toBe(`${BOM}a,b\r\n1,2\r\n`);
  });
});

describe("signaturesCsv (coordinators)", () => {
  it("has a BOM and CRLF, every status, emails, flags and versions, with cells escaped and formulas neutralised", async () => {
    const { editor, appealId, appeal } = await reviewTeam();
    const email = `ayse-${uniqueSuffix()}@example.org`;
    await signature(appealId, {
      kind: "ORGANISATION", name: "Aysel \"Ayka\" Əhmədova", role: "Director, Board", organisation: "=cmd|' /C calc'!A0",
      country: "AZ", email, showName: false, domainVerified: true, minutesAgo: 3,
    });
    await signature(appealId, { name: "Line\nBreak", status: "PENDING_REVIEW", freeMail: true, minutesAgo: 2 });
    await signature(appealId, { name: "", status: "WITHDRAWN", email: "", minutesAgo: 1 });
    const { csv, filename } = await signaturesCsv({ userId: editor.id, appealId, now: new Date("2026-03-01T10:00:00Z") });
    expect(filename).toBe(`${appeal.slug}-signatures-2026-03-01.csv`);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    // Every line ends in CRLF: the only bare LF is the one inside the quoted "Line\nBreak".
    expect(csv.replace(/\r\n/g, "").match(/\n/g)).toHaveLength(1);
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(4);

    const [header, ...rows] = parseCsv(csv);
    expect(header).toContain("Email");
    expect(rows).toHaveLength(3);
    const col = (row: string[], name: string) => row[header!.indexOf(name)];
    const first = rows[0]!;
    expect(col(first, "Name")).toBe("Aysel \"Ayka\" Əhmədova");
    expect(col(first, "Role")).toBe("Director, Board");
    expect(col(first, "Organisation")).toBe("'=cmd|' /C calc'!A0");
    expect(col(first, "Email")).toBe(email);
    expect(col(first, "Country code")).toBe("AZ");
    expect(col(first, "Country")).toBe("Azerbaijan");
    expect(col(first, "Show name")).toBe("no");
    expect(col(first, "Domain verified")).toBe("yes");
    expect(col(first, "Status")).toBe("public");
    expect(col(first, "Signed version")).toBe("");
    expect(col(first, "Latest version")).toBe("1");
    expect(col(rows[1]!, "Name")).toBe("Line\nBreak");
    expect(col(rows[1]!, "Status")).toBe("awaiting review");
    expect(col(rows[1]!, "Free mail for an organisation")).toBe("yes");
    expect(col(rows[2]!, "Status")).toBe("withdrawn");
  });
});

describe("publicSignatoriesCsv", () => {
  it("holds only public signatories, what they chose to show, and never an email address", async () => {
    const { appealId, appeal } = await reviewTeam();
    const secret = `secret-${uniqueSuffix()}@example.org`;
    await signature(appealId, { kind: "ORGANISATION", name: "Hidden Name", role: "Secret Role", organisation: "Org, Inc.", country: "AZ", email: secret, showName: false, minutesAgo: 3 });
    await signature(appealId, { kind: "INDIVIDUAL", name: "Jane Doe", role: "Journalist", country: "GE", showCountry: false, minutesAgo: 2 });
    await signature(appealId, { kind: "INDIVIDUAL", name: "Pending Person", status: "PENDING_REVIEW", minutesAgo: 1 });
    await signature(appealId, { kind: "INDIVIDUAL", name: "@evil", organisation: "", minutesAgo: 0 });
    const file = await publicSignatoriesCsv({ slug: appeal.slug, now: new Date() });
    expect(file!.filename).toMatch(new RegExp(`^${appeal.slug}-signatories-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const csv = file!.csv;
    const rows = parseCsv(csv);
    expect(rows).toEqual([
      ["Type", "Name", "Role", "Organisation", "Country", "Country code"],
      ["organisation", "", "", "Org, Inc.", "Azerbaijan", "AZ"],
      ["individual", "Jane Doe", "Journalist", "", "", ""],
      ["individual", "'@evil", "", "", "", ""],
    ]);
    for (const hidden of [secret, "Hidden Name", "Secret Role", "Georgia", "GE", "Pending Person"]) expect(csv).not.toContain(hidden);
    expect(csv.replace("'@evil", "")).not.toContain("@");
  });

  it("is null for drafts and unknown addresses, and works for closed appeals", async () => {
    const draft = await createAppeal({ status: "DRAFT" });
    await signature(draft.id, { name: "Draft Signer" });
    expect(await publicSignatoriesCsv({ slug: draft.slug })).toBeNull();
    expect(await publicSignatoriesCsv({ slug: `missing-${uniqueSuffix()}` })).toBeNull();
    const closed = await createAppeal({ status: "CLOSED" });
    await signature(closed.id, { name: "Final Signer" });
    expect((await publicSignatoriesCsv({ slug: closed.slug }))!.csv).toContain("Final Signer");
    await db().appeal.update({ where: { id: closed.id }, data: { status: "DRAFT" } });
    expect(await publicSignatoriesCsv({ slug: closed.slug })).toBeNull();
  });
});
