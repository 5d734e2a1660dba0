import { mkdir } from "node:fs/promises";
import { inheritedEnv, launcherEnv } from "../env";
import { reportError } from "../errors";
import { Lifecycle } from "../lifecycle";
import { dataPaths } from "../paths";
import { print } from "../print";
import { formatSummary, runStage, type Stage, type StageResult, succeeded } from "../summary";
import { ensureTestMqtt, ensureTestPostgres, ensureTestRedis } from "../test-services";

/** The stages of `pnpm test:all`, run one by one so each one's counts can be collected. */
export const TEST_STAGES: Stage[] = [
  { name: "lint", script: "lint" },
  { name: "typecheck", script: "typecheck" },
  { name: "unit", script: "test:unit", report: "vitest" },
  { name: "integration", script: "test:integration", report: "vitest" },
  { name: "e2e", script: "test:e2e", report: "playwright" },
];

/**
 * Every stage runs even after one fails, so a single run reports everything that is wrong; the
 * exit code is non-zero if any failed. The last line is "N passed, N failed".
 */
export async function testCommand(): Promise<never> {
  const lifecycle = new Lifecycle();
  lifecycle.handleSignals();
  lifecycle.watchParent();
  const results: StageResult[] = [];
  try {
    const env = launcherEnv();
    const paths = dataPaths(env.GEMBA_DATA_DIR);
    await ensureTestPostgres(env.TEST_DATABASE_URL);
    await ensureTestRedis(env.TEST_REDIS_URL);
    await ensureTestMqtt();
    await mkdir(paths.testReports, { recursive: true });
    const stageEnv = {
      ...inheritedEnv(),
      TEST_DATABASE_URL: env.TEST_DATABASE_URL,
      TEST_REDIS_URL: env.TEST_REDIS_URL,
      NEXT_TELEMETRY_DISABLED: "1",
      TURBO_TELEMETRY_DISABLED: "1",
    };
    for (const stage of TEST_STAGES) {
      if (lifecycle.isExiting) break;
      results.push(await runStage(stage, { reportsDir: paths.testReports, env: stageEnv, lifecycle }));
    }
  } catch (error) {
    if (!lifecycle.isExiting) reportError(error);
    // Still end on the line CI reads, with the setup counted as a failure.
    results.push({ name: "setup", exit: { code: 1, signal: null }, seconds: 0 });
  }
  print();
  for (const line of formatSummary(results)) print(line);
  return await lifecycle.exit(results.every(succeeded) ? 0 : 1);
}
