import { randomUUID } from "node:crypto";
import { processSignal } from "@gemba/db/automation/process-signal";
import { withTenant } from "@gemba/db/tenant-scope";
import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { ZChecklistFailedSignalPayload } from "@gemba/domain/automation/signals";
import { signalJobId } from "@gemba/jobs/automation";
import { jobCatalog } from "@gemba/jobs/catalog";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../testing/test-platform";
import { callerFor, type TCaller } from "../decisions/testing/decision-test-plant";
import { pressChecklist } from "./testing/sample-checklist";

let db: TestDatabase;
let platform: TestPlatform;
let plant: TenantFixture;
let templateId: string;
let operator: TCaller;
let manager: TCaller;

beforeAll(async () => {
  db = await createTestDatabase();
  platform = createTestPlatform();
  plant = await createTenantFixture(db, "Runs");
  manager = await callerFor(db, platform, plant, "MANAGER");
  operator = await callerFor(db, platform, plant, "OPERATOR");
  ({ templateId } = await manager.checklists.templates.create(pressChecklist()));
});

afterAll(async () => {
  await platform.close();
  await db.drop();
});

const inPlant = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(db.app.prisma, plant.tenantId, work);

const start = (idempotencyKey = randomUUID()) =>
  operator.checklists.runs.start({
    templateId,
    workCenterId: plant.workCenterId,
    orderId: plant.orderId,
    idempotencyKey,
  });

const signalsOf = (runId: string) =>
  inPlant((tx) =>
    tx.automationSignal.findMany({
      where: { kind: "checklist.failed", key: { startsWith: `checklist:${runId}:` } },
      orderBy: { id: "asc" },
      select: { id: true, key: true, payload: true },
    }),
  );

