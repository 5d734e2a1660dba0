import { randomUUID } from "node:crypto";
import { withTenant } from "@gemba/db/tenant-scope";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { downtimeRef, reviewTaskKey } from "@gemba/domain/decisions/decision-kinds";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../testing/test-platform";
import { callerFor, createDecisionTestPlant, type TDecisionTestPlant } from "./testing/decision-test-plant";

let db: TestDatabase;
let platform: TestPlatform;
let plant: TDecisionTestPlant;
let other: TDecisionTestPlant;

beforeAll(async () => {
  db = await createTestDatabase();
  platform = createTestPlatform();
  plant = await createDecisionTestPlant(db, "Alpha");
  other = await createDecisionTestPlant(db, "Beta");
});

afterAll(async () => {
  await platform.close();
  await db.drop();
});

const HOUR = 3_600_000;

function draft(overrides: Record<string, unknown> = {}) {
  return {
    title: "Move the running order to PRS-8 while PRS-7 is down",
    rationale: "The hydraulic pump is on order until tomorrow; PRS-8 has the same die set.",
    options: [
      { label: "Move to PRS-8", chosen: true },
      { label: "Wait for the pump", chosen: false, note: "Misses the due date" },
    ],
    constraints: [
      { kind: "DUE_DATE" as const, detail: "Customer pickup at 18:00" },
      { kind: "STAFFING" as const, detail: "Only one setter on shift" },
    ],
    expectedOutcome: "The order finishes on PRS-8 before the pickup.",
    ...overrides,
  };
}

const inTenant = <T>(tenantId: string, work: Parameters<typeof withTenant<T>>[2]) =>
  withTenant(db.app.prisma, tenantId, work);

