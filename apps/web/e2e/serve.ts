import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { hashPassword } from "@gemba/auth/password";
import { createDatabase } from "@gemba/db/client";
import { runMigrations } from "@gemba/db/migrations/run-migrations";
import { deriveAppDatabaseUrl } from "@gemba/db/roles";
import { seedDemo } from "@gemba/db/seed/seed-demo";
import { testEnv } from "@gemba/db/testing/test-env";
import pg from "pg";
import { E2E_APP_PASSWORD, e2eDatabaseName, e2eOwnerUrl, e2eQueuePrefix, e2eSecretsKey } from "./e2e-instance";
import { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, startOidcTestProvider } from "./oidc-test-provider";

/**
 * The browser tests' server: a fresh database (`gemba_e2e` for the default instance) with the demo plant (a few days of
 * history keep it quick), a real OpenID Connect provider for single sign-on, then `next start`
 * on the production build.
 */
const port = process.argv[2] ?? "3210";
const oidcPort = Number(port) + 1;
const DATABASE = e2eDatabaseName(Number(port));

async function prepareDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: testEnv.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${DATABASE}"`);
  await admin.end();

  const ownerUrl = e2eOwnerUrl(Number(port));
  await runMigrations({ connectionString: ownerUrl, appRolePassword: E2E_APP_PASSWORD });
  const appUrl = deriveAppDatabaseUrl(ownerUrl, E2E_APP_PASSWORD);
  const owner = createDatabase({ connectionString: ownerUrl, applicationName: "gemba-e2e-seed" });
  const app = createDatabase({ connectionString: appUrl, applicationName: "gemba-e2e-seed" });
  try {
    await seedDemo({ owner, app, hashPassword, historyDays: 3 });
  } finally {
    await owner.close();
    await app.close();
  }
  return appUrl;
}

const appUrl = await prepareDatabase();
await startOidcTestProvider({ port: oidcPort, redirectUri: `http://127.0.0.1:${port}/api/auth/callback/oidc` });
const server = spawn("node_modules/.bin/next", ["start", "-p", port, "-H", "127.0.0.1"], {
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    APP_DATABASE_URL: appUrl,
    REDIS_URL: testEnv.TEST_REDIS_URL,
    QUEUE_PREFIX: e2eQueuePrefix(Number(port)),
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    SECRETS_KEY: e2eSecretsKey(Number(port)),
    OIDC_ISSUER: `http://127.0.0.1:${oidcPort}`,
    OIDC_CLIENT_ID,
    OIDC_CLIENT_SECRET,
    OIDC_DISPLAY_NAME: "Plant SSO",
  },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
