import { testEnv } from "@gemba/db/testing/test-env";
import { describe, expect, it } from "vitest";
import { pingRedis } from "./redis";

describe("Redis detection", () => {
  it("finds the Redis the tests use", async () => {
    expect(await pingRedis(testEnv.TEST_REDIS_URL)).toMatchObject({ ok: true });
  });

  it("reports a port where nothing listens, quickly and without retrying", async () => {
    const started = Date.now();
    const result = await pingRedis("redis://127.0.0.1:1", 1_000);
    expect(result.ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
