import { createUserSession } from "@gemba/auth/sessions";
import { insertEvents } from "@gemba/db/events/insert-events";
import { refreshWorkCenter } from "@gemba/db/execution/refresh-work-center";
import { seedReasonTree } from "@gemba/db/reasons/seed-reason-tree";
import { type Tx, withTenant, withTenantClient } from "@gemba/db/tenant-scope";
import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { QUEUES } from "@gemba/jobs/constants";
import { takeDirtySpan } from "@gemba/jobs/execution-refresh";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "../../root";
import { createTestPlatform, type TestPlatform } from "../../testing/test-platform";

let db: TestDatabase;
let plant: TenantFixture;
let platform: TestPlatform;
let workCenterId: string;
const now = Date.now();
const minutes = (count: number) => count * 60_000;
const jamStart = new Date(now - minutes(90));
const coolantStart = new Date(now - minutes(50));
const scrapAt = new Date(now - minutes(20));

beforeAll(async () => {
  db = await createTestDatabase();
  plant = await createTenantFixture(db, "Reasons");
  platform = createTestPlatform();
  workCenterId = await withTenant(db.app.prisma, plant.tenantId, async (tx) => {
    await seedReasonTree(tx, plant.tenantId);
    const wc = await tx.workCenter.create({
      data: { tenantId: plant.tenantId, lineId: plant.lineId, code: "PRS-9", name: "Press 9", sequence: 9 },
      select: { id: true },
    });
    // An order running all along gives scrap an ideal time, hence a quality loss.
    await tx.productionOrder.create({
      data: {
        tenantId: plant.tenantId,
        externalId: "R-1",
        productId: plant.productId,
        workCenterId: wc.id,
        quantity: 100,
        status: "IN_PROGRESS",
        dueAt: new Date(now + minutes(600)),
        startedAt: new Date(now - minutes(180)),
      },
    });
    return wc.id;
  });
  const event = (time: number, kind: string, key: string, payload: Record<string, unknown>) => ({
    workCenterId,
    kind,
    eventTime: new Date(time),
    sourceId: "plc",
    dedupeKey: key,
    payload,
  });
  await withTenantClient(db.app.pool, plant.tenantId, (client) =>
    insertEvents(client, plant.tenantId, [
      event(now - minutes(120), "machine.state", "a", { state: "RUNNING" }),
      event(jamStart.getTime(), "machine.state", "b", { state: "DOWN", reasonCode: "JAM" }),
      event(now - minutes(80), "machine.state", "c", { state: "RUNNING" }),
      // A code the plant has not listed (yet): counted by the state's default loss.
      event(coolantStart.getTime(), "machine.state", "d", { state: "DOWN", reasonCode: "COOLANT" }),
      event(now - minutes(40), "machine.state", "e", { state: "RUNNING" }),
      event(scrapAt.getTime(), "production.scrap", "f", { quantity: 3, reasonCode: "SURFACE" }),
      event(now - minutes(1), "machine.state", "g", { state: "RUNNING" }),
    ]),
  );
  await refresh(now - minutes(120), now);
});

afterAll(async () => {
  await platform.close();
  await db.drop();
});

beforeEach(async () => {
  // Each test looks at the refreshes it asked for, not those of the test before.
  await takeDirtySpan(platform.redis, workCenterId);
});

const refresh = (changedFrom: number, changedTo: number) =>
  refreshWorkCenter(db.app.pool, { tenantId: plant.tenantId, workCenterId, changedFrom, changedTo, now });

/** Does what the worker would: takes the span the change marked, and derives it again. */
async function runRequestedRefresh() {
  const span = await takeDirtySpan(platform.redis, workCenterId);
  expect(span, "a refresh was requested").not.toBeNull();
  if (span) await refresh(span.from, span.to);
  return span;
}

async function callerFor(role: "ADMIN" | "MANAGER" | "OPERATOR", withPlatform = true) {
  const userId = plant.users[role].userId;
  const sessionId = await createUserSession(db.app.prisma, { userId });
  return createCaller({
    db: db.app.prisma,
    session: { sessionId, userId, activeTenantId: plant.tenantId },
    requestId: "t",
    ...(withPlatform ? { platform } : {}),
  });
}

