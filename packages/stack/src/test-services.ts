import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { LauncherError } from "./errors";
import { findExecutable } from "./executables";
import { canConnect, describeUrl } from "./postgres";
import { printStep } from "./print";
import { HOW_TO_GET_REDIS, pingRedis } from "./redis";

// The test suites need a real Postgres and Redis (never mocks). On a developer or CI machine they
// are usually system services; start them when installed but stopped, else say how to get them.

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export async function ensureTestPostgres(url: string): Promise<void> {
  const first = await canConnect(url);
  if (first.ok) {
    printStep("postgres", `${describeUrl(url)} answers`);
    return;
  }
  const target = new URL(url);
  const port = Number(target.port || 5432);
  if (LOCAL_HOSTS.has(target.hostname) && startDebianClusters(port)) {
    for (let waited = 0; waited < 30_000; waited += 500) {
      if ((await canConnect(url)).ok) {
        printStep("postgres", `${describeUrl(url)} answers`);
        return;
      }
      await sleep(500);
    }
  }
  const last = await canConnect(url);
  if (last.ok) return;
  const auth = /password|authentication/i.test(last.reason)
    ? " The tests connect as TEST_DATABASE_URL says (default: user postgres, no password): put the password in TEST_DATABASE_URL, or allow `trust` for 127.0.0.1 in pg_hba.conf."
    : "";
  throw new LauncherError(
    `The tests need Postgres at ${describeUrl(url)} (TEST_DATABASE_URL), which does not answer (${last.reason}): install and start it (\`apt-get install postgresql\` on Debian/Ubuntu, \`brew install postgresql@16 && brew services start postgresql@16\` on macOS), or run \`docker compose up -d postgres\` and set TEST_DATABASE_URL=postgres://postgres:gemba@127.0.0.1:5432/postgres.${auth}`,
  );
}

export async function ensureTestRedis(url: string): Promise<void> {
  if ((await pingRedis(url)).ok) {
    printStep("redis", `${new URL(url).host} answers`);
    return;
  }
  const target = new URL(url);
  const redisServer = findExecutable("redis-server");
  if (LOCAL_HOSTS.has(target.hostname) && redisServer) {
    const port = target.port || "6379";
    printStep("redis", `starting redis-server on 127.0.0.1:${port} for the tests`);
    // Test data is throwaway: no persistence.
    spawnSync(
      redisServer,
      ["--daemonize", "yes", "--bind", "127.0.0.1", "--port", port, "--save", "", "--appendonly", "no"],
      { stdio: "inherit" },
    );
    for (let waited = 0; waited < 10_000; waited += 250) {
      if ((await pingRedis(url)).ok) return;
      await sleep(250);
    }
  }
  throw new LauncherError(
    `The tests need Redis at ${target.host} (TEST_REDIS_URL), which does not answer: ${HOW_TO_GET_REDIS}.`,
  );
}

/** Debian/Ubuntu clusters (/etc/postgresql/<version>/<name>) listening on `port`; true if one was started. */
function startDebianClusters(port: number): boolean {
  const pgCtlCluster = findExecutable("pg_ctlcluster");
  if (!pgCtlCluster || !existsSync("/etc/postgresql")) return false;
  let started = false;
  for (const version of readdirSync("/etc/postgresql")) {
    const versionDir = join("/etc/postgresql", version);
    for (const cluster of safeReaddir(versionDir)) {
      if (clusterPort(join(versionDir, cluster, "postgresql.conf")) !== port) continue;
      printStep("postgres", `starting cluster ${version}/${cluster}`);
      const result = spawnSync(pgCtlCluster, ["--skip-systemctl-redirect", version, cluster, "start"], {
        stdio: "inherit",
      });
      started ||= result.status === 0;
    }
  }
  return started;
}

function clusterPort(confFile: string): number | undefined {
  if (!existsSync(confFile)) return undefined;
  const match = /^\s*port\s*=\s*(\d+)/m.exec(readFileSync(confFile, "utf8"));
  return match?.[1] ? Number(match[1]) : 5432;
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

const MQTT_HOST = "127.0.0.1";
const MQTT_PORT = 1883;

function mqttAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: MQTT_HOST, port: MQTT_PORT });
    socket.setTimeout(1_000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(false));
  });
}

/** The Sparkplug B tests talk to a real MQTT broker on 127.0.0.1:1883; start Mosquitto when it is installed but stopped. */
export async function ensureTestMqtt(): Promise<void> {
  if (await mqttAnswers()) {
    printStep("mqtt", `${MQTT_HOST}:${MQTT_PORT} answers`);
    return;
  }
  const mosquitto = findExecutable("mosquitto");
  if (mosquitto) {
    printStep("mqtt", `starting mosquitto on ${MQTT_HOST}:${MQTT_PORT} for the tests`);
    const config = "/etc/mosquitto/mosquitto.conf";
    spawnSync(mosquitto, existsSync(config) ? ["-d", "-c", config] : ["-d", "-p", String(MQTT_PORT)], {
      stdio: "inherit",
    });
    for (let waited = 0; waited < 10_000; waited += 250) {
      if (await mqttAnswers()) return;
      await sleep(250);
    }
  }
  throw new LauncherError(
    `The tests need an MQTT broker at ${MQTT_HOST}:${MQTT_PORT}, which does not answer: install and start Mosquitto (\`apt-get install mosquitto\` on Debian/Ubuntu, \`brew install mosquitto && brew services start mosquitto\` on macOS), or run \`docker compose up -d mosquitto\`.`,
  );
}
