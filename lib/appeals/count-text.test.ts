import { expect, it } from "vitest";
import { signedCountText } from "@/lib/appeals/count-text";

it("says how many signed, in good English for every count", () => {
  expect(signedCountText(0, 0)).toBe("No one has signed yet.");
  expect(signedCountText(1, 0)).toBe("1 organisation has signed.");
  expect(signedCountText(0, 1)).toBe("1 individual has signed.");
  expect(signedCountText(41, 112)).toBe("41 organisations and 112 individuals have signed.");
  expect(signedCountText(1200, 0)).toBe("1,200 organisations have signed.");
});
