// A bare "en" appeal is written the international way ("18 July 2018"), as in the letters this
// tool reproduces; "en-US" still gets "July 18, 2018".
const dateLocale = (language: string) => (language.toLowerCase() === "en" ? "en-GB" : language);

/** A calendar date as the appeal's language writes it in a letter ("18 July 2018", "18 juillet 2018"). */
export function formatLetterDate(date: Date, language: string): string {
  try {
    return new Intl.DateTimeFormat(dateLocale(language), { dateStyle: "long", timeZone: "UTC" }).format(date);
  } catch {
    return new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(date);
  }
}

/**
 * A deadline for coordinators: date and time as the clock reads in the zone it was set in, with
 * that zone named ("30 Jun 2099, 18:00 (Europe/Paris)"). No zone stored means UTC.
 */
export function formatDeadline(instant: Date, timeZone: string | null, dateStyle: "medium" | "long" = "medium"): string {
  const zone = timeZone || "UTC";
  try {
    return `${new Intl.DateTimeFormat("en-GB", { dateStyle, timeStyle: "short", timeZone: zone }).format(instant)} (${zone.replace(/_/g, " ")})`;
  } catch {
    return `${new Intl.DateTimeFormat("en-GB", { dateStyle, timeStyle: "short", timeZone: "UTC" }).format(instant)} (UTC)`;
  }
}
