import { describe, expect, it } from "vitest";
import { encodeCursor } from "@/lib/api/cursor";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, signatoriesQuerySchema, slugParamSchema } from "@/lib/api/params";

const query = (q: Record<string, string | undefined>) => signatoriesQuerySchema.safeParse(q);

describe("signatories query", () => {
  it("defaults to the first page of 50", () => {
    expect(query({}).data).toEqual({ limit: DEFAULT_PAGE_SIZE });
    expect(query({ cursor: "", limit: "" }).data).toEqual({ limit: DEFAULT_PAGE_SIZE });
  });

  it("clamps a limit above the maximum and refuses one that is not a positive whole number", () => {
    expect(query({ limit: "1" }).data?.limit).toBe(1);
    expect(query({ limit: "100" }).data?.limit).toBe(100);
    expect(query({ limit: "101" }).data?.limit).toBe(MAX_PAGE_SIZE);
    expect(query({ limit: "999999999" }).data?.limit).toBe(MAX_PAGE_SIZE);
    for (const bad of ["0", "-1", "1.5", "ten", "1e3", "9999999999"]) expect(query({ limit: bad }).success, bad).toBe(false);
  });

  it("decodes a cursor and refuses a forged one with a message", () => {
    const cursor = encodeCursor({ offset: 100, asOf: 5 });
    expect(query({ cursor }).data).toEqual({ cursor: { offset: 100, asOf: 5 }, limit: DEFAULT_PAGE_SIZE });
    const bad = query({ cursor: "bm90LWEtY3Vyc29y" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["cursor"]);
  });
});

it("accepts only slugs an appeal can have", () => {
  expect(slugParamSchema.safeParse("free-the-reporters-2").success).toBe(true);
  for (const bad of ["", "Free", "a--b", "-a", "a/b", "x".repeat(81)]) expect(slugParamSchema.safeParse(bad).success, bad).toBe(false);
});
