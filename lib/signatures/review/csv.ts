// RFC 4180 CSV for spreadsheets: CRLF line ends, quotes where needed, and a UTF-8 byte order mark
// so that Excel opens Azerbaijani, Cyrillic or Arabic names as text rather than mojibake.

const BOM = "\uFEFF";

// A cell a spreadsheet would run as a formula (CSV injection). A leading apostrophe makes it
// plain text in Excel, LibreOffice and Google Sheets; tab and CR are treated like "=" by some.
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvCell = string | number | boolean | null | undefined;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "boolean" ? (value ? "yes" : "no") : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: a header row, then one row per record, each line ending in CRLF. */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(",") + "\r\n").join("");
}

/** `attachment; filename="<slug>-<what>-<YYYY-MM-DD>.csv"`; slugs are already [a-z0-9-]. */
export function csvFilename(slug: string, what: string, now = new Date()): string {
  const safe = slug.replace(/[^a-z0-9-]/gi, "") || "appeal";
  return `${safe}-${what}-${now.toISOString().slice(0, 10)}.csv`;
}
