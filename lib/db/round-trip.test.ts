import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, databaseKind, db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

// Through the app's own client, on the database of this test run: the embedded PGlite, or
// PostgreSQL when TEST_DATABASE_URL is set. Data is unique per run so runs can share a database.

const suffix = randomBytes(5).toString("hex");
const emails: string[] = [];
const slugs: string[] = [];

afterAll(async () => {
  await db().appeal.deleteMany({ where: { slug: { in: slugs } } });
  await db().user.deleteMany({ where: { email: { in: emails } } });
  await closeDb();
});

describe(`the Prisma client on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("uses the database this test run is configured for", () => {
    expect(databaseKind()).toBe(process.env.TEST_DATABASE_URL ? "postgres" : "pglite");
  });

  it("stores a coordinator and an appeal with its member, and reads them back through the relations", async () => {
    const email = `round-trip-${suffix}@example.org`;
    const slug = `round-trip-${suffix}`;
    emails.push(email);
    slugs.push(slug);

    const user = await db().user.create({ data: { email, name: "Dóra Ñúñez-Əliyeva" } });
    const created = await db().appeal.create({
      data: {
        slug,
        title: "Open letter on the river",
        body: "We, the undersigned…",
        letterDate: new Date("2026-03-08T00:00:00Z"),
        members: { create: { userId: user.id, role: "OWNER" } },
      },
    });

    const appeal = await db().appeal.findUnique({
      where: { slug },
      include: { members: { include: { user: true } } },
    });
    expect(appeal).toMatchObject({
      id: created.id,
      title: "Open letter on the river",
      body: "We, the undersigned…",
      // Schema defaults
      status: "DRAFT",
      language: "en",
      drawnSignature: "OPTIONAL",
      summary: "",
    });
    expect(appeal!.letterDate).toEqual(new Date("2026-03-08T00:00:00Z"));
    expect(appeal!.createdAt).toBeInstanceOf(Date);
    expect(appeal!.members).toHaveLength(1);
    expect(appeal!.members[0]).toMatchObject({ role: "OWNER", notify: "DIGEST", userId: user.id });
    expect(appeal!.members[0]!.user).toMatchObject({ id: user.id, email, name: "Dóra Ñúñez-Əliyeva" });

    // And from the other side: the coordinator's appeals.
    const mine = await db().user.findUniqueOrThrow({
      where: { email },
      include: { memberships: { include: { appeal: { select: { slug: true } } } } },
    });
    expect(mine.memberships.map((m) => m.appeal.slug)).toEqual([slug]);
  });

  it("refuses a second appeal with the same slug with Prisma's unique-constraint error P2002", async () => {
    const slug = `taken-${suffix}`;
    slugs.push(slug);
    await db().appeal.create({ data: { slug, title: "First" } });

    const failure = await db()
      .appeal.create({ data: { slug, title: "Second" } })
      .catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect((failure as Prisma.PrismaClientKnownRequestError).code).toBe("P2002");
    expect(JSON.stringify((failure as Prisma.PrismaClientKnownRequestError).meta)).toContain("slug");

    // The first appeal is untouched and the second was not stored.
    expect(await db().appeal.findMany({ where: { slug }, select: { title: true } })).toEqual([{ title: "First" }]);
  });
});
