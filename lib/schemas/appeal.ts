import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import { containsRawHtml } from "@/lib/markdown/letter-markdown";

// One schema for the appeal editor: the form shows its messages next to each field and the
// Server Action parses the same FormData with it.

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label} can have at most ${max.toLocaleString("en")} characters.`)
    .transform((s) => s.replace(/\r\n?/g, "\n").trim());

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("")])
  .optional()
  .transform((v) => v === "on" || v === "true");

function isKnownLanguage(tag: string): boolean {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    if (!canonical) return false;
    const language = canonical.split("-")[0]!;
    return new Intl.DisplayNames(["en"], { type: "language", fallback: "none" }).of(language) !== undefined;
  } catch {
    return false;
  }
}

/** The tag as BCP 47 spells it ("EN-us" → "en-US", "iw" → "he"), so equal languages store and hash equally. */
export function canonicalLanguage(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? tag;
  } catch {
    return tag;
  }
}

const isUndetermined = (tag: string) => canonicalLanguage(tag).split("-")[0] === "und";

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const appealFields = z.object({
  title: text(300, "The title").pipe(z.string().min(1, "Give the appeal a title: it is the letter's subject line.")),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(80, "The address can have at most 80 characters.")
    .refine((s) => s === "" || (s.length >= 3 && SLUG_PATTERN.test(s)), {
      message: "Use at least 3 lower-case letters, digits and single hyphens, like release-detained-journalists.",
    }),
  summary: text(300, "The summary"),
  // Optional in what is posted: a form opened before the field existed still saves.
  organisers: z.string().default("").pipe(text(500, "The organisers")),
  recipient: text(1000, "The recipient block"),
  place: text(200, "The place line"),
  letterDate: z
    .string()
    .trim()
    .refine((s) => s === "" || (/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`))), {
      message: "Enter the letter's date as a calendar date.",
    }),
  salutation: text(200, "The salutation"),
  body: text(50_000, "The letter").refine((s) => !containsRawHtml(s), {
    message: "HTML is not allowed; use Markdown: **bold**, *italic*, [text](https://…), lists with 1. or -.",
  }),
  closing: text(200, "The closing"),
  language: z
    .string()
    .trim()
    .min(1, "Choose the letter's language.")
    .refine((s) => !isUndetermined(s), { message: "\u201cund\u201d means an undetermined language: give the letter's language, like en, fr, az or pt-BR.", abort: true })
    .refine(isKnownLanguage, { message: "This is not a language tag we know, like en, fr, az or pt-BR." })
    .transform(canonicalLanguage),
  allowOrganisations: checkbox,
  allowIndividuals: checkbox,
  drawnSignature: z.enum(["OFF", "OPTIONAL", "REQUIRED"], { error: "Choose whether signers draw a signature." }),
  requireApproval: checkbox,
  publicPdf: checkbox,
  pageSize: z.enum(["A4", "LETTER"], { error: "Choose a page size." }),
  signatoryLayout: z.enum(["AUTO", "SIGNATURES", "LIST"], { error: "Choose how signatories are printed." }),
  deadline: z
    .string()
    .trim()
    .refine((s) => s === "" || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(s), { message: "Enter a date and time." }),
  deadlineTimeZone: z
    .string()
    .trim()
    .refine((s) => s === "" || isTimeZone(s), { message: "Choose a time zone from the list." }),
  confirmNewVersion: checkbox,
});

export const DEADLINE_IN_PAST = "The deadline must be in the future.";

/** The deadline's instant when both of its fields are well formed, else null. */
export function formDeadline(v: { deadline: string; deadlineTimeZone: string }): Date | null {
  if (!v.deadline || !isTimeZone(v.deadlineTimeZone) || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v.deadline)) return null;
  return deadlineInstant(v.deadline, v.deadlineTimeZone);
}

const minute = (d: Date) => Math.floor(d.getTime() / 60_000);

/**
 * Whether the deadline typed must be refused for being past: only a new or moved deadline has to
 * lie ahead. The editor shows the stored deadline back (to the minute), so an appeal that closed
 * at its deadline can still have its other fields saved.
 */
export function isPastNewDeadline(v: { deadline: string; deadlineTimeZone: string }, stored: Date | null, now = new Date()): boolean {
  const instant = formDeadline(v);
  if (!instant || instant > now) return false;
  return !stored || minute(stored) !== minute(instant);
}

function checkAppeal(
  v: z.output<typeof appealFields>,
  ctx: z.RefinementCtx,
  { checkPastDeadline }: { checkPastDeadline: boolean },
) {
  if (!v.allowOrganisations && !v.allowIndividuals) {
    ctx.addIssue({ code: "custom", path: ["allowOrganisations"], message: "Let organisations, individuals or both sign." });
  }
  if (v.deadline && !v.deadlineTimeZone) {
    ctx.addIssue({ code: "custom", path: ["deadlineTimeZone"], message: "Choose the deadline's time zone." });
  } else if (checkPastDeadline && isPastNewDeadline(v, null)) {
    ctx.addIssue({ code: "custom", path: ["deadline"], message: DEADLINE_IN_PAST });
  }
}

/** A new appeal: any deadline must lie ahead. */
export const appealFormSchema = appealFields.superRefine((v, ctx) => checkAppeal(v, ctx, { checkPastDeadline: true }), { when: () => true });

/**
 * A saved appeal: the same fields, but whether a past deadline is acceptable depends on the
 * stored one, so `updateAppeal` decides that (with `isPastNewDeadline`) inside its transaction.
 */
export const appealEditSchema = appealFields.superRefine((v, ctx) => checkAppeal(v, ctx, { checkPastDeadline: false }), { when: () => true });

/** The instant a wall-clock deadline ("2026-12-01T18:00") in an IANA time zone stands for. */
export function deadlineInstant(local: string, timeZone: string): Date | null {
  if (!local) return null;
  const [date, time] = local.split("T") as [string, string];
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, timeZone).getTime());
}

/** The wall-clock value for a datetime-local input showing `instant` in `timeZone`. */
export function deadlineLocalValue(instant: Date, timeZone: string): string {
  const t = new TZDate(instant.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}T${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

export type AppealFormInput = z.input<typeof appealFormSchema>;
export type AppealFormValues = z.output<typeof appealFormSchema>;
export const APPEAL_FORM_FIELDS = Object.keys(appealFields.shape) as (keyof AppealFormValues)[];
