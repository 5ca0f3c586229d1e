import { describe, expect, it } from "vitest";
import { formatLetterDate } from "@/lib/appeals/format-date";

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
