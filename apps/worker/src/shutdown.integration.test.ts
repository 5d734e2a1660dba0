import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { testEnv } from "@gemba/db/testing/test-env";
import { workerHeartbeatKey } from "@gemba/jobs/heartbeat";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeQueueKeys, uniqueQueuePrefix } from "./testing/test-worker";

let db: TestDatabase;
let redis: Redis;
const prefix = uniqueQueuePrefix();
const workerDir = fileURLToPath(new URL("..", import.meta.url));

beforeAll(async () => {
  db = await createTestDatabase();
  redis = new Redis(testEnv.TEST_REDIS_URL);
});

afterAll(async () => {
  await removeQueueKeys(redis, prefix);
  redis.disconnect();
  await db.drop();
});

describe("worker process", () => {
  it("starts, then on SIGTERM finishes, removes its heartbeat and exits 0", async () => {
    // As `pnpm start` runs it: tsx as an in-process loader, so SIGTERM reaches our handler
    // directly rather than through a wrapper process.
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: workerDir,
      env: { ...process.env, APP_DATABASE_URL: db.appUrl, REDIS_URL: testEnv.TEST_REDIS_URL, QUEUE_PREFIX: prefix },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const deadline = Date.now() + 30_000;
    while (!output.includes("worker ready")) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`worker did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await redis.get(workerHeartbeatKey(prefix))).not.toBeNull();
    // The repeating purge is registered in Redis as a BullMQ job scheduler.
    expect(await redis.exists(`${prefix}:gemba-maintenance:repeat`)).toBe(1);

    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code, output).toBe(0);
    expect(output).toContain("worker stopped");
    expect(await redis.get(workerHeartbeatKey(prefix))).toBeNull();
  }, 60_000);
});
