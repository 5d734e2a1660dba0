import { createHash } from "node:crypto";
import { testEnv } from "@gemba/db/testing/test-env";

/**
 * Which browser-test instance this is. One machine may run several at once (each with its own
 * E2E_PORT and NEXT_DIST_DIR): every instance gets its own port pair, database, queues and build.
 */
export const E2E_PORT = Number(process.env.E2E_PORT || 3210);

/** The instance's database: the default instance keeps the historical name. */
export function e2eDatabaseName(port: number = E2E_PORT): string {
  return port === 3210 ? "gemba_e2e" : `gemba_e2e_${port}`;
}

/** The gemba_app role's password in e2e databases (set by serve.ts when it migrates). */
export const E2E_APP_PASSWORD = "gemba_app_e2e";

/** The owner's (superuser's) URL of the instance's database: tests arrange data with it. */
export function e2eOwnerUrl(port: number = E2E_PORT): string {
  const url = new URL(testEnv.TEST_DATABASE_URL);
  url.pathname = `/${e2eDatabaseName(port)}`;
  return url.toString();
}

/**
 * The instance's BullMQ prefix: the web app enqueues there and a worker started by a test takes
 * from there, never touching a developer's running Gemba or another instance on the same Redis.
 */
export function e2eQueuePrefix(port: number = E2E_PORT): string {
  return `gemba-e2e-${port}`;
}

/**
 * The key that seals connector secrets in the instance's database, shared by its web app and any
 * worker a test starts (each must open what the other sealed). Test data only: derived, not secret.
 */
export function e2eSecretsKey(port: number = E2E_PORT): string {
  return createHash("sha256").update(`gemba-e2e-secrets-${port}`).digest("base64");
}
