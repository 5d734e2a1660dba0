import type { DemoConnectorEndpoints } from "@gemba/connectors/demo/seed-demo-connectors";
import { runMigrations } from "@gemba/db/migrations/run-migrations";
import { deriveAppDatabaseUrl } from "@gemba/db/roles";
import { seedDemoTenant } from "./demo-seed";
import type { TLauncherEnv } from "./env";
import { errorMessage, LauncherError } from "./errors";
import { canConnect, describeUrl } from "./postgres";
import { printStep } from "./print";

export const DEFAULT_APP_DATABASE_PASSWORD = "gemba_app_local";

export type PreparedDatabase = {
  /** What the web app and worker use: the gemba_app role, subject to row-level security. */
  appUrl: string;
  demoSeeded: boolean;
};

type PrepareInput = {
  ownerUrl: string;
  env: Pick<TLauncherEnv, "APP_DATABASE_URL" | "APP_DATABASE_PASSWORD">;
  seedDemo: boolean;
  /** Where the demo connectors point: the plant simulator's endpoints. */
  demoConnectors: DemoConnectorEndpoints;
};

/** Applies pending migrations, works out the application role's URL, seeds the demo tenant. */
export async function prepareDatabase({
  ownerUrl,
  env,
  seedDemo,
  demoConnectors,
}: PrepareInput): Promise<PreparedDatabase> {
  // With an APP_DATABASE_URL of their own, the role's password is the DBA's business unless
  // APP_DATABASE_PASSWORD says otherwise.
  const appRolePassword = env.APP_DATABASE_URL
    ? env.APP_DATABASE_PASSWORD
    : (env.APP_DATABASE_PASSWORD ?? DEFAULT_APP_DATABASE_PASSWORD);
  const result = await runMigrations({
    connectionString: ownerUrl,
    appRolePassword,
    log: (message) => printStep("migrate", message),
  }).catch((error: unknown) => {
    // The runner's messages say what is wrong and what to do; a stack adds nothing for an admin.
    throw new LauncherError(`The database could not be migrated: ${errorMessage(error)}`);
  });
  printStep(
    "migrate",
    result.applied.length > 0
      ? `applied ${result.applied.length} migration(s)`
      : `up to date (${result.alreadyApplied} applied)`,
  );

  const appUrl =
    env.APP_DATABASE_URL ?? deriveAppDatabaseUrl(ownerUrl, appRolePassword ?? DEFAULT_APP_DATABASE_PASSWORD);
  const reachable = await canConnect(appUrl);
  if (!reachable.ok) {
    throw new LauncherError(
      `The application role cannot connect (${describeUrl(appUrl)}): ${reachable.reason}. Check APP_DATABASE_URL / APP_DATABASE_PASSWORD.`,
    );
  }

  if (!seedDemo) {
    printStep("seed", "skipped (GEMBA_SEED_DEMO=false)");
    return { appUrl, demoSeeded: false };
  }
  await seedDemoTenant({ ownerUrl, appUrl }, demoConnectors);
  return { appUrl, demoSeeded: true };
}
