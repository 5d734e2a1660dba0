import { withTenant } from "@gemba/db/tenant-scope";
import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { testEnv } from "@gemba/db/testing/test-env";
import { utcToZoned } from "@gemba/domain/calendar/zoned-time";
import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningWorker, startWorker } from "../start-worker";
import { removeQueueKeys, uniqueQueuePrefix, waitUntil } from "../testing/test-worker";

let db: TestDatabase;
let plant: TenantFixture;
let other: TenantFixture;
let worker: RunningWorker;
let connection: Redis;
const prefix = uniqueQueuePrefix();
const MIN = 60_000;

/** Gives a site a one-hour shift, every day, that ended `endedMinutesAgo` ago by the real clock. */
async function addShiftThatEnded(tenant: TenantFixture, name: string, endedMinutesAgo: number) {
  const start = utcToZoned(Date.now() - (60 + endedMinutesAgo) * MIN, "Europe/Berlin");
  await withTenant(db.app.prisma, tenant.tenantId, async (tx) => {
    const pattern = await tx.shiftPattern.create({
      data: { tenantId: tenant.tenantId, siteId: tenant.siteId, name: "Test", validFrom: new Date("2020-01-01") },
      select: { id: true },
    });
    await tx.shift.create({
      data: {
        tenantId: tenant.tenantId,
        patternId: pattern.id,
        name,
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        startMinute: start.minuteOfDay,
        durationMinutes: 60,
      },
    });
  });
}

const handoversOf = (tenant: TenantFixture) =>
  withTenant(db.app.prisma, tenant.tenantId, (tx) =>
    tx.shiftHandover.findMany({ select: { shiftName: true, status: true, shiftEnd: true } }),
  );

beforeAll(async () => {
  db = await createTestDatabase();
  plant = await createTenantFixture(db, "Drafted");
  other = await createTenantFixture(db, "Later");
  await addShiftThatEnded(plant, "Short", 30);
  // Ended three hours ago: past the two-hour window, left to "Draft now".
  await addShiftThatEnded(other, "Old", 180);
  connection = new Redis(testEnv.TEST_REDIS_URL, { maxRetriesPerRequest: null });
  worker = await startWorker({
    db: db.app,
    connection,
    log: pino({ level: "silent" }),
    concurrency: 1,
    prefix,
    queues: ["gemba-maintenance"],
  });
});

afterAll(async () => {
  await worker.stop();
  await removeQueueKeys(connection, prefix);
  connection.disconnect();
  await db.drop();
});

describe("handover.draft-due, the minute job", () => {
  it("is scheduled every minute when the worker starts", async () => {
    const schedulers = await worker.queues.get("gemba-maintenance").getJobSchedulers();
    expect(schedulers).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "handover.draft-due", every: 60_000 })]),
    );
  });

  it("drafts the shift that ended within two hours in every tenant, and no older one", async () => {
    await waitUntil(async () => (await handoversOf(plant)).length > 0, 15_000, "the drafted handover");
    const [drafted] = await handoversOf(plant);
    expect(drafted).toMatchObject({ shiftName: "Short", status: "DRAFT" });
    expect(Date.now() - (drafted?.shiftEnd.getTime() ?? 0)).toBeGreaterThan(29 * MIN);
    expect(await handoversOf(other)).toEqual([]);
  });
});
