import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI is used here only to generate the client; migrations are authored and applied
// by prisma/new-migration.ts and prisma/migrate.ts (see README: Prisma's engine can't be fetched).
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  datasource: { url: "postgresql://unused@localhost/unused" },
});
