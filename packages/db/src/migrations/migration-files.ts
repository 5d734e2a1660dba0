import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** prisma/migrations at the repository root: the single source of migration SQL. */
export const defaultMigrationsDir = fileURLToPath(new URL("../../../../prisma/migrations", import.meta.url));

export type MigrationFile = {
  /** Folder name, e.g. `20261124000000_init`; sorts in application order. */
  name: string;
  sql: string;
  /** SHA-256 of the SQL, as Prisma records it in `_prisma_migrations.checksum`. */
  checksum: string;
};

export async function readMigrationFiles(dir: string = defaultMigrationsDir): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

/** One hash over every migration: names a migrated template database unambiguously. */
export function fingerprintMigrations(files: MigrationFile[]): string {
  const hash = createHash("sha256");
  for (const file of files) hash.update(`${file.name}:${file.checksum}\n`);
  return hash.digest("hex");
}
