import { randomUUID } from "node:crypto";
import { escalateTask } from "@gemba/db/automation/escalate-task";
import { withTenant } from "@gemba/db/tenant-scope";
import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { utcToZoned } from "@gemba/domain/calendar/zoned-time";
import { cancelEscalation, escalationJobId, scheduleEscalation } from "@gemba/jobs/automation";
import { QUEUES } from "@gemba/jobs/constants";
import { enqueueIngestBatch } from "@gemba/jobs/ingest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitUntil } from "../testing/test-worker";
import { createRule, startAutomationTestWorker } from "./testing/automation-worker";
import { startSmtpSink, type TSmtpSink } from "./testing/sinks";

let db: TestDatabase;
let plant: TenantFixture;
let smtp: TSmtpSink;
let worker: Awaited<ReturnType<typeof startAutomationTestWorker>>;
const MINUTE = 60_000;

const inTenant = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(db.app.prisma, plant.tenantId, work);

beforeAll(async () => {
  db = await createTestDatabase();
  plant = await createTenantFixture(db, "Timed");
  smtp = await startSmtpSink();
  worker = await startAutomationTestWorker(db.app, { automation: { smtpUrl: smtp.url, retryBaseMs: 20 } });
});

afterAll(async () => {
  await worker?.stop();
  await smtp?.close();
  await db?.drop();
});

async function addWorkCenter(code: string): Promise<string> {
  const created = await inTenant((tx) =>
    tx.workCenter.create({
      data: { tenantId: plant.tenantId, lineId: plant.lineId, code, name: code, sequence: 2 },
      select: { id: true },
    }),
  );
  return created.id;
}

const machineState = (workCenterId: string, state: string, at: number) => ({
  kind: "machine.state",
  workCenterId,
  eventTime: new Date(at).toISOString(),
  dedupeKey: `${workCenterId}-${state}-${at}`,
  payload: { state },
});

const taskAt = (workCenterId: string) =>
  inTenant((tx) => tx.task.findFirst({ where: { workCenterId, source: "rule" }, orderBy: { createdAt: "desc" } }));

