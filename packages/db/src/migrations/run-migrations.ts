import { randomUUID } from "node:crypto";
import pg from "pg";
import { APP_ROLE } from "../roles";
import { type MigrationFile, readMigrationFiles } from "./migration-files";

export type MigrationLog = (message: string) => void;

export type RunMigrationsOptions = {
  /** Connection as the owner of the schema (not the application role). */
  connectionString: string;
  migrationsDir?: string;
  /** When set, the application role gets this password so it can log in. */
  appRolePassword?: string;
  log?: MigrationLog;
};

export type MigrationResult = { applied: string[]; alreadyApplied: number };

// Any constant works; it only has to be the same for every runner so two processes starting
// together (web and worker, parallel test setups) never apply the same migration twice.
const MIGRATION_LOCK_KEY = 727_001_002;

// The same table `prisma migrate deploy` keeps, so either tool sees what the other applied.
const createHistoryTable = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null };

/**
 * Applies every migration in prisma/migrations not yet recorded, each in its own transaction,
 * under an advisory lock. Needs no network and no Prisma engine. Refuses to continue when an
 * applied migration's file was edited afterwards, or when an earlier run failed half-way.
 */
export async function runMigrations(options: RunMigrationsOptions): Promise<MigrationResult> {
  const log = options.log ?? (() => undefined);
  const files = await readMigrationFiles(options.migrationsDir);
  const client = new pg.Client({ connectionString: options.connectionString, application_name: "gemba-migrate" });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(createHistoryTable);
    const { rows } = await client.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((row) => [row.migration_name, row]));
    verifyHistory(files, applied);

    const pending = files.filter((file) => !applied.has(file.name));
    for (const file of pending) {
      log(`applying migration ${file.name}`);
      await applyOne(client, file);
    }
    if (options.appRolePassword !== undefined) {
      // Identifiers cannot be bound as parameters; APP_ROLE is a constant and the password is
      // quoted by Postgres itself.
      const { rows: quoted } = await client.query<{ literal: string }>("SELECT quote_literal($1) AS literal", [
        options.appRolePassword,
      ]);
      await client.query(`ALTER ROLE ${APP_ROLE} WITH LOGIN PASSWORD ${quoted[0]?.literal}`);
    }
    return { applied: pending.map((file) => file.name), alreadyApplied: applied.size };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

function verifyHistory(files: MigrationFile[], applied: Map<string, AppliedRow>): void {
  const byName = new Map(files.map((file) => [file.name, file]));
  for (const row of applied.values()) {
    if (row.finished_at === null) {
      throw new Error(
        `Migration ${row.migration_name} started but never finished. Inspect the database, fix it by hand, then mark the row in "_prisma_migrations" as rolled back.`,
      );
    }
    const file = byName.get(row.migration_name);
    if (!file) {
      throw new Error(
        `The database has migration ${row.migration_name}, which is not in prisma/migrations. It was created by a newer version of Gemba.`,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new Error(
        `Migration ${row.migration_name} was edited after it was applied. Add a new migration instead of changing an applied one.`,
      );
    }
  }
}

async function applyOne(client: pg.Client, file: MigrationFile): Promise<void> {
  const id = randomUUID();
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
      [id, file.checksum, file.name],
    );
    await client.query(file.sql);
    await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [
      id,
    ]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${file.name} failed and was rolled back: ${reason}`, { cause: error });
  }
}
