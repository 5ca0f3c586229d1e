import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { readMigrations, type Migration } from "@/lib/db/migrate";

const SCHEMA_PATH = path.join("prisma", "schema.prisma");

/**
 * The SQL that takes a database built from `migrations` to the datamodel in `schema`,
 * or null when there is nothing to change.
 */
export async function diffSchemaAgainstMigrations(
  schema = fs.readFileSync(path.join(process.cwd(), SCHEMA_PATH), "utf8"),
  migrations: Migration[] = readMigrations(),
): Promise<string | null> {
  const shadow = new PGlite();
  try {
    for (const m of migrations) await shadow.exec(m.sql);
    const engine = await loadSchemaEngine(shadow);
    const files = [{ path: SCHEMA_PATH, content: schema }];
    const result = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: process.cwd() },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    } as never);
    return result.exitCode === 0 ? null : result.stdout;
  } finally {
    await shadow.close();
  }
}

type SchemaEngineRuntime = {
  SchemaEngine: { new: (...args: unknown[]) => Promise<{ diff(p: unknown): Promise<{ exitCode: number; stdout: string }> }> };
};

// The wasm-bindgen glue caches views of the instance's memory at module level, so the module must be
// instantiated once per process: a second instance made the next diff read the old memory
// ("The encoded data was not valid for encoding utf-8") and hang.
let runtime: Promise<SchemaEngineRuntime> | undefined;

function loadRuntime(): Promise<SchemaEngineRuntime> {
  return (runtime ??= (async () => {
    const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = path.join(process.cwd(), "node_modules/@prisma/schema-engine-wasm/schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    const r = glue as unknown as SchemaEngineRuntime & { __wbg_set_wasm(exports: WebAssembly.Exports): void };
    r.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return r;
  })());
}

async function loadSchemaEngine(shadow: PGlite) {
  const r = await loadRuntime();
  return r.SchemaEngine.new(
    { datamodels: undefined },
    () => {},
    bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(shadow)),
  );
}