describe("starting a run", () => {
  it("is idempotent on the client's key: the same start twice is one run, audited once", async () => {
    const key = randomUUID();
    const first = await start(key);
    const again = await start(key);
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({
      status: "IN_PROGRESS",
      version: 1,
      source: "manual",
      workCenter: { id: plant.workCenterId },
      order: { id: plant.orderId },
      startedBy: { id: plant.users.OPERATOR.userId },
      requireSignOff: true,
      progress: {
        steps: 4,
        answered: 0,
        required: 3,
        requiredDone: 0,
        missingStepIds: ["die-temp", "guard", "first-part"],
      },
    });
    const runs = await inPlant((tx) => tx.checklistRun.count({ where: { idempotencyKey: { endsWith: key } } }));
    expect(runs).toBe(1);
    const audits = await inPlant((tx) =>
      tx.auditEntry.count({ where: { entityId: first.id, action: "checklist_run.start" } }),
    );
    expect(audits).toBe(1);
  });

  it("refuses a key already used for another checklist, and another plant's order", async () => {
    const key = randomUUID();
    await start(key);
    const { templateId: otherTemplate } = await manager.checklists.templates.create(pressChecklist("Other check"));
    await expect(
      operator.checklists.runs.start({
        templateId: otherTemplate,
        workCenterId: plant.workCenterId,
        idempotencyKey: key,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      operator.checklists.runs.start({
        templateId,
        workCenterId: plant.workCenterId,
        orderId: randomUUID(),
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "This order does not exist in your plant." });
  });
});

describe("answering", () => {
  it("flags an out-of-limit value and writes exactly one signal, even when the answer is sent twice", async () => {
    const run = await start();
    const answer = { runId: run.id, stepId: "die-temp", value: { number: 232 }, idempotencyKey: randomUUID() };
    const first = await operator.checklists.runs.recordAnswer(answer);
    const resent = await operator.checklists.runs.recordAnswer(answer);
    expect(first.changed).toBe(true);
    expect(resent.changed).toBe(false);
    // The same value again under a new key (a second tap) changes nothing either.
    const tappedAgain = await operator.checklists.runs.recordAnswer({ ...answer, idempotencyKey: randomUUID() });
    expect(tappedAgain.changed).toBe(false);
    expect(first.run.answers).toEqual([
      expect.objectContaining({
        stepId: "die-temp",
        outOfLimit: true,
        failed: false,
        valueText: "232 °C (limit 180–220 °C)",
        recordedBy: { id: plant.users.OPERATOR.userId, name: expect.any(String) },
      }),
    ]);
    expect(first.run.failedSteps).toBe(1);

    const signals = await signalsOf(run.id);
    expect(signals).toHaveLength(1);
    expect(signals[0]?.key).toBe(`checklist:${run.id}:die-temp:1`);
    expect(ZChecklistFailedSignalPayload.parse(signals[0]?.payload)).toEqual({
      runId: run.id,
      templateId,
      templateName: "Press start-up check",
      workCenterId: plant.workCenterId,
      orderId: plant.orderId,
      stepId: "die-temp",
      stepTitle: "Die temperature",
      valueText: "232 °C (limit 180–220 °C)",
      outOfLimit: true,
      failed: false,
    });
    // After commit the engine is woken with a job of a deterministic id.
    const job = await platform.queues
      .get(jobCatalog["automation.signal"].queue)
      .getJob(signalJobId(plant.tenantId, String(signals[0]?.id)));
    expect(job?.data).toEqual({ tenantId: plant.tenantId, signalId: String(signals[0]?.id) });
    const audits = await inPlant((tx) =>
      tx.auditEntry.count({ where: { entityId: run.id, action: "checklist_run.answer" } }),
    );
    expect(audits).toBe(1);
  });

  it("replaces an answer (audited with the old value); failing again after a fix is a new signal", async () => {
    const run = await start();
    const failing = { runId: run.id, stepId: "first-part" };
    await operator.checklists.runs.recordAnswer({ ...failing, value: { pass: false }, note: "Burr on the edge" });
    // Still failing, only the note changes: the same problem, no new signal.
    await operator.checklists.runs.recordAnswer({ ...failing, value: { pass: false }, note: "Burr on the left edge" });
    const fixed = await operator.checklists.runs.recordAnswer({ ...failing, value: { pass: true } });
    expect(fixed.run.failedSteps).toBe(0);
    expect(fixed.run.answers[0]).toMatchObject({ failed: false, valueText: "Pass", note: null });
    await operator.checklists.runs.recordAnswer({ ...failing, value: { pass: false } });
    expect((await signalsOf(run.id)).map((signal) => signal.key)).toEqual([
      `checklist:${run.id}:first-part:1`,
      `checklist:${run.id}:first-part:4`,
    ]);
    const changes = await inPlant((tx) =>
      tx.auditEntry.findMany({
        where: { entityId: run.id, action: "checklist_run.answer" },
        orderBy: { id: "asc" },
        select: { summary: true, before: true },
      }),
    );
    expect(changes).toHaveLength(4);
    expect(changes[2]?.summary).toMatch(/^Changed the answer to “First part matches the master sample” .*: Pass$/);
    expect(changes[2]?.before).toMatchObject({ value: { pass: false }, failed: true, note: "Burr on the left edge" });
  });

  it("ignores a late replay of an older answer: its key was applied already", async () => {
    const run = await start();
    const older = { runId: run.id, stepId: "die-temp", value: { number: 230 }, idempotencyKey: randomUUID() };
    await operator.checklists.runs.recordAnswer(older);
    await operator.checklists.runs.recordAnswer({ ...older, value: { number: 205 }, idempotencyKey: randomUUID() });
    const replay = await operator.checklists.runs.recordAnswer(older);
    expect(replay.changed).toBe(false);
    expect(replay.run.answers[0]).toMatchObject({ value: { number: 205 }, outOfLimit: false });
    expect(await signalsOf(run.id)).toHaveLength(1);
  });

  it("refuses an answer that does not fit the step, with a sentence", async () => {
    const run = await start();
    await expect(
      operator.checklists.runs.recordAnswer({ runId: run.id, stepId: "die-temp", value: { number: 200.5 } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Enter a whole number for this step." });
    await expect(
      operator.checklists.runs.recordAnswer({ runId: run.id, stepId: "guard", value: { pass: true } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: /ticked or not/ });
    await expect(
      operator.checklists.runs.recordAnswer({ runId: run.id, stepId: "no-such-step", value: { checked: true } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      operator.checklists.runs.recordAnswer({ runId: run.id, stepId: "remarks", value: { mediaId: randomUUID() } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "This step takes a written answer." });
  });
});

describe("completing", () => {
  it("needs every required step and the sign-off; the signer is the person completing it", async () => {
    const run = await start();
    const answer = (stepId: string, value: { number: number } | { checked: boolean } | { pass: boolean }) =>
      operator.checklists.runs.recordAnswer({ runId: run.id, stepId, value });
    await answer("die-temp", { number: 201 });
    await answer("guard", { checked: false });
    await expect(operator.checklists.runs.complete({ runId: run.id, signOff: true })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message:
        "Answer the required steps “Light curtain and guard interlock tested”, “First part matches the master sample” first.",
    });
    await answer("guard", { checked: true });
    await answer("first-part", { pass: false });
    await expect(operator.checklists.runs.complete({ runId: run.id, signOff: false })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "This checklist must be signed off: confirm that you checked every step.",
    });

    const before = Date.now();
    const done = await operator.checklists.runs.complete({ runId: run.id, signOff: true });
    expect(done).toMatchObject({
      status: "COMPLETED",
      signedOffBy: { id: plant.users.OPERATOR.userId },
      failedSteps: 1,
      progress: { requiredDone: 3, missingStepIds: [] },
    });
    expect(done.signedOffAt?.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    // Completing again is a no-op; changing it afterwards is refused.
    await expect(manager.checklists.runs.complete({ runId: run.id, signOff: true })).resolves.toMatchObject({
      signedOffBy: { id: plant.users.OPERATOR.userId },
    });
    await expect(answer("first-part", { pass: true })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(operator.checklists.runs.abandon({ runId: run.id, reason: "Wrong checklist" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const audit = await inPlant((tx) =>
      tx.auditEntry.findMany({
        where: { entityId: run.id, action: "checklist_run.complete" },
        select: { summary: true },
      }),
    );
    expect(audit).toEqual([
      {
        summary: expect.stringMatching(
          /^Completed “Press start-up check” on .* and signed it off — 1 step out of limit or failed$/,
        ),
      },
    ]);
  });

  it("completes without a sign-off when the version does not ask for one", async () => {
    const { templateId: quick } = await manager.checklists.templates.create({
      ...pressChecklist("Quick check"),
      requireSignOff: false,
      steps: [{ id: "clean", title: "Work area clean", input: { kind: "CHECK" } }],
    });
    const run = await operator.checklists.runs.start({
      templateId: quick,
      workCenterId: plant.workCenterId,
      idempotencyKey: randomUUID(),
    });
    await operator.checklists.runs.recordAnswer({ runId: run.id, stepId: "clean", value: { checked: true } });
    const done = await operator.checklists.runs.complete({ runId: run.id, signOff: false });
    expect(done).toMatchObject({ status: "COMPLETED", signedOffAt: null, signedOffBy: null });
    expect(done.completedAt).toBeInstanceOf(Date);
  });

  it("abandons with a reason that the run shows", async () => {
    const run = await start();
    await expect(operator.checklists.runs.abandon({ runId: run.id, reason: "x" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const abandoned = await operator.checklists.runs.abandon({ runId: run.id, reason: "Started on the wrong press" });
    expect(abandoned).toMatchObject({ status: "ABANDONED", abandonReason: "Started on the wrong press" });
    await expect(operator.checklists.runs.complete({ runId: run.id, signOff: true })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});

describe("listing runs", () => {
  it("lists a work center's runs newest first, and only flagged ones with the failed steps named", async () => {
    const flagged = await start();
    await operator.checklists.runs.recordAnswer({ runId: flagged.id, stepId: "die-temp", value: { number: 150 } });
    await operator.checklists.runs.recordAnswer({ runId: flagged.id, stepId: "first-part", value: { pass: false } });
    const here = await operator.checklists.runs.list({ workCenterId: plant.workCenterId, status: "IN_PROGRESS" });
    expect(here.runs[0]?.id).toBe(flagged.id);
    expect(here.runs.every((run) => run.status === "IN_PROGRESS")).toBe(true);
    const onlyFlagged = await manager.checklists.runs.list({ flaggedOnly: true, limit: 200 });
    const row = onlyFlagged.runs.find((run) => run.id === flagged.id);
    expect(row).toMatchObject({
      templateName: "Press start-up check",
      orderNumber: expect.any(String),
      failedSteps: 2,
      answered: 2,
      stepCount: 4,
      flagged: [
        { stepId: "die-temp", title: "Die temperature", failed: false },
        { stepId: "first-part", title: "First part matches the master sample", failed: true },
      ],
    });
    expect(onlyFlagged.runs.every((run) => run.failedSteps > 0)).toBe(true);
  });
});

describe("a failed checklist and the rules", () => {
  it("fires a rule that attaches the run to a decision, and the decision shows it as evidence", async () => {
    const { decisionId } = await manager.decisions.log({
      title: "Run the press with die set 15 until set 14 is reground",
      rationale: "Set 14 runs hot; set 15 is qualified for the same parts.",
      options: [
        { label: "Use set 15", chosen: true },
        { label: "Keep set 14", chosen: false },
      ],
      constraints: [{ kind: "QUALITY" as const, detail: "First parts must match the master sample" }],
      expectedOutcome: "Die temperature stays within limits.",
    });
    await manager.rules.create({
      name: "Hot die evidence",
      definition: {
        trigger: { kind: "CHECKLIST_FAILED", templateIds: [templateId] },
        actions: [{ kind: "ATTACH_TO_DECISION", decisionId }],
      },
    });
    const run = await start();
    await operator.checklists.runs.recordAnswer({
      runId: run.id,
      stepId: "die-temp",
      value: { number: 236 },
      idempotencyKey: randomUUID(),
    });
    const [signal] = await signalsOf(run.id);
    expect(signal).toBeDefined();
    // What the worker does with the signal (the engine itself is tested in apps/worker).
    await processSignal(db.app, plant.tenantId, String(signal?.id));
    await processSignal(db.app, plant.tenantId, String(signal?.id));

    const decision = await manager.decisions.get({ decisionId });
    const evidence = decision.links.filter((link) => link.kind === "CHECKLIST_RUN");
    expect(evidence).toEqual([
      expect.objectContaining({ ref: run.id, target: { kind: "CHECKLIST_RUN", runId: run.id } }),
    ]);
    expect(evidence[0]?.label).toMatch(/Die temperature/);
  });
});
