import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordTextVersion } from "@/lib/appeals/text-versions";
import { createAppeal, uniqueSuffix } from "@/lib/factories";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { hitRateLimits, type RateLimitHit } from "@/lib/signatures/rate-limit";
import { commitBatch, type SignOnUnit } from "@/lib/signatures/sign-on-batch";
import { signOnAppeal } from "@/lib/signatures/sign-on-appeal";

// Two app instances writing overlapping batches must take their row locks in one order, or each
// can hold a row the other waits for (a deadlock). These tests check the order itself.

describe("hitRateLimits", () => {
  it("upserts the keys in sorted order, and still answers each hit in arrival order", async () => {
    let sent: string[] = [];
    const tx = {
      $queryRaw: async (_sql: TemplateStringsArray, keys: string[], counts: number[]) => {
        sent = keys;
        return keys.map((key, i) => ({ key, count: counts[i]!, windowStart: new Date() }));
      },
    } as unknown as Parameters<typeof hitRateLimits>[0];
    const hits: RateLimitHit[] = Array.from({ length: 30 }, (_, i) => ({ kind: "sign-ip", value: `10.0.0.${i}`, limit: 5 }));
    // The same address twice with a limit of one: the second hit, in arrival order, is over it.
    hits.push({ kind: "sign-ip", value: "10.0.1.1", limit: 1 }, { kind: "sign-ip", value: "10.0.1.1", limit: 1 });
    const results = await hitRateLimits(tx, hits);
    expect(sent).toHaveLength(31);
    expect(sent).toEqual([...sent].sort());
    expect(results.map((r) => r.ok)).toEqual([...Array(30).fill(true), true, false]);
  });
});

describe("commitBatch", () => {
  it("inserts new signatures ordered by appeal and email, each outcome and link still its own request's", async () => {
    const [a, b] = [await createAppeal({ status: "OPEN" }), await createAppeal({ status: "OPEN" })];
    for (const appeal of [a, b]) await db().$transaction((tx) => recordTextVersion(tx, appeal, null));
    const appeals = { a: (await signOnAppeal(a.slug))!, b: (await signOnAppeal(b.slug))! };
    const stamp = uniqueSuffix();
    const unit = (appeal: keyof typeof appeals, local: string): SignOnUnit => {
      const email = `${local}.${stamp}@example.org`;
      return {
        appeal: appeals[appeal], ip: `ip-${uniqueSuffix()}`, email, emailNormalized: email,
        fields: { kind: "INDIVIDUAL", name: `Signer ${local}`, email, showName: true, showCountry: true },
      };
    };
    const units = [unit("b", "zeynep"), unit("a", "mehmet"), unit("b", "anna"), unit("a", "zeynep"), unit("a", "mehmet"), unit("a", "anna")];
    const outcomes = await commitBatch(units);
    expect(outcomes.map((o) => o.kind)).toEqual(["stored", "stored", "stored", "stored", "duplicate", "stored"]);

    // Ids are generated in insertion order.
    const rows = await db().signature.findMany({ where: { appealId: { in: [a.id, b.id] } }, orderBy: { id: "asc" } });
    const inserted = rows.map((r) => [r.appealId, r.emailNormalized] as const);
    expect(inserted).toEqual([...inserted].sort((x, y) => (x[0] + " " + x[1] < y[0] + " " + y[1] ? -1 : 1)));
    expect(inserted).toHaveLength(5);

    // Each confirmation email went to its own signer and confirms that signer's signature.
    for (const u of units.filter((_, i) => outcomes[i]!.kind === "stored")) {
      const [mail] = await db().outboxMessage.findMany({ where: { to: u.email, text: { contains: u.appeal.title } } });
      const token = mail!.text.match(/\/s\/confirm\/([A-Za-z0-9_-]+)/)![1]!;
      expect(await confirmSignature({ token })).toMatchObject({ state: "CONFIRMED", slug: u.appeal.slug });
      expect((await db().signature.findFirstOrThrow({ where: { appealId: u.appeal.id, emailNormalized: u.emailNormalized } })).status).toBe("PUBLIC");
    }
  });
});
