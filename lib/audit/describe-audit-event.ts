// Human labels for the audit log. Pure, so the page and the tests share it. Unknown actions (from
// features added later) still read sensibly: "signature.approved" becomes "Signature approved".

import { LETTER_TEXT_FIELDS } from "@/lib/appeals/letter-text";

type Details = Record<string, unknown>;

const str = (d: Details, key: string) => (typeof d[key] === "string" ? (d[key] as string) : undefined);
const num = (d: Details, key: string) => (typeof d[key] === "number" ? (d[key] as number) : undefined);
const versionSuffix = (d: Details) => (num(d, "version") !== undefined ? ` (version ${num(d, "version")})` : "");
const someone = (d: Details) => str(d, "email") ?? "a coordinator";
const PRINTED = new Set<string>(LETTER_TEXT_FIELDS);

// Saves record the fields they changed; one that changed nothing that prints changed the settings
// (sign-on options, deadline, address, summary). Older entries have no field list: text edits.
function describeEdit(d: Details): string {
  if (Array.isArray(d.fields) && d.fields.length > 0 && !d.fields.some((f) => PRINTED.has(String(f)))) return "Changed the settings";
  return `Edited the text${versionSuffix(d)}`;
}

const labels: Record<string, (d: Details) => string> = {
  "appeal.created": () => "Created the appeal",
  "appeal.seeded": () => "Created the appeal (demo data)",
  "appeal.edited": describeEdit,
  "appeal.published": (d) => `Published${versionSuffix(d)}`,
  "appeal.closed": (d) => (d.reason === "deadline" ? "Closed automatically at the deadline" : "Closed"),
  "appeal.reopened": () => "Reopened for signatures",
  "appeal.archived": () => "Archived",
  "appeal.restored": () => "Restored from the archive",
  "member.invited": (d) => `Invited ${someone(d)} as ${d.role === "OWNER" ? "owner" : "editor"}`,
  "member.removed": (d) => (d.left === true ? "Left the appeal" : `Removed ${someone(d)}`),
  "member.ownership-transferred": (d) => `Made ${someone(d)} the owner`,
  "signature.approved": (d) => `Approved ${count(d, "signature")}`,
  "signature.rejected": (d) => `Rejected ${count(d, "signature")}`,
  "signature.edited": (d) => `Corrected a signature (${Array.isArray(d.fields) ? d.fields.join(", ") : "display fields"})`,
  "signature.added": () => "Added a signatory by hand",
  "signature.moved": () => "Moved a signatory in the letter's order",
  "signature.order-changed": (d) => `Changed the letter's order to ${String(d.to ?? "").toLowerCase() || "another order"}`,
  "signature.withdrawn": () => "A signer withdrew their signature",
  "letter.exported": (d) => `Exported the signed letter${num(d, "signatories") !== undefined ? ` with ${count(d, "signatories", "signatory", "signatories")}` : ""}${versionSuffix(d)}`,
  "letter.logo-added": () => "Added a letterhead logo",
  "letter.logo-removed": () => "Removed a letterhead logo",
  "letter.logo-moved": () => "Reordered the letterhead logos",
};

function count(d: Details, key: string, one = key, many = `${key}s`): string {
  const n = num(d, key === "signature" ? "count" : key) ?? 1;
  return `${n} ${n === 1 ? one : many}`;
}

function fallback(action: string): string {
  const words = action.replace(/[._-]+/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : "Unknown change";
}

export function describeAuditEvent(action: string, details: unknown): string {
  const d = details && typeof details === "object" && !Array.isArray(details) ? (details as Details) : {};
  return labels[action]?.(d) ?? fallback(action);
}
