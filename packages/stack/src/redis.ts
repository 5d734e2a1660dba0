import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import type { TLauncherEnv } from "./env";
import { errorMessage, LauncherError } from "./errors";
import { findExecutable } from "./executables";
import type { Lifecycle } from "./lifecycle";
import { type DataPaths, displayPath } from "./paths";
import { isAlive } from "./pids";
import { printStep } from "./print";

export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";

export const HOW_TO_GET_REDIS =
  "install it (`apt-get install redis-server` on Debian/Ubuntu, `brew install redis` on macOS), run `docker compose up -d redis`, or set REDIS_URL";

export type RedisHandle = { url: string; exited?: Promise<void> };

type PingResult = { ok: true; dir?: string } | { ok: false; reason: string };

/** PING with a short timeout and no reconnect loop; also reports the server's data dir. */
export async function pingRedis(url: string, timeoutMs = 2_000): Promise<PingResult> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on("error", () => undefined);
  try {
    await client.connect();
    const answer = await client.ping();
    if (answer !== "PONG") return { ok: false, reason: `unexpected answer ${answer}` };
    const dir = await client
      .call("CONFIG", "GET", "dir")
      .then((reply) => (Array.isArray(reply) && typeof reply[1] === "string" ? reply[1] : undefined))
      .catch(() => undefined);
    return { ok: true, dir };
  } catch (error) {
    return { ok: false, reason: errorMessage(error) || "connection refused" };
  } finally {
    client.disconnect();
  }
}

export type ResolveRedisInput = {
  env: Pick<TLauncherEnv, "REDIS_URL" | "GEMBA_REDIS_PORT">;
  paths: DataPaths;
  lifecycle: Lifecycle;
};

/** REDIS_URL; else a Redis on 127.0.0.1:6379; else a redis-server of our own under .gemba/redis. */
export async function resolveRedis({ env, paths, lifecycle }: ResolveRedisInput): Promise<RedisHandle> {
  if (env.REDIS_URL) {
    const result = await pingRedis(env.REDIS_URL, 5_000);
    if (!result.ok) throw new LauncherError(`Redis at REDIS_URL does not answer: ${result.reason}.`);
    printStep("redis", "REDIS_URL");
    return { url: env.REDIS_URL };
  }
  if ((await pingRedis(DEFAULT_REDIS_URL)).ok) {
    printStep("redis", "found on 127.0.0.1:6379");
    return { url: DEFAULT_REDIS_URL };
  }

  const ownUrl = `redis://127.0.0.1:${env.GEMBA_REDIS_PORT}`;
  const leftover = await pingRedis(ownUrl);
  if (leftover.ok) {
    // Ours if it keeps its data in our folder (left behind by a launcher that was killed).
    if (leftover.dir === paths.redis) {
      lifecycle.defer("redis", () => shutdownRedis(ownUrl));
      printStep("redis", `own redis-server, already running on 127.0.0.1:${env.GEMBA_REDIS_PORT}`);
    } else {
      printStep("redis", `found on 127.0.0.1:${env.GEMBA_REDIS_PORT}`);
    }
    return { url: ownUrl };
  }

  const redisServer = findExecutable("redis-server");
  if (!redisServer) {
    throw new LauncherError(
      `Gemba needs Redis: nothing answers on 127.0.0.1:6379 and redis-server is not installed; ${HOW_TO_GET_REDIS}.`,
    );
  }
  return startRedisServer(redisServer, ownUrl, env.GEMBA_REDIS_PORT, paths, lifecycle);
}

async function startRedisServer(
  executable: string,
  url: string,
  port: number,
  paths: DataPaths,
  lifecycle: Lifecycle,
): Promise<RedisHandle> {
  await mkdir(paths.redis, { recursive: true });
  const logFd = openSync(paths.redisLog, "a");
  const child = spawn(
    executable,
    // Append-only file: queued jobs survive a restart. Loopback only.
    ["--port", String(port), "--bind", "127.0.0.1", "--dir", paths.redis, "--appendonly", "yes", "--save", ""],
    { detached: process.platform !== "win32", stdio: ["ignore", logFd, logFd] },
  );
  closeSync(logFd);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("error", () => undefined);
  const pid = child.pid;
  lifecycle.defer("redis", async () => {
    if (pid === undefined || !isAlive(pid)) return;
    printStep("redis", "stopping");
    // SIGTERM: Redis flushes the append-only file and exits.
    child.kill("SIGTERM");
    for (let waited = 0; waited < 10_000 && isAlive(pid); waited += 100) await sleep(100);
    if (isAlive(pid)) child.kill("SIGKILL");
  });

  for (let waited = 0; waited < 10_000; waited += 200) {
    if (child.exitCode !== null) break;
    if ((await pingRedis(url, 1_000)).ok) {
      printStep("redis", `started redis-server, data in ${displayPath(paths.redis)}, 127.0.0.1:${port}`);
      return { url, exited };
    }
    await sleep(200);
  }
  const tail = readFileSync(paths.redisLog, "utf8").trim().split("\n").slice(-5).join("\n    ");
  throw new LauncherError(`redis-server did not start (log: ${displayPath(paths.redisLog)}):\n    ${tail}`);
}

async function shutdownRedis(url: string): Promise<void> {
  printStep("redis", "stopping");
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on("error", () => undefined);
  try {
    await client.connect();
    // The connection closes as the server exits; that is the expected "error".
    await client.call("SHUTDOWN").catch(() => undefined);
  } finally {
    client.disconnect();
  }
}
