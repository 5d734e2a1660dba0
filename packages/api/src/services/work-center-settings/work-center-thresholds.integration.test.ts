import { createUserSession } from "@gemba/auth/sessions";
import { insertEvents } from "@gemba/db/events/insert-events";
import { refreshWorkCenter } from "@gemba/db/execution/refresh-work-center";
import { type Tx, withTenant, withTenantClient } from "@gemba/db/tenant-scope";
import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { QUEUES } from "@gemba/jobs/constants";
import { takeDirtySpan } from "@gemba/jobs/execution-refresh";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../../root";
import { createTestPlatform, type TestPlatform } from "../../testing/test-platform";

let db: TestDatabase;
let plant: TenantFixture;
let platform: TestPlatform;
let pressId: string;
const now = Date.now();
const stopStart = new Date(now - 30 * 60_000);
const DAY_MS = 86_400_000;

beforeAll(async () => {
  db = await createTestDatabase();
  plant = await createTenantFixture(db, "Thresholds");
  platform = createTestPlatform();
  pressId = await inTenant(async (tx) => {
    const wc = await tx.workCenter.create({
      data: { tenantId: plant.tenantId, lineId: plant.lineId, code: "PRS-2", name: "Press 2", sequence: 2 },
      select: { id: true },
    });
    return wc.id;
  });
  const event = (time: number, state: string, key: string) => ({
    workCenterId: pressId,
    kind: "machine.state",
    eventTime: new Date(time),
    sourceId: "plc",
    dedupeKey: key,
    payload: { state },
  });
  // A 90-second stop: minor under the default 2-minute threshold.
  await withTenantClient(db.app.pool, plant.tenantId, (client) =>
    insertEvents(client, plant.tenantId, [
      event(now - 60 * 60_000, "RUNNING", "a"),
      event(stopStart.getTime(), "IDLE", "b"),
      event(stopStart.getTime() + 90_000, "RUNNING", "c"),
      event(now - 60_000, "RUNNING", "d"),
    ]),
  );
  await refresh(now - 60 * 60_000, now);
});

afterAll(async () => {
  await platform.close();
  await db.drop();
});

function inTenant<T>(work: (tx: Tx) => Promise<T>) {
  return withTenant(db.app.prisma, plant.tenantId, work);
}

const refresh = (changedFrom: number, changedTo: number) =>
  refreshWorkCenter(db.app.pool, { tenantId: plant.tenantId, workCenterId: pressId, changedFrom, changedTo, now });

async function callerFor(role: "ADMIN" | "MANAGER") {
  const userId = plant.users[role].userId;
  const sessionId = await createUserSession(db.app.prisma, { userId });
  return createCaller({
    db: db.app.prisma,
    session: { sessionId, userId, activeTenantId: plant.tenantId },
    requestId: "t",
    platform,
  });
}

const theStop = () =>
  inTenant((tx) => tx.stateInterval.findFirstOrThrow({ where: { workCenterId: pressId, stopStart } }));

describe("work center thresholds", () => {
  it("lists every work center under its site, area and line, with what may be set", async () => {
    const admin = await callerFor("ADMIN");
    const list = await admin.reasons.workCenterThresholds();
    expect(list.limits.microStopThresholdSeconds).toEqual({ min: 0, max: 1800 });
    const line = list.sites[0]?.areas[0]?.lines[0];
    expect(line?.id).toBe(plant.lineId);
    expect(line?.workCenters.map((wc) => [wc.code, wc.microStopThresholdSeconds, wc.unknownTimeoutSeconds])).toEqual([
      [expect.stringMatching(/^WC-/), 120, 600],
      ["PRS-2", 120, 600],
    ]);
  });

  it("applies to a whole line, audits each work center, and re-derives their last week", async () => {
    expect(await theStop()).toMatchObject({ microStop: true, lossCategory: "MINOR_STOPS" });
    const admin = await callerFor("ADMIN");
    const calledAt = Date.now();
    const result = await admin.reasons.setWorkCenterThresholds({
      workCenterIds: [plant.workCenterId, pressId],
      microStopThresholdSeconds: 60,
      unknownTimeoutSeconds: 900,
    });
    const returnedAt = Date.now();
    expect(result).toMatchObject({ updated: 2, unchanged: 0, recalculation: { workCenterCount: 2 } });

    const jobs = await platform.queues.get(QUEUES.execution).getJobs(["waiting", "delayed"]);
    const queued = jobs.map((job) => job.data);
    expect(queued).toContainEqual({ tenantId: plant.tenantId, workCenterId: pressId });
    expect(queued).toContainEqual({ tenantId: plant.tenantId, workCenterId: plant.workCenterId });
    await takeDirtySpan(platform.redis, plant.workCenterId);
    const span = await takeDirtySpan(platform.redis, pressId);
    // The last 7 days up to the moment of the change.
    expect(span?.to).toBeGreaterThanOrEqual(calledAt);
    expect(span?.to).toBeLessThanOrEqual(returnedAt);
    expect(span?.from).toBe((span?.to ?? 0) - 7 * DAY_MS);

    // What the worker does with it: the 90-second stop is now a stop waiting for a reason.
    if (span) await refresh(span.from, span.to);
    expect(await theStop()).toMatchObject({ microStop: false, unclassified: true, lossCategory: "MINOR_STOPS" });

    const audits = await inTenant((tx) =>
      tx.auditEntry.findMany({ where: { action: "work_center.thresholds" }, orderBy: { id: "asc" } }),
    );
    expect(audits.map((entry) => entry.entityId).sort()).toEqual([plant.workCenterId, pressId].sort());
    expect(audits.find((entry) => entry.entityId === pressId)?.summary).toBe(
      "Set PRS-2 thresholds: minor stop 120 s → 60 s, signal timeout 600 s → 900 s; last 7 days recalculated",
    );
  });

  it("changes nothing (and queues nothing) when the values are already set", async () => {
    const admin = await callerFor("ADMIN");
    const result = await admin.reasons.setWorkCenterThresholds({
      workCenterIds: [pressId],
      microStopThresholdSeconds: 60,
      unknownTimeoutSeconds: 900,
    });
    expect(result).toMatchObject({ updated: 0, unchanged: 1, recalculation: { workCenterCount: 0 } });
    expect(await takeDirtySpan(platform.redis, pressId)).toBeNull();
  });

  it("refuses values outside the limits with a message per field", async () => {
    const admin = await callerFor("ADMIN");
    const attempt = admin.reasons.setWorkCenterThresholds({
      workCenterIds: [pressId],
      microStopThresholdSeconds: 3600,
      unknownTimeoutSeconds: 5,
    });
    const error = await attempt.then(
      () => null,
      (caught: unknown) => caught as { code: string; cause: { issues: { path: string[]; message: string }[] } },
    );
    expect(error?.code).toBe("BAD_REQUEST");
    expect(error?.cause.issues.map((issue) => issue.path.join("."))).toEqual([
      "microStopThresholdSeconds",
      "unknownTimeoutSeconds",
    ]);
    expect(error?.cause.issues[0]?.message).toMatch(/30 minutes/);
  });

  it("refuses work centers that do not exist and non-admins", async () => {
    const admin = await callerFor("ADMIN");
    const input = { microStopThresholdSeconds: 60, unknownTimeoutSeconds: 900 };
    await expect(
      admin.reasons.setWorkCenterThresholds({ workCenterIds: [crypto.randomUUID()], ...input }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const manager = await callerFor("MANAGER");
    await expect(manager.reasons.setWorkCenterThresholds({ workCenterIds: [pressId], ...input })).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );
  });
});
