import { randomUUID } from "node:crypto";
import { withTenant } from "@gemba/db/tenant-scope";
import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createTestPlatform, type TestPlatform } from "../../testing/test-platform";
import { callerFor } from "../decisions/testing/decision-test-plant";
import { PRESS_STEPS, pressChecklist } from "./testing/sample-checklist";

let db: TestDatabase;
let platform: TestPlatform;
let plant: TenantFixture;

beforeAll(async () => {
  db = await createTestDatabase();
  platform = createTestPlatform();
  plant = await createTenantFixture(db, "Checklists");
});

afterAll(async () => {
  await platform.close();
  await db.drop();
});

const inPlant = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(db.app.prisma, plant.tenantId, work);

describe("checklist templates", () => {
  it("publishes version 1 on creation and audits it", async () => {
    const manager = await callerFor(db, platform, plant, "MANAGER");
    const { templateId } = await manager.checklists.templates.create({ ...pressChecklist(), lineId: plant.lineId });
    const template = await manager.checklists.templates.get({ templateId });
    expect(template).toMatchObject({ name: "Press start-up check", currentVersion: 1, line: { id: plant.lineId } });
    expect(template.shown.steps.map((step) => step.id)).toEqual(["die-temp", "guard", "first-part", "remarks"]);
    expect(template.shown.steps[0]?.input).toEqual({
      kind: "NUMBER",
      required: true,
      min: 180,
      max: 220,
      unit: "°C",
      decimals: 0,
    });
    expect(template.versions).toEqual([expect.objectContaining({ version: 1, stepCount: 4, runs: 0 })]);
    expect(template.versions[0]?.publishedBy?.id).toBe(plant.users.MANAGER.userId);
    const audit = await inPlant((tx) => tx.auditEntry.findMany({ where: { entityId: templateId } }));
    expect(audit.map((entry) => entry.action)).toEqual(["checklist.create"]);
    expect(audit[0]?.summary).toBe("Created the checklist “Press start-up check” and published version 1 (4 steps)");
  });

  it("refuses limits the wrong way round, naming the field", async () => {
    const manager = await callerFor(db, platform, plant, "MANAGER");
    const swapped = [
      { ...PRESS_STEPS[0], id: "gap", title: "Gap", input: { kind: "NUMBER" as const, min: 84, max: 80 } },
    ];
    const error = await manager.checklists.templates
      .create({ ...pressChecklist("Swapped"), steps: swapped })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    const cause = (error as TRPCError).cause;
    expect(cause).toBeInstanceOf(ZodError);
    expect((cause as ZodError).issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["steps.0.input.max", "The upper limit (80) is below the lower limit (84)."],
    ]);
  });

  it("is for managers: an operator can neither list nor write templates", async () => {
    const operator = await callerFor(db, platform, plant, "OPERATOR");
    await expect(operator.checklists.templates.create(pressChecklist("Mine"))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(operator.checklists.templates.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("publishes a new version that new runs get, while a run in progress keeps the one it started with", async () => {
    const manager = await callerFor(db, platform, plant, "MANAGER");
    const operator = await callerFor(db, platform, plant, "OPERATOR");
    const { templateId } = await manager.checklists.templates.create(pressChecklist("Versioned check"));
    const first = await operator.checklists.runs.start({
      templateId,
      workCenterId: plant.workCenterId,
      idempotencyKey: randomUUID(),
    });
    expect(first.version).toBe(1);

    const tighter = PRESS_STEPS.map((step) =>
      step.id === "die-temp"
        ? {
            ...step,
            title: "Upper die temperature",
            input: { kind: "NUMBER" as const, min: 190, max: 210, unit: "°C" },
          }
        : step,
    );
    const pressure = { id: "pressure", title: "Hydraulic pressure", input: { kind: "NUMBER" as const, max: 250 } };
    const published = await manager.checklists.templates.publishVersion({
      templateId,
      basedOnVersion: 1,
      requireSignOff: true,
      steps: [...tighter, pressure],
    });
    expect(published.version).toBe(2);

    const stillV1 = await operator.checklists.runs.get({ runId: first.id });
    expect(stillV1).toMatchObject({ version: 1, newerVersion: 2 });
    expect(stillV1.steps.map((step) => step.title)).toEqual(PRESS_STEPS.map((step) => step.title));
    // Judged by its own version's limits: 215 °C is fine in v1 (180–220), out of limit in v2 (190–210).
    const answered = await operator.checklists.runs.recordAnswer({
      runId: first.id,
      stepId: "die-temp",
      value: { number: 215 },
    });
    expect(answered.run.answers[0]).toMatchObject({ outOfLimit: false, valueText: "215 °C (limit 180–220 °C)" });

    const second = await operator.checklists.runs.start({
      templateId,
      workCenterId: plant.workCenterId,
      idempotencyKey: randomUUID(),
    });
    expect(second).toMatchObject({ version: 2, newerVersion: null });
    expect(second.steps.map((step) => step.id)).toEqual(["die-temp", "guard", "first-part", "remarks", "pressure"]);
    const v2Answer = await operator.checklists.runs.recordAnswer({
      runId: second.id,
      stepId: "die-temp",
      value: { number: 215 },
    });
    expect(v2Answer.run.answers[0]).toMatchObject({ outOfLimit: true, valueText: "215 °C (limit 190–210 °C)" });

    const history = await manager.checklists.templates.get({ templateId });
    expect(history.versions.map((version) => [version.version, version.stepCount, version.runs])).toEqual([
      [2, 5, 1],
      [1, 4, 1],
    ]);
    const oldVersion = await manager.checklists.templates.get({ templateId, version: 1 });
    expect(oldVersion.shown.steps[0]?.title).toBe("Die temperature");
    const audit = await inPlant((tx) =>
      tx.auditEntry.findFirstOrThrow({ where: { entityId: templateId, action: "checklist.publish" } }),
    );
    expect(audit.summary).toBe("Published version 2 of “Versioned check”: 1 step added, 1 step changed (5 steps)");
  });

  it("refuses an unchanged version and one published over a newer version", async () => {
    const manager = await callerFor(db, platform, plant, "MANAGER");
    const { templateId } = await manager.checklists.templates.create(pressChecklist("Unchanged check"));
    await expect(
      manager.checklists.templates.publishVersion({
        templateId,
        basedOnVersion: 1,
        requireSignOff: true,
        steps: PRESS_STEPS,
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^Nothing changed since version 1/),
    });
    await manager.checklists.templates.publishVersion({
      templateId,
      basedOnVersion: 1,
      requireSignOff: false,
      steps: PRESS_STEPS,
    });
    await expect(
      manager.checklists.templates.publishVersion({
        templateId,
        basedOnVersion: 1,
        requireSignOff: true,
        steps: PRESS_STEPS.slice(0, 2),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/Version 2 .* was published/) });
  });

  it("archives a template: it leaves the list and can no longer be started; restoring brings it back", async () => {
    const manager = await callerFor(db, platform, plant, "MANAGER");
    const operator = await callerFor(db, platform, plant, "OPERATOR");
    const { templateId } = await manager.checklists.templates.create(pressChecklist("Retired check"));
    await manager.checklists.templates.setArchived({ templateId, archived: true });
    await manager.checklists.templates.setArchived({ templateId, archived: true });
    expect((await manager.checklists.templates.list()).map((row) => row.id)).not.toContain(templateId);
    const all = await manager.checklists.templates.list({ includeArchived: true });
    expect(all.find((row) => row.id === templateId)?.archivedAt).toBeInstanceOf(Date);
    const available = await operator.checklists.templates.available({ workCenterId: plant.workCenterId });
    expect(available.templates.map((template) => template.id)).not.toContain(templateId);
    await expect(
      operator.checklists.runs.start({ templateId, workCenterId: plant.workCenterId, idempotencyKey: randomUUID() }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/archived/) });
    const archives = await inPlant((tx) =>
      tx.auditEntry.count({ where: { entityId: templateId, action: "checklist.archive" } }),
    );
    expect(archives).toBe(1);

    await manager.checklists.templates.setArchived({ templateId, archived: false });
    expect((await manager.checklists.templates.list()).map((row) => row.id)).toContain(templateId);
  });

  it("starts a line's checklist only on that line's work centers", async () => {
    const manager = await callerFor(db, platform, plant, "MANAGER");
    const operator = await callerFor(db, platform, plant, "OPERATOR");
    const otherCenter = await inPlant(async (tx) => {
      const line = await tx.line.create({
        data: {
          tenantId: plant.tenantId,
          areaId: plant.areaId,
          code: `L2-${randomUUID().slice(0, 6)}`,
          name: "Line 2",
        },
        select: { id: true },
      });
      return tx.workCenter.create({
        data: { tenantId: plant.tenantId, lineId: line.id, code: "WLD-9", name: "Weld cell", sequence: 1 },
        select: { id: true },
      });
    });
    const { templateId } = await manager.checklists.templates.create({
      ...pressChecklist("Line 1 only"),
      lineId: plant.lineId,
    });
    await expect(
      operator.checklists.runs.start({ templateId, workCenterId: otherCenter.id, idempotencyKey: randomUUID() }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "“Line 1 only” is for Line 1; WLD-9 is on Line 2." });
    const elsewhere = await operator.checklists.templates.available({ workCenterId: otherCenter.id });
    expect(elsewhere.templates.map((template) => template.id)).not.toContain(templateId);
    const here = await operator.checklists.templates.available({ workCenterId: plant.workCenterId });
    expect(here.templates.find((template) => template.id === templateId)).toMatchObject({
      forLine: true,
      stepCount: 4,
    });
    expect(here.orders.map((order) => order.id)).toEqual([plant.orderId]);
  });

  it("lists templates with their line, steps and use over the last 7 days", async () => {
    const manager = await callerFor(db, platform, plant, "MANAGER");
    const operator = await callerFor(db, platform, plant, "OPERATOR");
    const { templateId } = await manager.checklists.templates.create({
      ...pressChecklist("Counted check"),
      lineId: plant.lineId,
    });
    const run = await operator.checklists.runs.start({
      templateId,
      workCenterId: plant.workCenterId,
      orderId: plant.orderId,
      idempotencyKey: randomUUID(),
    });
    await operator.checklists.runs.recordAnswer({ runId: run.id, stepId: "first-part", value: { pass: false } });
    const row = (await manager.checklists.templates.list()).find((candidate) => candidate.id === templateId);
    expect(row).toMatchObject({
      line: { id: plant.lineId, name: "Line 1" },
      currentVersion: 1,
      stepCount: 4,
      runsLast7Days: 1,
      flaggedRunsLast7Days: 1,
      lastRun: { id: run.id, status: "IN_PROGRESS", failedSteps: 1 },
    });
  });
});
