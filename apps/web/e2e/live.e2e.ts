import { testEnv } from "@gemba/db/testing/test-env";
import { liveChannel } from "@gemba/jobs/live-bus";
import { expect, test } from "@playwright/test";
import { Redis } from "ioredis";
import { signInAs, tenantIdOf } from "./demo-helpers";

test("live updates reach the signed-in plant's browsers over SSE, and only theirs", async ({ page }) => {
  const demo = await tenantIdOf("demo");
  const northfield = await tenantIdOf("northfield");
  await signInAs(page, "manager@demo.gemba.app");
  await page.evaluate(() => {
    const received: { type: string; data: string; at: number }[] = [];
    (window as unknown as { live: typeof received }).live = received;
    const source = new EventSource("/api/live");
    for (const type of ["ready", "execution", "events"]) {
      source.addEventListener(type, (event) =>
        received.push({ type, data: (event as MessageEvent).data, at: Date.now() }),
      );
    }
  });
  const received = () =>
    page.evaluate(() => (window as unknown as { live: { type: string; data: string; at: number }[] }).live);
  await expect.poll(async () => (await received()).map((entry) => entry.type)).toContain("ready");

  const redis = new Redis(testEnv.TEST_REDIS_URL);
  try {
    const other = { type: "execution", execution: { workCenterId: "elsewhere", state: "DOWN" } };
    const mine = { type: "execution", execution: { workCenterId: "press", state: "DOWN" } };
    await redis.publish(liveChannel(northfield), JSON.stringify(other));
    const sentAt = Date.now();
    await redis.publish(liveChannel(demo), JSON.stringify(mine));
    await expect.poll(async () => (await received()).filter((entry) => entry.type === "execution").length).toBe(1);
    const [update] = (await received()).filter((entry) => entry.type === "execution");
    // Browser and test run on one machine: the same clock. The budget is one second from the bus.
    expect((update?.at ?? Number.POSITIVE_INFINITY) - sentAt).toBeLessThan(1_000);
    expect(JSON.parse(update?.data ?? "{}")).toEqual(mine);
  } finally {
    redis.disconnect();
  }
});

test("the live stream needs a session", async ({ request }) => {
  const response = await request.get("/api/live");
  expect(response.status()).toBe(401);
});
