import { describe, expect, it } from "vitest";
import { formatDeadline, formatLetterDate } from "@/lib/appeals/format-date";

describe("formatLetterDate", () => {
  const d = new Date("2018-07-18T00:00:00Z");
  it("writes the date in the appeal's language", () => {
    expect(formatLetterDate(d, "en")).toBe("18 July 2018");
    expect(formatLetterDate(d, "en-US")).toBe("July 18, 2018");
    expect(formatLetterDate(d, "fr")).toBe("18 juillet 2018");
    expect(formatLetterDate(d, "de")).toBe("18. Juli 2018");
  });
  it("falls back to English for a tag Intl does not know", () => {
    expect(formatLetterDate(d, "zz-invalid-tag-!")).toBe("18 July 2018");
  });
});

describe("formatDeadline", () => {
  const d = new Date("2099-06-30T16:00:00Z");
  it("shows the date and time in the deadline's own time zone, and names it", () => {
    expect(formatDeadline(d, "Europe/Paris")).toBe("30 Jun 2099, 18:00 (Europe/Paris)");
    expect(formatDeadline(d, "America/New_York")).toBe("30 Jun 2099, 12:00 (America/New York)");
    expect(formatDeadline(new Date("2099-06-30T23:30:00Z"), "Asia/Baku")).toBe("1 Jul 2099, 03:30 (Asia/Baku)");
    expect(formatDeadline(d, "Europe/Paris", "long")).toBe("30 June 2099 at 18:00 (Europe/Paris)");
  });
  it("uses UTC when no zone is stored or the stored one is unknown", () => {
    expect(formatDeadline(d, null)).toBe("30 Jun 2099, 16:00 (UTC)");
    expect(formatDeadline(d, "Mars/Olympus")).toBe("30 Jun 2099, 16:00 (UTC)");
  });
});
