import type { Appeal } from "@/lib/generated/prisma/client";
import { deadlineLocalValue } from "@/lib/schemas/appeal";

const on = (b: boolean) => (b ? "on" : "");

/** The editor's starting values: a new appeal's defaults, or what is saved. */
export function appealFormDefaults(appeal?: Appeal): Record<string, string> {
  if (!appeal) {
    return {
      title: "", slug: "", summary: "", organisers: "", recipient: "", place: "", letterDate: "", salutation: "", body: "",
      closing: "Sincerely,", language: "en", allowOrganisations: "on", allowIndividuals: "on",
      drawnSignature: "OPTIONAL", requireApproval: "", publicPdf: "", pageSize: "A4", signatoryLayout: "AUTO",
      deadline: "", deadlineTimeZone: "",
    };
  }
  return {
    title: appeal.title,
    slug: appeal.slug,
    summary: appeal.summary,
    organisers: appeal.organisers,
    recipient: appeal.recipient,
    place: appeal.place,
    letterDate: appeal.letterDate ? appeal.letterDate.toISOString().slice(0, 10) : "",
    salutation: appeal.salutation,
    body: appeal.body,
    closing: appeal.closing,
    language: appeal.language,
    allowOrganisations: on(appeal.allowOrganisations),
    allowIndividuals: on(appeal.allowIndividuals),
    drawnSignature: appeal.drawnSignature,
    requireApproval: on(appeal.requireApproval),
    publicPdf: on(appeal.publicPdf),
    pageSize: appeal.pageSize,
    signatoryLayout: appeal.signatoryLayout,
    deadline: appeal.deadline && appeal.deadlineTimeZone ? deadlineLocalValue(appeal.deadline, appeal.deadlineTimeZone) : "",
    deadlineTimeZone: appeal.deadlineTimeZone ?? "",
    // Sent back with the form: a save whose appeal changed since is refused (see updateAppeal).
    updatedAt: appeal.updatedAt.toISOString(),
  };
}

export function timeZoneList(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];
}
