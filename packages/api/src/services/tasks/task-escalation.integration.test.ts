import { randomUUID } from "node:crypto";
import { escalateTask } from "@gemba/db/automation/escalate-task";
import { withTenant } from "@gemba/db/tenant-scope";
import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { escalationJobId, scheduleEscalation } from "@gemba/jobs/automation";
import { QUEUES } from "@gemba/jobs/constants";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../testing/test-platform";
import { changeTask, type TTaskChange } from "./transition-task";

let db: TestDatabase;
let platform: TestPlatform;
let plant: TenantFixture;

beforeAll(async () => {
  db = await createTestDatabase();
  platform = createTestPlatform();
  plant = await createTenantFixture(db, "Escalate");
});

afterAll(async () => {
  await platform.close();
  await db.drop();
});

/** A rule's task with a two-rung ladder whose first rung is due in a minute, and that rung's job. */
async function escalatingTask(): Promise<string> {
  const dueAt = Date.now() + 60_000;
  const task = await withTenant(db.app.prisma, plant.tenantId, (tx) =>
    tx.task.create({
      data: {
        tenantId: plant.tenantId,
        title: "Press down for 10 min",
        assigneeRole: "OPERATOR",
        source: "rule",
        idempotencyKey: randomUUID(),
        escalation: [
          { role: "MANAGER", afterMinutes: 1 },
          { role: "ADMIN", afterMinutes: 5 },
        ],
        nextEscalationAt: new Date(dueAt),
      },
      select: { id: true },
    }),
  );
  await scheduleEscalation(platform.queues, { tenantId: plant.tenantId, taskId: task.id, step: 1, dueAt });
  return task.id;
}

/** Runs a change as the API does: in one tenant transaction, side effects after the commit. */
async function change(taskId: string, what: TTaskChange, role: "OPERATOR" | "MANAGER" = "OPERATOR") {
  const effects: (() => Promise<void>)[] = [];
  await withTenant(db.app.prisma, plant.tenantId, (tx) =>
    changeTask(
      {
        tx,
        tenantId: plant.tenantId,
        userId: plant.users[role].userId,
        role,
        membershipId: plant.users[role].membershipId,
      },
      taskId,
      what,
      { escalationJobs: { queues: platform.queues, afterCommit: (effect) => effects.push(effect) } },
    ),
  );
  for (const effect of effects) await effect();
}

const jobOf = (taskId: string) => platform.queues.get(QUEUES.automation).getJob(escalationJobId(taskId, 1));

describe("acknowledging a rule's task", () => {
  it("clears its escalation and removes the pending job after commit", async () => {
    const taskId = await escalatingTask();
    expect(await (await jobOf(taskId))?.getState()).toBe("delayed");
    await change(taskId, { action: "acknowledge" });
    const task = await withTenant(db.app.prisma, plant.tenantId, (tx) =>
      tx.task.findFirstOrThrow({ where: { id: taskId } }),
    );
    expect(task).toMatchObject({ status: "ACKNOWLEDGED", nextEscalationAt: null, escalationStep: 0 });
    expect(await jobOf(taskId)).toBeUndefined();
    // Had the job run anyway (removal failed, a sweep), the task row says no.
    expect(await escalateTask(db.app, { tenantId: plant.tenantId, taskId, step: 1 }, Date.now() + 120_000)).toEqual({
      status: "skipped",
      why: "task is acknowledged",
    });
  });

  it("also stops on completing or cancelling, and a repeated acknowledge schedules nothing", async () => {
    const completed = await escalatingTask();
    await change(completed, { action: "complete", resolution: "Reset the hydraulics" });
    expect(await jobOf(completed)).toBeUndefined();
    const cancelled = await escalatingTask();
    await change(cancelled, { action: "cancel", reason: "Duplicate of another task" }, "MANAGER");
    expect(await jobOf(cancelled)).toBeUndefined();
    const rows = await withTenant(db.app.prisma, plant.tenantId, (tx) =>
      tx.task.findMany({ where: { id: { in: [completed, cancelled] } }, select: { nextEscalationAt: true } }),
    );
    expect(rows.map((row) => row.nextEscalationAt)).toEqual([null, null]);
  });
});