describe("logging a decision from a downtime", () => {
  it("links the stop and freezes the line's states, running orders and the press's last 30 minutes", async () => {
    const operator = await callerFor(db, platform, plant, "OPERATOR");
    const logged = await operator.decisions.log({
      ...draft(),
      situation: { kind: "DOWNTIME", workCenterId: plant.pressId, stopStart: plant.stopStart.toISOString() },
    });
    expect(logged).toMatchObject({ created: true, reviewTaskId: null });

    const decision = await operator.decisions.get({ decisionId: logged.decisionId });
    expect(decision.workCenter?.id).toBe(plant.pressId);
    expect(decision.decidedBy?.id).toBe(plant.users.OPERATOR.userId);
    expect(decision.options.find((option) => option.chosen)?.label).toBe("Move to PRS-8");
    expect(decision.constraints.map((constraint) => constraint.kind).sort()).toEqual(["DUE_DATE", "STAFFING"]);
    expect(decision.links).toEqual([
      expect.objectContaining({
        kind: "DOWNTIME",
        ref: downtimeRef(plant.pressId, plant.stopStart),
        label: expect.stringMatching(/^PRS-7-Alpha down from .+, 20 min, no reason yet$/),
      }),
    ]);
    expect(decision.situation).toMatchObject({ kind: "DOWNTIME", label: decision.links[0]?.label });

    const snapshot = decision.contextSnapshot;
    expect(snapshot?.scope).toEqual({ kind: "LINE", label: "Line 1" });
    expect(snapshot?.workCenters.map((workCenter) => workCenter.id)).toContain(plant.pressId);
    expect(snapshot?.workCenters.find((workCenter) => workCenter.id === plant.pressId)).toMatchObject({
      state: "DOWN",
      unclassified: true,
      since: plant.stopStart.toISOString(),
    });
    expect(snapshot?.orders).toEqual([
      expect.objectContaining({ id: plant.runningOrderId, workCenterCode: "PRS-7-Alpha", quantity: 400 }),
    ]);
    expect(snapshot?.recent?.events.map((event) => event.summary)).toEqual([
      "Issue raised: hydraulic oil on the floor",
      "Machine reported down",
    ]);
    expect(snapshot?.recent?.counted).toEqual({ total: 12, good: 12 });

    const audit = await inTenant(plant.tenantId, (tx) =>
      tx.auditEntry.findFirstOrThrow({ where: { action: "decision.log", entityId: logged.decisionId } }),
    );
    expect(audit.actorId).toBe(plant.users.OPERATOR.userId);
  });

  it("stores a re-sent decision once, and refuses someone else's key", async () => {
    const operator = await callerFor(db, platform, plant, "OPERATOR");
    const idempotencyKey = randomUUID();
    const input = { ...draft({ title: "Sent twice from a tablet" }), idempotencyKey };
    const first = await operator.decisions.log(input);
    const again = await operator.decisions.log(input);
    expect(again).toEqual({ ...first, created: false });
    const stored = await inTenant(plant.tenantId, (tx) => tx.decision.count({ where: { idempotencyKey } }));
    expect(stored).toBe(1);
    const audits = await inTenant(plant.tenantId, (tx) =>
      tx.auditEntry.count({ where: { action: "decision.log", entityId: first.decisionId } }),
    );
    expect(audits).toBe(1);

    const manager = await callerFor(db, platform, plant, "MANAGER");
    await expect(manager.decisions.log(input)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses a draft without exactly one chosen option, with a sentence", async () => {
    const operator = await callerFor(db, platform, plant, "OPERATOR");
    await expect(operator.decisions.log(draft({ options: [{ label: "A", chosen: false }] }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Mark the option that was chosen.",
    });
  });
});

describe("review date and outcome", () => {
  it("creates exactly one review task for the decider, and recording the outcome completes it", async () => {
    const manager = await callerFor(db, platform, plant, "MANAGER");
    const reviewAt = new Date(Date.now() + 48 * HOUR).toISOString();
    const idempotencyKey = randomUUID();
    const input = {
      ...draft({ title: "Run the weekend shift with two setters" }),
      situation: { kind: "ORDER" as const, orderId: plant.runningOrderId },
      reviewAt,
      idempotencyKey,
    };
    const logged = await manager.decisions.log(input);
    await manager.decisions.log(input);
    expect(logged.reviewTaskId).toBeTruthy();

    const tasks = await inTenant(plant.tenantId, (tx) =>
      tx.task.findMany({ where: { source: "decision.review", sourceId: logged.decisionId } }),
    );
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      id: logged.reviewTaskId,
      status: "OPEN",
      assigneeUserId: plant.users.MANAGER.userId,
      dueAt: new Date(reviewAt),
      idempotencyKey: reviewTaskKey(logged.decisionId),
      workCenterId: plant.pressId,
    });
    const inbox = await manager.tasks.inbox({});
    expect(inbox.tasks.find((task) => task.id === logged.reviewTaskId)).toMatchObject({
      decision: { id: logged.decisionId },
      can: { acknowledge: true, complete: true, cancel: true },
    });

    // Only the decider or a manager records the outcome.
    const operator = await callerFor(db, platform, plant, "OPERATOR");
    await expect(
      operator.decisions.recordOutcome({ decisionId: logged.decisionId, actualOutcome: "Shipped" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    const outcome = await manager.decisions.recordOutcome({
      decisionId: logged.decisionId,
      actualOutcome: "Shipped on time; the second setter cut the changeover to 25 min.",
    });
    expect(outcome).toMatchObject({ changed: true, reviewTaskCompleted: true });
    const again = await manager.decisions.recordOutcome({
      decisionId: logged.decisionId,
      actualOutcome: "Shipped on time; the second setter cut the changeover to 25 min.",
    });
    expect(again).toMatchObject({ changed: false, reviewTaskCompleted: false });

    const detail = await manager.decisions.get({ decisionId: logged.decisionId });
    expect(detail.actualOutcome).toMatch(/^Shipped on time/);
    expect(detail.reviewTask).toMatchObject({ status: "DONE", completedBy: { id: plant.users.MANAGER.userId } });
    expect(detail.links.map((link) => link.kind)).toEqual(["ORDER"]);
    const actions = await inTenant(plant.tenantId, (tx) =>
      tx.auditEntry.findMany({
        where: { entityId: { in: [logged.decisionId, logged.reviewTaskId ?? ""] } },
        orderBy: { seq: "asc" },
        select: { action: true },
      }),
    );
    expect(actions.map((entry) => entry.action)).toEqual([
      "decision.log",
      "task.create",
      "decision.outcome",
      "task.complete",
    ]);
  });

  it("cannot be rewritten: the database refuses changes other than the outcome", async () => {
    const manager = await callerFor(db, platform, plant, "MANAGER");
    const { decisionId } = await manager.decisions.log(draft({ title: "Keep the night shift on line 1" }));
    const key = { tenantId_id: { tenantId: plant.tenantId, id: decisionId } };
    await expect(
      inTenant(plant.tenantId, (tx) => tx.decision.update({ where: key, data: { title: "Something else" } })),
    ).rejects.toThrow(/cannot be rewritten/);
    await expect(
      inTenant(plant.tenantId, (tx) => tx.decision.update({ where: key, data: { decidedAt: new Date(0) } })),
    ).rejects.toThrow(/cannot be rewritten/);
    await expect(
      inTenant(plant.tenantId, (tx) => tx.decision.update({ where: key, data: { reviewAt: new Date(0) } })),
    ).rejects.toThrow(/cannot be rewritten/);
    await expect(
      inTenant(plant.tenantId, (tx) => tx.decision.update({ where: key, data: { idempotencyKey: "replayed" } })),
    ).rejects.toThrow(/cannot be rewritten/);
    await expect(inTenant(plant.tenantId, (tx) => tx.decision.delete({ where: key }))).rejects.toThrow(
      /permission denied/,
    );
    await expect(
      inTenant(plant.tenantId, (tx) =>
        tx.decisionConstraint.updateMany({ where: { decisionId }, data: { detail: "edited" } }),
      ),
    ).rejects.toThrow(/permission denied/);
    const stored = await inTenant(plant.tenantId, (tx) => tx.decision.findUniqueOrThrow({ where: key }));
    expect(stored.title).toBe("Keep the night shift on line 1");
  });
});

describe("tenant isolation of references", () => {
  it("refuses links, situations and work centers of another plant", async () => {
    const manager = await callerFor(db, platform, plant, "MANAGER");
    await expect(
      manager.decisions.log(draft({ links: [{ kind: "ORDER", orderId: other.runningOrderId }] })),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "This production order does not exist in your plant." });
    await expect(
      manager.decisions.log(
        draft({
          situation: { kind: "DOWNTIME", workCenterId: other.pressId, stopStart: other.stopStart.toISOString() },
        }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(manager.decisions.log(draft({ workCenterId: other.pressId }))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const foreignTask = await inTenant(other.tenantId, (tx) =>
      tx.task.create({
        data: { tenantId: other.tenantId, title: "Beta's task", source: "manual" },
        select: { id: true },
      }),
    );
    await expect(
      manager.decisions.log(draft({ links: [{ kind: "TASK", taskId: foreignTask.id }] })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const foreignEvent = await inTenant(other.tenantId, (tx) => tx.event.findFirstOrThrow({ select: { id: true } }));
    await expect(
      manager.decisions.log(draft({ links: [{ kind: "EVENT", eventId: foreignEvent.id.toString() }] })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Nothing of the refused attempts was stored.
    const leaked = await inTenant(plant.tenantId, (tx) =>
      tx.decisionLink.count({ where: { ref: other.runningOrderId } }),
    );
    expect(leaked).toBe(0);
  });
});

describe("the why-timeline", () => {
  it("joins events, state changes, reasons, decisions, constraints and tasks of a stop, newest first", async () => {
    const operator = await callerFor(db, platform, plant, "OPERATOR");
    const manager = await callerFor(db, platform, plant, "MANAGER");
    const situation = {
      kind: "DOWNTIME" as const,
      workCenterId: plant.pressId,
      stopStart: plant.stopStart.toISOString(),
    };
    const { decisionId, reviewTaskId } = await manager.decisions.log({
      ...draft({ title: "Call the hydraulics contractor" }),
      situation,
      reviewAt: new Date(Date.now() + 24 * HOUR).toISOString(),
    });
    await operator.downtime.classify({ ...situation, reasonCode: "JAM", note: "pump seal" });

    const why = await manager.decisions.why({ subject: "DOWNTIME", ...situation });
    expect(why.subject).toMatchObject({ kind: "DOWNTIME", workCenter: { id: plant.pressId } });
    const kinds = new Set(why.items.map((item) => item.kind));
    expect([...kinds].sort()).toEqual(["CONSTRAINT", "DECISION", "EVENT", "REASON", "STATE", "TASK"]);
    const times = why.items.map((item) => item.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(why.items.find((item) => item.id === `decision:${decisionId}`)).toMatchObject({
      title: "Decided: Call the hydraulics contractor",
      actor: "Alpha MANAGER",
      ref: { type: "decision", id: decisionId },
    });
    expect(why.items.find((item) => item.id === `task:${reviewTaskId}:created`)).toBeDefined();
    // Newest state first: the stop; before it the press ran (with silent gaps the derivation marks).
    const states = why.items.filter((item) => item.kind === "STATE").map((item) => item.title);
    expect(states[0]).toBe("Down");
    expect(states).toContain("Running");
    expect(why.items.find((item) => item.kind === "REASON")).toMatchObject({
      title: "Stop classified as Part jam",
      detail: "pump seal",
      actor: "Alpha OPERATOR",
    });
    expect(why.items.some((item) => item.kind === "EVENT" && item.title === "Machine reported down")).toBe(true);
    // Counts arrive many times a minute: summed in snapshots, never listed.
    expect(why.items.some((item) => item.title.startsWith("Counted"))).toBe(false);
    expect(why.counts.DECISION).toBeGreaterThanOrEqual(1);

    const onlyPeople = await manager.decisions.why({ subject: "DOWNTIME", ...situation, kinds: ["DECISION", "TASK"] });
    expect(new Set(onlyPeople.items.map((item) => item.kind))).toEqual(new Set(["DECISION", "TASK"]));
    expect(onlyPeople.counts.EVENT).toBe(why.counts.EVENT);
  });

  it("explains an order through its linked decisions, and a decision through its review task", async () => {
    const manager = await callerFor(db, platform, plant, "MANAGER");
    const { decisionId, reviewTaskId } = await manager.decisions.log({
      ...draft({ title: "Split the order across two presses" }),
      links: [{ kind: "ORDER", orderId: plant.runningOrderId }],
      reviewAt: new Date(Date.now() + 6 * HOUR).toISOString(),
    });
    const forOrder = await manager.decisions.why({ subject: "ORDER", orderId: plant.runningOrderId });
    expect(forOrder.items.map((item) => item.id)).toContain(`decision:${decisionId}`);
    expect(forOrder.subject.workCenter?.id).toBe(plant.pressId);

    const forDecision = await manager.decisions.why({ subject: "DECISION", decisionId });
    expect(forDecision.items.map((item) => item.id)).toEqual(
      expect.arrayContaining([`decision:${decisionId}`, `task:${reviewTaskId}:created`]),
    );
    await expect(manager.decisions.why({ subject: "ORDER", orderId: other.runningOrderId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("the decision list", () => {
  it("filters by constraint, work center and words, and pages without repeats", async () => {
    const manager = await callerFor(db, platform, plant, "MANAGER");
    const safety = await manager.decisions.log(
      draft({
        title: "Stop PRS-7 until the guard is fixed",
        constraints: [{ kind: "SAFETY", detail: "Light curtain fault" }],
        workCenterId: plant.pressId,
      }),
    );
    const bySafety = await manager.decisions.list({ constraintKind: "SAFETY" });
    expect(bySafety.decisions.map((decision) => decision.id)).toEqual([safety.decisionId]);
    expect(bySafety.decisions[0]).toMatchObject({
      chosenOption: "Move to PRS-8",
      decidedBy: { name: "Alpha MANAGER" },
    });

    const byWords = await manager.decisions.list({ q: "light CURTAIN" });
    expect(byWords.decisions).toHaveLength(0);
    const byTitle = await manager.decisions.list({ q: "guard is FIXED" });
    expect(byTitle.decisions.map((decision) => decision.id)).toEqual([safety.decisionId]);

    const atPress = await manager.decisions.list({ workCenterId: plant.pressId });
    expect(atPress.decisions.every((decision) => decision.workCenter?.id === plant.pressId)).toBe(true);

    const all = await manager.decisions.list({ limit: 100 });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof manager.decisions.list>> = await manager.decisions.list({
        limit: 2,
        cursor,
      });
      seen.push(...page.decisions.map((decision) => decision.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.decisions.map((decision) => decision.id));
    expect(new Set(seen).size).toBe(seen.length);

    await expect(manager.decisions.list({ workCenterId: other.pressId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const otherManager = await callerFor(db, platform, other, "MANAGER");
    expect((await otherManager.decisions.list({})).decisions).toHaveLength(0);
  });
});
