import { MS_PER_DAY, MS_PER_HOUR } from "@gemba/domain/calendar/zoned-time";
import type { TInsightDraft } from "@gemba/domain/insights/insight";
import { ZInsightDraft } from "@gemba/domain/insights/insight";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../../tenant-scope";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";
import { DRIFT_NOW, runDetector } from "../testing/drifted-plant";
import { storeSimulatedPlant, type TSimulatedPlant } from "../testing/simulated-plant";
import { lateOrderDetector } from "./late-order-detector";

const NOW = DRIFT_NOW;
let db: TestDatabase;
let plant: TSimulatedPlant;
let drafts: TInsightDraft[];
let ids: Map<string, string>;
let overloaded = "";
let forgotten = "";

beforeAll(async () => {
  db = await createTestDatabase();
  plant = await storeSimulatedPlant(db, {
    now: new Date(NOW),
    historyDays: 4,
    alterOrders: (orders) =>
      orders.map((order) => {
        if (!["IN_PROGRESS", "RELEASED", "PLANNED"].includes(order.status)) return order;
        // The assembly cell's running order grows twentyfold and is due in 6 h: it cannot make it.
        if (order.status === "IN_PROGRESS" && order.workCenterCode === "ASM-1") {
          overloaded = order.externalId;
          return { ...order, quantity: order.quantity * 20, dueAt: new Date(NOW + 6 * MS_PER_HOUR) };
        }
        // A released order on the lathe that nobody started, due two hours ago.
        if (order.status === "RELEASED" && order.workCenterCode === "CNC-1" && forgotten === "") {
          forgotten = order.externalId;
          return { ...order, dueAt: new Date(NOW - 2 * MS_PER_HOUR) };
        }
        // Everything else has weeks to spare.
        return { ...order, dueAt: new Date(NOW + 21 * MS_PER_DAY) };
      }),
  });
  ids = new Map(
    (
      await withTenant(db.app.prisma, plant.tenantId, (tx) =>
        tx.productionOrder.findMany({ select: { id: true, externalId: true } }),
      )
    ).map((o) => [o.externalId, o.id]),
  );
  drafts = await runDetector(db, lateOrderDetector, { tenantId: plant.tenantId, now: NOW, workCenterIds: null });
});

afterAll(async () => {
  await db.drop();
});

describe("late-order detector", () => {
  it("flags the order that cannot make its due date, with its projection against the due date", () => {
    const id = ids.get(overloaded) ?? "";
    const draft = drafts.find((d) => d.subject.id === id);
    expect(draft).toBeDefined();
    const parsed = ZInsightDraft.parse(draft);
    expect(parsed).toMatchObject({
      kind: "LATE_ORDER",
      dedupeKey: `late-order:${id}`,
      subject: { kind: "ORDER", id, workCenterId: plant.workCenters.get("ASM-1") },
    });
    expect(parsed.title).toContain(`Order ${overloaded}`);
    expect(parsed.title).toContain("will miss its due date");
    expect(parsed.explanation).toMatch(/units\/h/);
    expect(parsed.evidence.chart?.marked).toContain(NOW + 6 * MS_PER_HOUR);
    expect(parsed.evidence.chart?.points.length).toBeGreaterThan(4);
    expect(parsed.confidence).toBeGreaterThan(0.9);
  });

  it("flags the released order that is past due without having started", () => {
    const id = ids.get(forgotten) ?? "";
    const draft = drafts.find((d) => d.subject.id === id);
    expect(draft?.title).toContain("will miss its due date");
    expect(draft?.explanation).toContain("past its due date");
  });

  it("stays quiet on orders with weeks to spare, and limits itself to the named work centers", async () => {
    const flagged = new Set(drafts.map((d) => d.subject.id));
    expect([...flagged].sort()).toEqual([ids.get(overloaded), ids.get(forgotten)].sort());
    const onlyPress = await runDetector(db, lateOrderDetector, {
      tenantId: plant.tenantId,
      now: NOW,
      workCenterIds: [plant.workCenters.get("PRS-1") ?? ""],
    });
    expect(onlyPress).toEqual([]);
  });
});
