import { MS_PER_DAY } from "@gemba/domain/calendar/zoned-time";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { anomalyDetector } from "./anomaly/anomaly-detector";
import { lateOrderDetector } from "./order-risk/late-order-detector";
import { spcDetector } from "./spc/spc-detector";
import { report, runDetector } from "./testing/drifted-plant";
import { storeSimulatedPlant, type TSimulatedPlant } from "./testing/simulated-plant";

/** Thursday 19 Nov 2026, 23:00 in Berlin: after the late shift. */
const NOW = Date.UTC(2026, 10, 19, 22);
/** Nightly passes over the last two weeks; the first still has 16 days of history behind it. */
const PASSES = 14;

let db: TestDatabase;
let plant: TSimulatedPlant;

beforeAll(async () => {
  db = await createTestDatabase();
  plant = await storeSimulatedPlant(db, {
    now: new Date(NOW),
    historyDays: 30,
    // A plan with slack: every open order is due in ten days, so none of them is at risk.
    alterOrders: (orders) =>
      orders.map((order) =>
        ["IN_PROGRESS", "RELEASED", "PLANNED"].includes(order.status)
          ? { ...order, dueAt: new Date(NOW + 10 * MS_PER_DAY) }
          : order,
      ),
  });
});

afterAll(async () => {
  await db.drop();
});

describe("false alarms on 30 days of clean simulated data", () => {
  it("stays under the rates the detectors' in-control run lengths predict", async () => {
    const keys = { SPC: new Set<string>(), ANOMALY: new Set<string>() };
    let workingDays = 0;
    for (let pass = PASSES - 1; pass >= 0; pass--) {
      const now = NOW - pass * MS_PER_DAY;
      // Each pass reports the 24 h before it: a weekday evening's pass covers that day's two shifts.
      const weekday = new Date(now).getUTCDay();
      if (weekday >= 1 && weekday <= 5) workingDays += 1;
      for (const detector of [spcDetector, anomalyDetector]) {
        const drafts = await runDetector(db, detector, { tenantId: plant.tenantId, now, workCenterIds: null });
        for (const draft of drafts) keys[detector.kind as "SPC" | "ANOMALY"].add(draft.dedupeKey);
      }
    }
    const lateOrders = await runDetector(db, lateOrderDetector, {
      tenantId: plant.tenantId,
      now: NOW,
      workCenterIds: null,
    });
    const openOrders = plant.orders.filter((o) => ["IN_PROGRESS", "RELEASED", "PLANNED"].includes(o.status)).length;

    const workCenterDays = plant.workCenters.size * workingDays;
    const spcRate = keys.SPC.size / workCenterDays;
    const anomalyRate = keys.ANOMALY.size / workCenterDays;
    const lateRate = lateOrders.length / openOrders;
    const bySignal = (set: Set<string>) => {
      const counts = new Map<string, number>();
      for (const key of set) {
        const signal = key.split(":").find((part) => ["cycle_time", "scrap_rate", "telemetry"].includes(part)) ?? "?";
        counts.set(signal, (counts.get(signal) ?? 0) + 1);
      }
      return [...counts].map(([signal, count]) => `${signal} ${count}`).join(", ");
    };
    report(
      `false alarms on 30 clean days: SPC ${spcRate.toFixed(2)} per work-center-day, ANOMALY ${anomalyRate.toFixed(2)}, LATE_ORDER ${lateRate.toFixed(2)} per open order ` +
        `(${workCenterDays} work-center-days over ${workingDays} working days; SPC ${keys.SPC.size} [${bySignal(keys.SPC)}], ANOMALY ${keys.ANOMALY.size} [${bySignal(keys.ANOMALY)}], LATE_ORDER ${lateOrders.length} of ${openOrders} open orders)`,
    );
    expect(workingDays).toBe(10);
    // The four Western Electric rules together fire about once per 92 points of a perfectly steady
    // process. A work-center-day here charts ~55 points (cycle-time lots of 20 units, scrap lots of
    // 150, hourly telemetry means), so chance alone predicts ~0.6 findings: 1.0 leaves room for
    // the simulator's non-normal counts, not for a broken detector (a per-reading chart gives ~2).
    expect(spcRate).toBeLessThanOrEqual(1.0);
    // EWMA λ 0.2, L 3 runs ~560 in-control points between false alarms; ~115 readings per
    // work-center-day predict ~0.2; 0.5 is the bound.
    expect(anomalyRate).toBeLessThanOrEqual(0.5);
    // A plan with ten days of slack must not produce a single late-order warning.
    expect(lateOrders).toEqual([]);
  }, 120_000);
});
