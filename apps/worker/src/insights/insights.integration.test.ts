import { DRIFT_NOW, DRIFT_WORK_CENTER, storeDriftedPlant } from "@gemba/db/insights/testing/drifted-plant";
import type { TSimulatedPlant } from "@gemba/db/insights/testing/simulated-plant";
import { withTenant } from "@gemba/db/tenant-scope";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { MS_PER_MINUTE } from "@gemba/domain/calendar/zoned-time";
import { wakeAutomation } from "@gemba/jobs/automation";
import { QUEUES } from "@gemba/jobs/constants";
import { enqueue } from "@gemba/jobs/queue";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRule, startAutomationTestWorker } from "../automation/testing/automation-worker";
import { type TestWorker, waitUntil } from "../testing/test-worker";
import { insightDetectors } from "./all-detectors";
import { dueDetectors, markDetectorsRun } from "./detector-schedule";
import { runInsightPass } from "./insight-pass";
import { requestChangedInsightPass } from "./request-changed-pass";

let db: TestDatabase;
let plant: TSimulatedPlant;
let worker: TestWorker;
const log = pino({ level: "silent" });
const TASK_TITLE = "Look into: {insight}";

beforeAll(async () => {
  db = await createTestDatabase();
  plant = await storeDriftedPlant(db);
  worker = await startAutomationTestWorker(db.app);
  await createRule(db.app, plant.tenantId, "SPC findings become a task", {
    trigger: { kind: "INSIGHT_CREATED", insightKinds: ["SPC"] },
    conditions: {},
    actions: [{ kind: "CREATE_TASK", title: TASK_TITLE, assigneeRole: "MANAGER", priority: "HIGH" }],
  });
}, 180_000);

afterAll(async () => {
  await worker?.stop();
  await db?.drop();
});

const inTenant = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(db.app.prisma, plant.tenantId, work);

async function pass(now: number) {
  const result = await runInsightPass(
    db.app,
    log,
    { tenantId: plant.tenantId, now, workCenterIds: null },
    insightDetectors(log),
  );
  for (const signalId of result.signalIds) {
    await wakeAutomation(worker.worker.queues, { tenantId: plant.tenantId, signalId });
  }
  return result;
}

describe("insight passes in the worker", () => {
  it("stores what every detector finds and turns each new SPC finding into exactly one task", async () => {
    const lathe = plant.workCenters.get(DRIFT_WORK_CENTER);
    const first = await pass(DRIFT_NOW);
    expect(first.detectors.map((outcome) => [outcome.kind, outcome.error])).toEqual([
      ["SPC", null],
      ["ANOMALY", null],
      ["LATE_ORDER", null],
      ["BOTTLENECK", null],
      ["RECURRING_DOWNTIME", null],
      ["MAINTENANCE_RISK", null],
    ]);
    const spc = await inTenant((tx) => tx.insight.findMany({ where: { kind: "SPC" } }));
    expect(spc.length).toBeGreaterThan(0);
    expect(spc.filter((insight) => insight.workCenterId === lathe).length).toBeGreaterThan(0);

    const titles = spc.map((insight) => TASK_TITLE.replace("{insight}", insight.title));
    const tasksFor = () =>
      inTenant((tx) => tx.task.findMany({ where: { title: { in: titles } }, select: { title: true } }));
    await waitUntil(async () => (await tasksFor()).length >= spc.length, 30_000, "a task per SPC insight");

    // A quarter of an hour later the same excursions are seen again: updated, not repeated.
    const second = await pass(DRIFT_NOW + 15 * MS_PER_MINUTE);
    const spcOutcome = second.detectors.find((outcome) => outcome.kind === "SPC");
    expect(spcOutcome?.updated).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const spcAfter = await inTenant((tx) => tx.insight.findMany({ where: { kind: "SPC" } }));
    const newOnes = spcAfter.length - spc.length;
    expect(newOnes).toBe(spcOutcome?.created ?? 0);
    await waitUntil(async () => (await tasksFor()).length >= spc.length, 10_000, "the first tasks");
    expect((await tasksFor()).length).toBe(spc.length);
    const runs = await inTenant((tx) => tx.ruleRun.count());
    expect(runs).toBe(spcAfter.length);
  });

  it("runs a scheduled detector again only once its interval has passed", async () => {
    const detectors = insightDetectors(log);
    const tenantId = plant.tenantId;
    const now = Date.now();
    await worker.connection.del(`gemba-insights:last-run:${tenantId}`);
    expect(await dueDetectors(worker.connection, tenantId, now, detectors)).toHaveLength(detectors.length);

    await markDetectorsRun(
      worker.connection,
      tenantId,
      now,
      detectors.map((detector) => detector.kind),
    );
    expect(await dueDetectors(worker.connection, tenantId, now + MS_PER_MINUTE, detectors)).toEqual([]);
    const dueIn20Minutes = await dueDetectors(worker.connection, tenantId, now + 20 * MS_PER_MINUTE, detectors);
    expect(dueIn20Minutes.map((detector) => detector.kind)).toEqual(["SPC", "ANOMALY", "LATE_ORDER"]);
    await worker.connection.del(`gemba-insights:last-run:${tenantId}`);
  });

  it("asks for one event-driven pass per work center and minute, and fans the scheduled scan out per tenant", async () => {
    const queue = worker.worker.queues.get(QUEUES.insights);
    const target = { tenantId: plant.tenantId, workCenterId: plant.workCenters.get(DRIFT_WORK_CENTER) ?? "" };
    const now = Date.now();
    await requestChangedInsightPass(worker.worker.queues, target, now);
    await requestChangedInsightPass(worker.worker.queues, target, now);
    const delayed = (await queue.getDelayed()).filter((job) => job.name === "insights.detect");
    expect(delayed.map((job) => job.data)).toEqual([
      { tenantId: plant.tenantId, reason: "CHANGED", workCenterIds: [target.workCenterId] },
    ]);

    await enqueue(worker.worker.queues, "insights.scan", {});
    await waitUntil(
      async () =>
        (await queue.getCompleted()).some(
          (job) =>
            job.name === "insights.detect" && job.data.tenantId === plant.tenantId && job.data.reason === "SCHEDULED",
        ),
      60_000,
      "the tenant's scheduled pass",
    );
  }, 90_000);
});
