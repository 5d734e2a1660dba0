import { randomBytes } from "node:crypto";
import { testEnv } from "@gemba/db/testing/test-env";
import { createQueues } from "@gemba/jobs/queue";
import { Redis } from "ioredis";
import type { PlatformServices } from "../platform";

export type TestPlatform = PlatformServices & { prefix: string; close: () => Promise<void> };

/** Real Redis and queues under a prefix of the test's own, and a fresh secrets key. */
export function createTestPlatform(): TestPlatform {
  const prefix = `gemba-test-${randomBytes(4).toString("hex")}`;
  const redis = new Redis(testEnv.TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const queues = createQueues(redis, prefix);
  return {
    prefix,
    redis,
    queues,
    secretsKey: randomBytes(32),
    close: async () => {
      await queues.close();
      for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 })) {
        if ((keys as string[]).length > 0) await redis.del(...(keys as string[]));
      }
      redis.disconnect();
    },
  };
}
