import { describe, expect, it } from "vitest";
import { signatoryListPage } from "./signatory-list-page";

const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, line: `${prefix} ${i + 1}` }));

describe("signatoryListPage", () => {
  const list = { organisations: people("Org", 5), individuals: people("Person", 4) };

  it("pages through organisations, then individuals, each signer exactly once, numbered within its group", () => {
    const pages = [1, 2, 3].map((n) => signatoryListPage(list, n === 1 ? undefined : String(n), 4)!);
    expect(pages.map((p) => p.pages)).toEqual([3, 3, 3]);
    expect(pages.flatMap((p) => [...p.organisations.items, ...p.individuals.items].map((s) => s.line))).toEqual([
      ...list.organisations.map((s) => s.line),
      ...list.individuals.map((s) => s.line),
    ]);
    expect(pages[1]!.organisations).toMatchObject({ start: 5, items: [{ line: "Org 5" }] });
    expect(pages[1]!.individuals).toMatchObject({ start: 1, items: [{ line: "Person 1" }, { line: "Person 2" }, { line: "Person 3" }] });
    expect(pages[2]!.organisations.items).toEqual([]);
    expect(pages[2]!.individuals).toMatchObject({ start: 4, items: [{ line: "Person 4" }] });
  });

  it("has one (empty) first page for no signers, and no page past the last or that is not a number", () => {
    expect(signatoryListPage({ organisations: [], individuals: [] }, undefined)).toMatchObject({ page: 1, pages: 1 });
    for (const bad of ["4", "0", "-1", "2x", "1e3", ""]) expect(signatoryListPage(list, bad, 4), bad).toBeNull();
    expect(signatoryListPage(list, ["2", "3"], 4)!.page).toBe(2);
  });
});
