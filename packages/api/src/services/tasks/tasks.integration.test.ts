import { randomUUID } from "node:crypto";
import { withTenant } from "@gemba/db/tenant-scope";
import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../testing/test-platform";
import { callerFor } from "../decisions/testing/decision-test-plant";

let db: TestDatabase;
let platform: TestPlatform;
let plant: TenantFixture;
let other: TenantFixture;

beforeAll(async () => {
  db = await createTestDatabase();
  platform = createTestPlatform();
  plant = await createTenantFixture(db, "Tasks");
  other = await createTenantFixture(db, "Elsewhere");
});

afterAll(async () => {
  await platform.close();
  await db.drop();
});

const auditCount = (action: string, entityId: string) =>
  withTenant(db.app.prisma, plant.tenantId, (tx) => tx.auditEntry.count({ where: { action, entityId } }));

describe("tasks", () => {
  it("a manager assigns a role; a re-sent create is stored once; the role's operator acknowledges and completes it", async () => {
    const manager = await callerFor(db, platform, plant, "MANAGER");
    const operator = await callerFor(db, platform, plant, "OPERATOR");
    const idempotencyKey = randomUUID();
    const input = {
      title: "Check the die clamps on the press",
      assigneeRole: "OPERATOR" as const,
      workCenterId: plant.workCenterId,
      dueAt: new Date(Date.now() - 60_000).toISOString(),
      priority: "HIGH" as const,
      idempotencyKey,
    };
    const task = await manager.tasks.create(input);
    expect(await manager.tasks.create(input)).toMatchObject({ id: task.id });
    expect(await auditCount("task.create", task.id)).toBe(1);
    expect(task).toMatchObject({ status: "OPEN", assignee: null, assigneeRole: "OPERATOR", overdue: true });

    const inbox = await operator.tasks.inbox({});
    const mine = inbox.tasks.find((entry) => entry.id === task.id);
    expect(mine).toMatchObject({
      can: { acknowledge: true, complete: true, cancel: false },
      workCenter: { id: plant.workCenterId },
    });
    const atMachine = await operator.tasks.inbox({ workCenterId: plant.workCenterId });
    expect(atMachine.tasks.map((entry) => entry.id)).toContain(task.id);

    const acknowledged = await operator.tasks.acknowledge({ taskId: task.id });
    await operator.tasks.acknowledge({ taskId: task.id });
    expect(acknowledged).toMatchObject({ status: "ACKNOWLEDGED", acknowledgedBy: { id: plant.users.OPERATOR.userId } });
    expect(await auditCount("task.acknowledge", task.id)).toBe(1);

    const done = await operator.tasks.complete({ taskId: task.id, resolution: "Clamps torqued to spec" });
    await operator.tasks.complete({ taskId: task.id, resolution: "Sent again after a Wi-Fi drop" });
    expect(done).toMatchObject({ status: "DONE", resolution: "Clamps torqued to spec", overdue: false });
    expect(await auditCount("task.complete", task.id)).toBe(1);
    await expect(manager.tasks.cancel({ taskId: task.id, reason: "Not needed" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect((await operator.tasks.inbox({ status: "closed" })).tasks.map((entry) => entry.id)).toContain(task.id);
    expect((await operator.tasks.inbox({})).tasks.map((entry) => entry.id)).not.toContain(task.id);
  });

  it("lets operators write tasks only for themselves and act only on theirs; only managers cancel", async () => {
    const manager = await callerFor(db, platform, plant, "MANAGER");
    const operator = await callerFor(db, platform, plant, "OPERATOR");
    const own = await operator.tasks.create({ title: "Refill the coolant" });
    expect(own.assignee?.id).toBe(plant.users.OPERATOR.userId);
    await expect(
      operator.tasks.create({ title: "Do my paperwork", assigneeUserId: plant.users.MANAGER.userId }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(operator.tasks.create({ title: "For all managers", assigneeRole: "MANAGER" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(operator.tasks.cancel({ taskId: own.id, reason: "Changed my mind" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    const managersOwn = await manager.tasks.create({
      title: "Approve the overtime",
      assigneeUserId: plant.users.MANAGER.userId,
    });
    await expect(operator.tasks.acknowledge({ taskId: managersOwn.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await operator.tasks.inbox({})).tasks.map((entry) => entry.id)).not.toContain(managersOwn.id);
    await expect(operator.tasks.inbox({ scope: "all" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await manager.tasks.inbox({ scope: "all" })).tasks.map((entry) => entry.id)).toEqual(
      expect.arrayContaining([own.id, managersOwn.id]),
    );

    const cancelled = await manager.tasks.cancel({ taskId: own.id, reason: "Coolant was refilled by maintenance" });
    expect(cancelled).toMatchObject({ status: "CANCELLED", resolution: "Coolant was refilled by maintenance" });
    await expect(operator.tasks.complete({ taskId: own.id, resolution: "Done" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("refuses people, work centers and tasks of another plant", async () => {
    const manager = await callerFor(db, platform, plant, "MANAGER");
    await expect(
      manager.tasks.create({ title: "Foreign person", assigneeUserId: other.users.OPERATOR.userId }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      manager.tasks.create({ title: "Foreign machine", workCenterId: other.workCenterId }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const foreign = await withTenant(db.app.prisma, other.tenantId, (tx) =>
      tx.task.create({ data: { tenantId: other.tenantId, title: "Theirs", source: "manual" }, select: { id: true } }),
    );
    await expect(manager.tasks.acknowledge({ taskId: foreign.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(manager.tasks.inbox({ workCenterId: other.workCenterId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
