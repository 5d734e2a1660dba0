import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { demoSparkplugConfig } from "@gemba/connectors/demo/seed-demo-connectors";
import { connectorDefinition } from "@gemba/connectors/framework/registry";
import { deriveAppDatabaseUrl } from "@gemba/db/roles";
import { testEnv } from "@gemba/db/testing/test-env";
import pg from "pg";
import { E2E_APP_PASSWORD, E2E_PORT, e2eOwnerUrl, e2eQueuePrefix, e2eSecretsKey } from "./e2e-instance";

const repoRoot = resolve(import.meta.dirname, "../../..");

export type TLivePlantOptions = {
  tenantId: string;
  /** Simulated seconds per wall-clock second: 60 turns a 20-minute stop into 20 s. */
  speed: number;
  /** Wall-clock ms per simulation step: how late, at most, a change is published after it happened. */
  tickMs: number;
  /** Worker and simulator output, for a failing run. */
  log?: (line: string) => void;
};

export type TLivePlant = { groupId: string; stop: () => Promise<void> };

/**
 * The whole data path of a running plant for a browser test or benchmark: the plant simulator
 * publishing Sparkplug B to the real Mosquitto broker under a group of its own, a Sparkplug
 * connector of the tenant subscribed to that group, and a Gemba worker (its own process, the
 * instance's queues) that runs the connector, ingests, derives the timeline and publishes on the
 * live bus. Stopping removes the connector, so later tests see the tenant as seeded.
 */
export async function startLivePlant(options: TLivePlantOptions): Promise<TLivePlant> {
  const groupId = `E2E-${E2E_PORT}-${randomBytes(3).toString("hex")}`;
  const connectorId = await createSparkplugConnector(options.tenantId, groupId);
  const log = options.log ?? (() => undefined);
  const worker = spawnChild(
    "worker",
    "apps/worker",
    [],
    {
      APP_DATABASE_URL: deriveAppDatabaseUrl(e2eOwnerUrl(), E2E_APP_PASSWORD),
      REDIS_URL: testEnv.TEST_REDIS_URL,
      QUEUE_PREFIX: e2eQueuePrefix(),
      SECRETS_KEY: e2eSecretsKey(),
      LOG_LEVEL: "warn",
    },
    log,
  );
  const simulator = spawnChild(
    "simulator",
    "apps/simulator",
    [
      "--protocols",
      "sparkplug",
      "--group-id",
      groupId,
      "--mqtt-url",
      testEnv.TEST_MQTT_URL,
      "--speed",
      String(options.speed),
      "--tick-ms",
      String(options.tickMs),
      "--log-level",
      "warn",
    ],
    {},
    log,
  );
  return {
    groupId,
    stop: async () => {
      await Promise.all([stopChild(simulator), stopChild(worker)]);
      await withOwner((client) => client.query(`DELETE FROM "Connector" WHERE id = $1`, [connectorId]));
    },
  };
}

async function createSparkplugConnector(tenantId: string, groupId: string): Promise<string> {
  return withOwner(async (client) => {
    const { rows: workCenters } = await client.query<{ id: string; code: string }>(
      `SELECT id, code FROM "WorkCenter" WHERE "tenantId" = $1`,
      [tenantId],
    );
    const byCode = new Map(workCenters.map((workCenter) => [workCenter.code, workCenter.id] as const));
    // Validated as the admin form would: a connector the worker refuses would only time the test out.
    const config = connectorDefinition("MQTT_SPARKPLUG").configSchema.parse(
      demoSparkplugConfig(byCode, testEnv.TEST_MQTT_URL, groupId),
    );
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "Connector" ("tenantId", kind, name, config) VALUES ($1, 'MQTT_SPARKPLUG', $2, $3) RETURNING id`,
      [tenantId, `Simulator ${groupId}`, JSON.stringify(config)],
    );
    const id = rows[0]?.id;
    if (!id) throw new Error("the Sparkplug connector was not created");
    return id;
  });
}

async function withOwner<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: e2eOwnerUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function spawnChild(
  name: string,
  app: string,
  args: string[],
  env: Record<string, string>,
  log: (line: string) => void,
): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", ...args], {
    cwd: resolve(repoRoot, app),
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      for (const line of chunk.split("\n")) if (line.trim()) log(`[${name}] ${line}`);
    });
  }
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  child.kill("SIGTERM");
  const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(force);
}