describe("a machine DOWN longer than the rule's minutes", () => {
  let ruleId: string;

  beforeAll(async () => {
    ruleId = await createRule(db.app, plant.tenantId, "Long stop", {
      trigger: { kind: "STATE_DURATION", state: "DOWN", minutes: 1 },
      actions: [
        {
          kind: "CREATE_TASK",
          title: "{workCenter} {state} for {minutes} min",
          assigneeRole: "OPERATOR",
          escalation: [
            { role: "MANAGER", afterMinutes: 1 },
            { role: "ADMIN", afterMinutes: 1 },
          ],
        },
      ],
    });
  });

  it("creates a task through ingest → timeline refresh → the due job, and escalates it while nobody acknowledges", async () => {
    const workCenterId = await addWorkCenter(`DWN-${randomUUID().slice(0, 4)}`);
    const now = Date.now();
    await enqueueIngestBatch(worker.worker.queues, {
      tenantId: plant.tenantId,
      connectorId: null,
      sourceId: "plc",
      items: [
        machineState(workCenterId, "RUNNING", now - 5 * MINUTE),
        machineState(workCenterId, "DOWN", now - 3 * MINUTE),
      ],
    });
    await waitUntil(async () => (await taskAt(workCenterId)) !== null, 30_000, "the rule's task");
    const task = await taskAt(workCenterId);
    expect(task?.title).toMatch(/^DWN-\w+ DOWN for 1 min$/);
    const run = await inTenant((tx) => tx.ruleRun.findFirstOrThrow({ where: { ruleId, workCenterId } }));
    expect(run.idempotencyKey).toMatch(new RegExp(`^${ruleId}:state:${workCenterId}:`));
    expect(run.triggeredAt.getTime()).toBeLessThan(now);
    if (!task) throw new Error("task missing");

    // Rung 1 by its delayed job: as if its minute had passed, then the job runs.
    await inTenant((tx) =>
      tx.task.update({
        where: { tenantId_id: { tenantId: plant.tenantId, id: task.id } },
        data: { nextEscalationAt: new Date(Date.now() - 1_000) },
      }),
    );
    const queue = worker.worker.queues.get(QUEUES.automation);
    const job = await queue.getJob(escalationJobId(task.id, 1));
    expect(await job?.getState()).toBe("delayed");
    await job?.promote();
    await waitUntil(async () => (await taskAt(workCenterId))?.escalationStep === 1, 20_000, "escalation to step 1");
    expect(await taskAt(workCenterId)).toMatchObject({ assigneeRole: "MANAGER", status: "OPEN" });
    await waitUntil(async () => smtp.mails.some((mail) => mail.subject.startsWith("Escalated:")), 20_000, "the mail");
    expect(smtp.mails.find((mail) => mail.subject.startsWith("Escalated:"))?.to).toEqual([plant.users.MANAGER.email]);

    // Rung 2 by the sweep (its job may be lost): a sweep two minutes from now climbs it.
    const report = await worker.worker.automationSweeper.runOnce(Date.now() + 2 * MINUTE);
    expect(report.escalations).toBe(1);
    expect(await taskAt(workCenterId)).toMatchObject({
      assigneeRole: "ADMIN",
      escalationStep: 2,
      nextEscalationAt: null,
    });
    await worker.worker.automationSweeper.runOnce(Date.now() + 10 * MINUTE);
    expect((await taskAt(workCenterId))?.escalationStep).toBe(2);
    // One run for the stretch however often it is checked.
    expect(await inTenant((tx) => tx.ruleRun.count({ where: { ruleId, workCenterId } }))).toBe(1);
  });

  it("stops escalating once the task is acknowledged", async () => {
    const workCenterId = await addWorkCenter(`ACK-${randomUUID().slice(0, 4)}`);
    // A stretch stored without its job (as after a Redis loss): the sweep finds it.
    const start = Date.now() - 4 * MINUTE;
    await inTenant((tx) =>
      tx.stateInterval.create({
        data: {
          tenantId: plant.tenantId,
          workCenterId,
          start: new Date(start),
          end: new Date(Date.now()),
          state: "DOWN",
          scheduled: true,
          unclassified: true,
          stopStart: new Date(start),
        },
      }),
    );
    const report = await worker.worker.automationSweeper.runOnce();
    expect(report.stateFirings).toBe(1);
    const task = await taskAt(workCenterId);
    if (!task) throw new Error("task missing");
    expect(task.nextEscalationAt).not.toBeNull();

    // What changeTask("acknowledge") does, then the job removal it asks for after commit.
    await inTenant((tx) =>
      tx.task.update({
        where: { tenantId_id: { tenantId: plant.tenantId, id: task.id } },
        data: { status: "ACKNOWLEDGED", acknowledgedAt: new Date(), nextEscalationAt: null },
      }),
    );
    const queue = worker.worker.queues.get(QUEUES.automation);
    // As the job path would have: the rung's delayed job, then its removal after the acknowledgement.
    await scheduleEscalation(worker.worker.queues, {
      tenantId: plant.tenantId,
      taskId: task.id,
      step: 1,
      dueAt: task.nextEscalationAt?.getTime() ?? 0,
    });
    expect(await (await queue.getJob(escalationJobId(task.id, 1)))?.getState()).toBe("delayed");
    expect(await cancelEscalation(worker.worker.queues, task.id, 1)).toBe(true);
    expect(await queue.getJob(escalationJobId(task.id, 1))).toBeUndefined();
    const later = await worker.worker.automationSweeper.runOnce(Date.now() + 5 * MINUTE);
    expect(later.escalations).toBe(0);
    expect(
      await escalateTask(db.app, { tenantId: plant.tenantId, taskId: task.id, step: 1 }, Date.now() + 5 * MINUTE),
    ).toEqual({
      status: "skipped",
      why: "task is acknowledged",
    });
    expect(await taskAt(workCenterId)).toMatchObject({ assigneeRole: "OPERATOR", escalationStep: 0 });
  });
});

describe("scheduled rules", () => {
  it("fire once per due time, found by the sweep", async () => {
    const now = Date.now();
    const local = utcToZoned(now - 2 * MINUTE, "Europe/Berlin");
    const time = `${String(Math.floor(local.minuteOfDay / 60)).padStart(2, "0")}:${String(local.minuteOfDay % 60).padStart(2, "0")}`;
    const ruleId = await createRule(db.app, plant.tenantId, "Shift start check", {
      trigger: { kind: "SCHEDULE", times: [time], weekdays: [1, 2, 3, 4, 5, 6, 7] },
      conditions: { workCenterIds: [plant.workCenterId] },
      actions: [{ kind: "CREATE_TASK", title: "Scheduled check at {workCenter}", assigneeRole: "OPERATOR" }],
    });
    // Edited a while ago: its times since then count (an edit itself never fires retroactively).
    await db.owner.pool.query(`UPDATE "Rule" SET "updatedAt" = $2 WHERE id = $1`, [
      ruleId,
      new Date(now - 30 * MINUTE),
    ]);
    const first = await worker.worker.automationSweeper.runOnce(now);
    expect(first.scheduleFirings).toBe(1);
    await worker.worker.automationSweeper.runOnce(now + 1_000);
    const runs = await inTenant((tx) => tx.ruleRun.findMany({ where: { ruleId } }));
    expect(runs).toHaveLength(1);
    expect(runs[0]?.idempotencyKey).toMatch(new RegExp(`:schedule:.*:${plant.workCenterId}$`));
    expect(runs[0]?.summary).toMatch(/^Scheduled \w{3} \d\d:\d\d for WC-/);
  });
});
