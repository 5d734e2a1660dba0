import { createUserSession } from "@gemba/auth/sessions";
import { insertEvents } from "@gemba/db/events/insert-events";
import { refreshWorkCenter } from "@gemba/db/execution/refresh-work-center";
import { seedReasonTree } from "@gemba/db/reasons/seed-reason-tree";
import { withTenant, withTenantClient } from "@gemba/db/tenant-scope";
import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { QUEUES } from "@gemba/jobs/constants";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../../root";
import { createTestPlatform, type TestPlatform } from "../../testing/test-platform";

let db: TestDatabase;
let plant: TenantFixture;
let platform: TestPlatform;
let workCenterId: string;
const now = Date.parse("2026-11-24T12:00:00Z");
const stopStart = new Date(now - 30 * 60_000);

beforeAll(async () => {
  db = await createTestDatabase();
  plant = await createTenantFixture(db, "Classify");
  platform = createTestPlatform();
  workCenterId = await withTenant(db.app.prisma, plant.tenantId, async (tx) => {
    await seedReasonTree(tx, plant.tenantId);
    const wc = await tx.workCenter.create({
      data: { tenantId: plant.tenantId, lineId: plant.lineId, code: "PRS-7", name: "Press 7", sequence: 7 },
      select: { id: true },
    });
    return wc.id;
  });
  const event = (time: number, state: string, key: string) => ({
    workCenterId,
    kind: "machine.state",
    eventTime: new Date(time),
    sourceId: "plc",
    dedupeKey: key,
    payload: { state },
  });
  await withTenantClient(db.app.pool, plant.tenantId, (client) =>
    insertEvents(client, plant.tenantId, [
      event(now - 60 * 60_000, "RUNNING", "a"),
      event(stopStart.getTime(), "DOWN", "b"),
      event(now - 10 * 60_000, "RUNNING", "c"),
    ]),
  );
  await refresh();
});

afterAll(async () => {
  await platform.close();
  await db.drop();
});

const refresh = () =>
  refreshWorkCenter(db.app.pool, {
    tenantId: plant.tenantId,
    workCenterId,
    changedFrom: now - 60 * 60_000,
    changedTo: now,
    now,
  });

async function callerFor(role: "OPERATOR" | "MANAGER") {
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
  withTenant(db.app.prisma, plant.tenantId, (tx) =>
    tx.stateInterval.findFirstOrThrow({ where: { workCenterId, stopStart } }),
  );

describe("classifying a stop", () => {
  it("takes an operator's reason, audits it, and the re-derived stop carries the reason's loss", async () => {
    expect(await theStop()).toMatchObject({ state: "DOWN", unclassified: true, lossCategory: "EQUIPMENT_FAILURE" });
    const operator = await callerFor("OPERATOR");
    await operator.downtime.classify({
      workCenterId,
      stopStart: stopStart.toISOString(),
      reasonCode: "CHANGEOVER",
      note: "die change",
    });

    // The worker is asked to re-derive the stop's span…
    const jobs = await platform.queues.get(QUEUES.execution).getJobs(["waiting", "delayed"]);
    expect(jobs.map((job) => job.data)).toContainEqual({ tenantId: plant.tenantId, workCenterId });
    // …which, done here directly, moves the stop from failure to setup.
    await refresh();
    expect(await theStop()).toMatchObject({
      reasonCode: "CHANGEOVER",
      unclassified: false,
      lossCategory: "SETUP_ADJUSTMENT",
    });
    const audit = await withTenant(db.app.prisma, plant.tenantId, (tx) =>
      tx.auditEntry.findFirstOrThrow({ where: { action: "downtime.classify" } }),
    );
    expect(audit.actorId).toBe(plant.users.OPERATOR.userId);
  });

  it("refuses unknown reasons, scrap reasons and stops that are not on the timeline", async () => {
    const operator = await callerFor("OPERATOR");
    await expect(
      operator.downtime.classify({ workCenterId, stopStart: stopStart.toISOString(), reasonCode: "NOPE" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      operator.downtime.classify({ workCenterId, stopStart: stopStart.toISOString(), reasonCode: "DIMENSION" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      operator.downtime.classify({
        workCenterId,
        stopStart: new Date(now - 5 * 60_000).toISOString(),
        reasonCode: "JAM",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
