import { createDatabase, type Database } from "@gemba/db/client";
import { runMigrations } from "@gemba/db/migrations/run-migrations";
import { deriveAppDatabaseUrl } from "@gemba/db/roles";
import { testEnv } from "@gemba/db/testing/test-env";

// gemba_app is one role for the whole server: it keeps the password the test databases give it,
// so a benchmark running next to the test suites does not lock them out.
const APP_ROLE_PASSWORD = "gemba_app_test";

export type BenchDatabase = {
  name: string;
  /** Created (empty and migrated) by this call. */
  created: boolean;
  app: Database;
  owner: Database;
  close: () => Promise<void>;
};

function urlForDatabase(name: string): string {
  const url = new URL(testEnv.TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

// pg is @gemba/db's dependency, not this package's: its pool comes through createDatabase.
async function withAdmin<T>(work: (admin: Database["pool"]) => Promise<T>): Promise<T> {
  const admin = createDatabase({
    connectionString: testEnv.TEST_DATABASE_URL,
    applicationName: "gemba-bench-setup",
    maxConnections: 1,
  });
  try {
    return await work(admin.pool);
  } finally {
    await admin.close();
  }
}

/** Drops the database when asked to, creates it when missing, and applies pending migrations. */
export async function openBenchDatabase(name: string, options: { fresh: boolean }): Promise<BenchDatabase> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a plain database name: ${name}`);
  const created = await withAdmin(async (admin) => {
    if (options.fresh) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return false;
    await admin.query(`CREATE DATABASE "${name}"`);
    return true;
  });
  const ownerUrl = urlForDatabase(name);
  await runMigrations({ connectionString: ownerUrl, appRolePassword: APP_ROLE_PASSWORD });
  const app = createDatabase({
    connectionString: deriveAppDatabaseUrl(ownerUrl, APP_ROLE_PASSWORD),
    applicationName: "gemba-bench-app",
    maxConnections: 4,
  });
  const owner = createDatabase({ connectionString: ownerUrl, applicationName: "gemba-bench-owner", maxConnections: 2 });
  return {
    name,
    created,
    app,
    owner,
    close: async () => {
      await app.close();
      await owner.close();
    },
  };
}

export async function dropBenchDatabase(database: BenchDatabase): Promise<void> {
  await database.close();
  await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${database.name}" WITH (FORCE)`));
}
