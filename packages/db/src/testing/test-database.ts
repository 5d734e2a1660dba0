import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDatabase, type Database } from "../client";
import { fingerprintMigrations, readMigrationFiles } from "../migrations/migration-files";
import { runMigrations } from "../migrations/run-migrations";
import { deriveAppDatabaseUrl } from "../roles";
import { testEnv } from "./test-env";

const APP_ROLE_PASSWORD = "gemba_app_test";
const TEMPLATE_READY = "gemba migrated template";
// Test databases older than this are leftovers of a crashed run, safe to drop.
const STALE_AFTER_SECONDS = 3 * 60 * 60;

function urlForDatabase(name: string): string {
  const url = new URL(testEnv.TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testEnv.TEST_DATABASE_URL, application_name: "gemba-test-setup" });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates (once per set of migrations) a database with every migration applied, to be copied
 * by `CREATE DATABASE … TEMPLATE`, which takes milliseconds instead of a migration run per test file.
 */
export async function prepareTemplateDatabase(): Promise<string> {
  const fingerprint = fingerprintMigrations(await readMigrationFiles()).slice(0, 16);
  const template = `gemba_tpl_${fingerprint}`;
  await withAdmin(async (admin) => {
    await admin.query("SELECT pg_advisory_lock(727001003)");
    try {
      await dropStaleTestDatabases(admin);
      const { rows } = await admin.query<{ description: string | null }>(
        "SELECT shobj_description(oid, 'pg_database') AS description FROM pg_database WHERE datname = $1",
        [template],
      );
      if (rows[0]?.description === TEMPLATE_READY) return;
      if (rows.length > 0) await admin.query(`DROP DATABASE "${template}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${template}"`);
      await runMigrations({ connectionString: urlForDatabase(template), appRolePassword: APP_ROLE_PASSWORD });
      await admin.query(`COMMENT ON DATABASE "${template}" IS '${TEMPLATE_READY}'`);
    } finally {
      await admin.query("SELECT pg_advisory_unlock(727001003)");
    }
  });
  return template;
}

async function dropStaleTestDatabases(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE 'gemba\\_t\\_%' OR datname LIKE 'gemba\\_tpl\\_%'",
  );
  const now = Math.floor(Date.now() / 1000);
  for (const { datname } of rows) {
    const createdAt = Number(datname.split("_")[2]);
    if (datname.startsWith("gemba_t_") && Number.isFinite(createdAt) && now - createdAt > STALE_AFTER_SECONDS) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  }
}

export type TestDatabase = {
  name: string;
  /** Owner (superuser) connection: for setup that the application itself may not do. */
  ownerUrl: string;
  /** Application-role connection: subject to row-level security like production. */
  appUrl: string;
  /** Application-role database handle (Prisma + pg pool). */
  app: Database;
  /** Owner database handle, for fixtures (creating tenants) and for inspecting the catalog. */
  owner: Database;
  drop: () => Promise<void>;
};

/** A fresh, fully migrated database for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = await prepareTemplateDatabase();
  const name = `gemba_t_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString("hex")}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  const ownerUrl = urlForDatabase(name);
  const appUrl = deriveAppDatabaseUrl(ownerUrl, APP_ROLE_PASSWORD);
  const app = createDatabase({ connectionString: appUrl, applicationName: "gemba-test-app", maxConnections: 4 });
  const owner = createDatabase({ connectionString: ownerUrl, applicationName: "gemba-test-owner", maxConnections: 2 });
  return {
    name,
    ownerUrl,
    appUrl,
    app,
    owner,
    drop: async () => {
      await app.close();
      await owner.close();
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
