import { mkdir } from "node:fs/promises";
import { appEnv, publicUrl } from "../app-env";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../demo-accounts";
import { launcherEnv } from "../env";
import { LauncherError, reportError } from "../errors";
import { waitForHealth } from "../health";
import { acquireLauncherLock } from "../launcher-lock";
import { Lifecycle } from "../lifecycle";
import { dataPaths, displayPath, repoRoot } from "../paths";
import { assertPortFree } from "../ports";
import { resolvePostgres } from "../postgres";
import { prepareDatabase } from "../prepare-database";
import { colors, colorWanted, frame, print, printError, printStep } from "../print";
import { describeExit, type ManagedChild, runToCompletion, spawnManaged } from "../processes";
import { resolveRedis } from "../redis";
import { loadOrCreateSecrets } from "../secrets";
import { simulatorEndpoints, simulatorEnv } from "../simulator-endpoints";

export type StartOptions = {
  /** `next dev` and `tsx watch` instead of a production build. */
  dev: boolean;
};

/** Runs the whole platform until Ctrl+C, or until a part of it dies. */
export async function startCommand({ dev }: StartOptions): Promise<never> {
  const lifecycle = new Lifecycle();
  lifecycle.handleSignals();
  lifecycle.watchParent();
  try {
    const env = launcherEnv();
    const paths = dataPaths(env.GEMBA_DATA_DIR);
    await mkdir(paths.root, { recursive: true });
    const lock = await acquireLauncherLock(paths.launcherLock);
    lifecycle.defer("launcher lock", lock.release);
    await assertPortFree(env.PORT, "PORT");

    const secrets = await loadOrCreateSecrets(paths.secrets);
    const postgres = await resolvePostgres({ env, paths, secrets, lifecycle });
    const redis = await resolveRedis({ env, paths, lifecycle });
    const database = await prepareDatabase({
      ownerUrl: postgres.ownerUrl,
      env,
      seedDemo: env.GEMBA_SEED_DEMO,
      demoConnectors: simulatorEndpoints(env),
    });

    const url = publicUrl(env);
    const childEnv = appEnv({
      env,
      secrets: secrets.secrets,
      appUrl: database.appUrl,
      redisUrl: redis.url,
      publicUrl: url,
      mode: dev ? "development" : "production",
      color: colorWanted(env),
      opcuaClientPki: paths.opcuaClientPki,
    });
    if (!dev) await buildWeb(childEnv, lifecycle);
    if (lifecycle.isExiting) return await lifecycle.exit(1);

    const children = [
      spawnManaged({
        name: "worker",
        command: "pnpm",
        args: ["--filter", "@gemba/worker", dev ? "dev" : "start"],
        cwd: repoRoot,
        env: childEnv,
        output: "prefixed",
        paint: colors().magenta,
      }),
      spawnManaged({
        name: "web",
        command: "pnpm",
        args: ["--filter", "@gemba/web", dev ? "dev" : "start"],
        cwd: repoRoot,
        env: childEnv,
        output: "prefixed",
        paint: colors().blue,
      }),
    ];
    // The simulator is the demo's plant; it may fail (no MQTT broker) without taking Gemba down.
    const simulator =
      database.demoSeeded && env.GEMBA_SIMULATOR
        ? spawnManaged({
            name: "simulator",
            command: "pnpm",
            args: ["--filter", "@gemba/simulator", "start"],
            cwd: repoRoot,
            env: simulatorEnv(env, childEnv),
            output: "prefixed",
            paint: colors().cyan,
          })
        : undefined;
    for (const child of [...children, ...(simulator ? [simulator] : [])]) await lock.recordChild(child.pid);
    if (simulator) {
      lifecycle.defer("simulator", async () => void (await simulator.stop()));
      void simulator.exited.then((exit) => {
        if (!lifecycle.isExiting)
          printError(`the plant simulator ${describeExit(exit)}; Gemba keeps running without live demo data.`);
      });
    }
    lifecycle.defer("web and worker", async () => {
      await Promise.all(children.map((child) => child.stop()));
    });

    const failure = firstFailure(children, [
      postgres.exited?.then(() => "the embedded Postgres stopped"),
      redis.exited?.then(() => "redis-server stopped"),
    ]);
    const ready = new AbortController();
    void failure.then(() => ready.abort());
    printStep("web", `waiting for ${url}/api/health`);
    await waitForHealth({
      url: `http://127.0.0.1:${env.PORT}/api/health`,
      timeoutMs: env.GEMBA_READY_TIMEOUT_SECONDS * 1000,
      signal: ready.signal,
    });
    if (!ready.signal.aborted) printReady(url, database.demoSeeded, env.DATABASE_URL ? undefined : paths.root);

    const reason = await failure;
    if (lifecycle.isExiting) return await lifecycle.exit(0);
    printError(`${reason}; stopping Gemba.`);
    return await lifecycle.exit(1);
  } catch (error) {
    if (!lifecycle.isExiting) reportError(error);
    return await lifecycle.exit(1);
  }
}

/** Builds the web app through turbo, whose cache makes the second start skip the build. */
async function buildWeb(env: NodeJS.ProcessEnv, lifecycle: Lifecycle): Promise<void> {
  printStep("build", "building the web app (the first start takes a few minutes; later ones reuse it)");
  const exit = await runToCompletion(
    {
      name: "build",
      command: "pnpm",
      args: ["exec", "turbo", "run", "build", "--filter=@gemba/web", "--output-logs=new-only"],
      cwd: repoRoot,
      env,
    },
    (child) => lifecycle.defer("build", async () => void (await child.stop())),
  );
  if (lifecycle.isExiting) return;
  if (exit.code !== 0) throw new LauncherError(`the web build ${describeExit(exit)} (its output is above)`);
}

function firstFailure(children: ManagedChild[], others: (Promise<string> | undefined)[]): Promise<string> {
  return Promise.race([
    ...children.map((child) => child.exited.then((exit) => `${child.name} ${describeExit(exit)}`)),
    ...others.filter((other) => other !== undefined),
  ]);
}

function printReady(url: string, demoSeeded: boolean, dataDir: string | undefined): void {
  const { bold, dim, green } = colors();
  const lines = [green(bold(`Gemba is running at ${url}`))];
  if (demoSeeded) {
    lines.push("", `Demo sign-ins (password ${bold(DEMO_PASSWORD)}):`);
    const width = Math.max(...DEMO_ACCOUNTS.map((account) => account.email.length));
    for (const account of DEMO_ACCOUNTS) {
      lines.push(`  ${account.email.padEnd(width)}  ${account.role.padEnd(8)} ${dim(account.sees)}`);
    }
  }
  lines.push("", dim(`Stop with Ctrl+C.${dataDir ? ` Data stays in ${displayPath(dataDir)}/.` : ""}`));
  print();
  for (const line of frame(lines)) print(line);
  print();
}