const inTenant = <T>(work: (tx: Tx) => Promise<T>) => withTenant(db.app.prisma, plant.tenantId, work);
const stopAt = (stopStart: Date) =>
  inTenant((tx) => tx.stateInterval.findFirstOrThrow({ where: { workCenterId, stopStart } }));
const categoryId = async (name: string) => {
  const tree = await (await callerFor("ADMIN")).reasons.tree();
  const category = tree.categories.find((entry) => entry.name === name);
  if (!category) throw new Error(`no category ${name}`);
  return category.id;
};
const lastAudit = (action: string) =>
  inTenant((tx) => tx.auditEntry.findFirstOrThrow({ where: { action }, orderBy: { id: "desc" } }));

describe("the reason tree", () => {
  it("lists the categories in order with their reasons and how each counts", async () => {
    const tree = await (await callerFor("ADMIN")).reasons.tree();
    expect(tree.categories.map((category) => category.name)).toEqual([
      "Breakdowns",
      "Setup and changeover",
      "Flow and minor stops",
      "Quality",
      "Planned time off",
    ]);
    const planned = tree.categories[4]?.reasons ?? [];
    expect(planned.find((reason) => reason.code === "BREAK")).toMatchObject({
      lossCategory: null,
      excludedFromPlannedTime: true,
      bookedByCalendar: true,
      active: true,
    });
  });

  it("is for admins only", async () => {
    await expect((await callerFor("MANAGER")).reasons.tree()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const operator = await callerFor("OPERATOR");
    await expect(operator.reasons.createCategory({ name: "Mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("changing how a reason counts", () => {
  it("re-derives the stops that carry it, so the loss moves, and audits the change", async () => {
    expect(await stopAt(jamStart)).toMatchObject({ reasonCode: "JAM", lossCategory: "EQUIPMENT_FAILURE" });
    const admin = await callerFor("ADMIN");
    const result = await admin.reasons.updateReason({
      code: "JAM",
      categoryId: await categoryId("Breakdowns"),
      label: "Part jam in the feeder",
      appliesTo: "DOWN",
      lossCategory: "SETUP_ADJUSTMENT",
      excludedFromPlannedTime: false,
    });
    expect(result.recalculation).toMatchObject({ workCenterCount: 1 });
    expect(result.recalculation.from?.getTime()).toBeLessThanOrEqual(jamStart.getTime());

    const jobs = await platform.queues.get(QUEUES.execution).getJobs(["waiting", "delayed"]);
    expect(jobs.map((job) => job.data)).toContainEqual({ tenantId: plant.tenantId, workCenterId });
    const span = await runRequestedRefresh();
    expect(span?.from).toBeLessThanOrEqual(jamStart.getTime());
    expect(await stopAt(jamStart)).toMatchObject({ reasonCode: "JAM", lossCategory: "SETUP_ADJUSTMENT" });

    const audit = await lastAudit("reason.update");
    expect(audit).toMatchObject({ actorId: plant.users.ADMIN.userId, entityType: "ReasonCode", entityId: "JAM" });
    expect(audit.summary).toContain("Setup and adjustment");
  });

  it("takes a stop out of planned time when its reason becomes planned time off", async () => {
    const admin = await callerFor("ADMIN");
    await admin.reasons.updateReason({
      code: "JAM",
      categoryId: await categoryId("Breakdowns"),
      label: "Part jam in the feeder",
      appliesTo: "DOWN",
      lossCategory: null,
      excludedFromPlannedTime: true,
    });
    await runRequestedRefresh();
    expect(await stopAt(jamStart)).toMatchObject({ scheduled: false, lossCategory: null });
  });

  it("does not re-derive anything for a new label", async () => {
    const admin = await callerFor("ADMIN");
    const result = await admin.reasons.updateReason({
      code: "FAIL_MECH",
      categoryId: await categoryId("Breakdowns"),
      label: "Mechanical breakdown",
      appliesTo: "DOWN",
      lossCategory: "EQUIPMENT_FAILURE",
      excludedFromPlannedTime: false,
    });
    expect(result.recalculation.workCenterCount).toBe(0);
    expect(await takeDirtySpan(platform.redis, workCenterId)).toBeNull();
    expect((await lastAudit("reason.update")).summary).toContain('"Mechanical breakdown"');
  });

  it("re-derives the buckets whose scrap a scrap reason explains", async () => {
    const bucketOfScrap = () =>
      inTenant((tx) =>
        tx.workCenterBucket.findFirstOrThrow({
          where: { workCenterId, bucketStart: { lte: scrapAt }, NOT: { scrapByReason: { equals: {} } } },
          orderBy: { bucketStart: "desc" },
        }),
      );
    expect(await bucketOfScrap()).toMatchObject({ processDefectsMs: 36_000, startupRejectsMs: 0 });
    const admin = await callerFor("ADMIN");
    const result = await admin.reasons.updateReason({
      code: "SURFACE",
      categoryId: await categoryId("Quality"),
      label: "Surface defect",
      appliesTo: "SCRAP",
      lossCategory: "STARTUP_REJECTS",
      excludedFromPlannedTime: false,
    });
    expect(result.recalculation.workCenterCount).toBe(1);
    await runRequestedRefresh();
    expect(await bucketOfScrap()).toMatchObject({ processDefectsMs: 0, startupRejectsMs: 36_000 });
  });

  it("counts stops already reported with a new reason's code by the new reason", async () => {
    expect(await stopAt(coolantStart)).toMatchObject({ reasonCode: "COOLANT", lossCategory: "EQUIPMENT_FAILURE" });
    const admin = await callerFor("ADMIN");
    const created = await admin.reasons.createReason({
      code: "coolant",
      categoryId: await categoryId("Flow and minor stops"),
      label: "Coolant low",
      appliesTo: "IDLE",
      lossCategory: "MINOR_STOPS",
      excludedFromPlannedTime: false,
    });
    expect(created).toMatchObject({ code: "COOLANT", recalculation: { workCenterCount: 1 } });
    await runRequestedRefresh();
    expect(await stopAt(coolantStart)).toMatchObject({ lossCategory: "MINOR_STOPS" });
    expect((await lastAudit("reason.create")).summary).toBe(
      'Added reason COOLANT "Coolant low" to "Flow and minor stops": Idling and minor stops (performance)',
    );
  });

  it("saves without queues (no worker configured) and says nothing is queued", async () => {
    const admin = await callerFor("ADMIN", false);
    const result = await admin.reasons.updateReason({
      code: "COOLANT",
      categoryId: await categoryId("Flow and minor stops"),
      label: "Coolant low",
      appliesTo: "DOWN",
      lossCategory: "EQUIPMENT_FAILURE",
      excludedFromPlannedTime: false,
    });
    expect(result.recalculation.workCenterCount).toBe(1);
    expect(await takeDirtySpan(platform.redis, workCenterId)).toBeNull();
  });
});

describe("consistency of a reason", () => {
  const base = {
    label: "Tool wear",
    appliesTo: "DOWN" as const,
    lossCategory: "EQUIPMENT_FAILURE" as const,
    excludedFromPlannedTime: false,
  };

  async function issuesOf(attempt: Promise<unknown>) {
    const error = await attempt.then(
      () => null,
      (caught: unknown) => caught as { code: string; cause?: { issues?: { path: unknown[]; message: string }[] } },
    );
    expect(error?.code).toBe("BAD_REQUEST");
    return (error?.cause?.issues ?? []).map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  }

  it("refuses scrap outside the quality losses, time off with a loss, and odd codes", async () => {
    const admin = await callerFor("ADMIN");
    const categoryOfQuality = await categoryId("Quality");
    expect(
      await issuesOf(
        admin.reasons.createReason({ ...base, code: "BURR", categoryId: categoryOfQuality, appliesTo: "SCRAP" }),
      ),
    ).toEqual(["lossCategory: A scrap reason counts against a quality loss: process defects or start-up rejects."]);
    const timeOff = await issuesOf(
      admin.reasons.createReason({
        ...base,
        code: "LUNCH",
        categoryId: categoryOfQuality,
        excludedFromPlannedTime: true,
      }),
    );
    expect(timeOff[0]).toMatch(/^lossCategory: .*has no loss category/);
    const odd = await issuesOf(admin.reasons.createReason({ ...base, code: "9 lives", categoryId: categoryOfQuality }));
    expect(odd[0]).toMatch(/^code: .*starting with a letter/);
    const brk = await issuesOf(
      admin.reasons.updateReason({
        ...base,
        code: "BREAK",
        appliesTo: "PLANNED_STOP",
        lossCategory: "SETUP_ADJUSTMENT",
        categoryId: await categoryId("Planned time off"),
      }),
    );
    expect(brk[0]).toMatch(/^excludedFromPlannedTime: BREAK is booked by the shift calendar/);
  });

  it("keeps codes unique", async () => {
    const admin = await callerFor("ADMIN");
    await expect(
      admin.reasons.createReason({ ...base, code: "jam", categoryId: await categoryId("Breakdowns") }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("JAM is already used") });
  });
});

describe("deactivating instead of deleting", () => {
  it("hides a reason from operators but keeps it, and brings it back", async () => {
    const admin = await callerFor("ADMIN");
    await admin.reasons.setReasonActive({ code: "TOOL_BREAK", active: false });
    const tree = await admin.reasons.tree();
    const reason = tree.categories.flatMap((category) => category.reasons).find((r) => r.code === "TOOL_BREAK");
    expect(reason?.active).toBe(false);
    expect((await lastAudit("reason.deactivate")).summary).toContain("past stops keep it");
    expect(await takeDirtySpan(platform.redis, workCenterId)).toBeNull();

    const operator = await callerFor("OPERATOR");
    await expect(
      operator.downtime.classify({ workCenterId, stopStart: jamStart.toISOString(), reasonCode: "TOOL_BREAK" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });

    await admin.reasons.setReasonActive({ code: "TOOL_BREAK", active: true });
    expect((await lastAudit("reason.reactivate")).entityId).toBe("TOOL_BREAK");
  });
});

describe("categories", () => {
  it("adds, renames, reorders and removes an empty one", async () => {
    const admin = await callerFor("ADMIN");
    const { categoryId: added } = await admin.reasons.createCategory({ name: "Utilities" });
    await expect(admin.reasons.createCategory({ name: "utilities" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(admin.reasons.renameCategory({ categoryId: added, name: "quality" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await admin.reasons.renameCategory({ categoryId: added, name: "Utilities and media" });

    const ids = (await admin.reasons.tree()).categories.map((category) => category.id);
    expect(ids.at(-1)).toBe(added);
    await admin.reasons.reorderCategories({ categoryIds: [added, ...ids.slice(0, -1)] });
    const tree = await admin.reasons.tree();
    expect(tree.categories[0]?.name).toBe("Utilities and media");
    await expect(admin.reasons.reorderCategories({ categoryIds: ids.slice(1) })).rejects.toMatchObject({
      code: "CONFLICT",
    });

    await expect(admin.reasons.deleteCategory({ categoryId: await categoryId("Quality") })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Move them to another category first"),
    });
    await admin.reasons.deleteCategory({ categoryId: added });
    expect((await admin.reasons.tree()).categories.map((category) => category.id)).not.toContain(added);
    const actions = await inTenant((tx) =>
      tx.auditEntry.findMany({ where: { entityType: "ReasonCategory", entityId: added }, select: { action: true } }),
    );
    expect(actions.map((entry) => entry.action).sort()).toEqual([
      "reason_category.create",
      "reason_category.delete",
      "reason_category.rename",
      "reason_category.reorder",
    ]);
  });

  it("moves a reason to another category and reorders a category's reasons", async () => {
    const admin = await callerFor("ADMIN");
    const breakdowns = await categoryId("Breakdowns");
    const codes = (await admin.reasons.tree()).categories
      .find((category) => category.id === breakdowns)
      ?.reasons.map((reason) => reason.code);
    expect(codes?.[0]).toBe("FAIL_MECH");
    const reversed = [...(codes ?? [])].reverse();
    await admin.reasons.reorderReasons({ categoryId: breakdowns, codes: reversed });
    const after = (await admin.reasons.tree()).categories.find((category) => category.id === breakdowns);
    expect(after?.reasons.map((reason) => reason.code)).toEqual(reversed);
    await expect(
      admin.reasons.reorderReasons({ categoryId: breakdowns, codes: reversed.slice(1) }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
