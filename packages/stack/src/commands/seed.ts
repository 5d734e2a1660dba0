import { mkdir } from "node:fs/promises";
import { launcherEnv } from "../env";
import { reportError } from "../errors";
import { acquireLauncherLock, runningLauncher } from "../launcher-lock";
import { Lifecycle } from "../lifecycle";
import { dataPaths } from "../paths";
import { assertReachable, describeUrl, resolvePostgres } from "../postgres";
import { prepareDatabase } from "../prepare-database";
import { printStep } from "../print";
import { loadOrCreateSecrets } from "../secrets";
import { simulatorEndpoints } from "../simulator-endpoints";

/**
 * Migrates and seeds the demo tenant, then exits: against DATABASE_URL (the e2e setup, an admin
 * preparing a server), or else the embedded Postgres — the running one if `npm start` is up.
 */
export async function seedCommand(): Promise<never> {
  const lifecycle = new Lifecycle();
  lifecycle.handleSignals();
  try {
    const env = launcherEnv();
    let ownerUrl: string;
    if (env.DATABASE_URL) {
      await assertReachable(env.DATABASE_URL, "DATABASE_URL");
      printStep("postgres", `DATABASE_URL (${describeUrl(env.DATABASE_URL)})`);
      ownerUrl = env.DATABASE_URL;
    } else {
      const paths = dataPaths(env.GEMBA_DATA_DIR);
      await mkdir(paths.root, { recursive: true });
      const running = (await runningLauncher(paths.launcherLock)) !== undefined;
      if (!running) lifecycle.defer("launcher lock", (await acquireLauncherLock(paths.launcherLock)).release);
      const secrets = await loadOrCreateSecrets(paths.secrets);
      const postgres = await resolvePostgres({ env, paths, secrets, lifecycle, embeddedAlreadyRunning: running });
      ownerUrl = postgres.ownerUrl;
    }
    // Asked for explicitly, so GEMBA_SEED_DEMO does not apply.
    await prepareDatabase({ ownerUrl, env, seedDemo: true, demoConnectors: simulatorEndpoints(env) });
    return await lifecycle.exit(0);
  } catch (error) {
    if (!lifecycle.isExiting) reportError(error);
    return await lifecycle.exit(1);
  }
}
