import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { diffSchemaAgainstMigrations } from "@/lib/db/schema-diff";

const root = path.resolve(import.meta.dirname, "../..");
const schema = fs.readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8");

/** The SQL statements of a script, without comments and with whitespace collapsed. */
function statements(sql: string): string[] {
  return sql
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("--"))
    .join("\n")
    .split(";")
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

describe("diffSchemaAgainstMigrations (what db:new-migration writes)", () => {
  it("has nothing to write for the committed schema: every schema change has its migration", async () => {
    const drift = await diffSchemaAgainstMigrations();
    // On failure this shows the SQL a forgotten `npm run db:new-migration -- <name>` would have written.
    expect(drift).toBeNull();
  });

  it("turns a new optional field into exactly one ALTER TABLE … ADD COLUMN", async () => {
    const edited = schema.replace(/^model User \{\n/m, "model User {\n  nickname String?\n");
    expect(edited).not.toBe(schema);

    const sql = await diffSchemaAgainstMigrations(edited);
    expect(sql).not.toBeNull();
    expect(statements(sql!)).toEqual([`ALTER TABLE "User" ADD COLUMN "nickname" TEXT`]);
  });

  it("writes the statements for a new model with an index and a foreign key", async () => {
    const edited = `${schema}
model Note {
  id     String @id
  userId String
  user   User   @relation(fields: [userId], references: [id], onDelete: Cascade)

  @@index([userId])
}
`.replace(/^(model User \{\n)/m, "$1  notes Note[]\n");

    const sql = await diffSchemaAgainstMigrations(edited);
    const found = statements(sql ?? "");
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/^CREATE TABLE "Note" \(/);
    expect(found[1]).toBe(`CREATE INDEX "Note_userId_idx" ON "Note"("userId")`);
    expect(found[2]).toMatch(/^ALTER TABLE "Note" ADD CONSTRAINT "Note_userId_fkey" FOREIGN KEY \("userId"\) REFERENCES "User"\("id"\) ON DELETE CASCADE/);
  });
});
