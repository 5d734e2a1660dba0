import { MS_PER_HOUR } from "@gemba/domain/calendar/zoned-time";
import type { TInsightDraft } from "@gemba/domain/insights/insight";
import { ZInsightDraft } from "@gemba/domain/insights/insight";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";
import {
  DRIFT_FROM,
  DRIFT_NOW,
  DRIFT_WORK_CENTER,
  detectionDelayMs,
  driftRuns,
  hours,
  report,
  runDetector,
  storeDriftedPlant,
} from "../testing/drifted-plant";
import type { TSimulatedPlant } from "../testing/simulated-plant";
import { anomalyDetector } from "./anomaly-detector";

let db: TestDatabase;
let plant: TSimulatedPlant;
let drafts: TInsightDraft[];

beforeAll(async () => {
  db = await createTestDatabase();
  plant = await storeDriftedPlant(db);
  drafts = await runDetector(db, anomalyDetector, { tenantId: plant.tenantId, now: DRIFT_NOW, workCenterIds: null });
});

afterAll(async () => {
  await db.drop();
});

describe("anomaly detector on a drifting cycle time", () => {
  it("opens one anomaly on the lathe's cycle time, starting near the drift, naming the product", () => {
    const lathe = plant.workCenters.get(DRIFT_WORK_CENTER) ?? "";
    for (const draft of drafts) ZInsightDraft.parse(draft);
    const found = drafts.filter((d) => d.dedupeKey.startsWith(`anomaly:${lathe}:cycle_time:up:`));
    // The EWMA runs across the product change (each reading scaled by its own product's baseline), so
    // the drift is one episode, still open at the end of the day.
    expect(found).toHaveLength(1);
    const [draft] = found;
    expect(draft?.subject).toMatchObject({ kind: "WORK_CENTER", id: lathe });
    expect(draft?.spanEnd).toBeNull();
    expect(draft?.spanStart).toBeGreaterThanOrEqual(DRIFT_FROM - 15 * 60_000);
    expect(draft?.spanStart).toBeLessThanOrEqual(DRIFT_FROM + 3 * MS_PER_HOUR);
    const firstProduct = plant.orders.find((o) => plant.products.get(o.productSku) === driftRuns(plant)[0]?.productId);
    const name = { "DT-FL-63": "Flange Ø63", "DT-SH-40": "Drive shaft Ø40" }[firstProduct?.productSku ?? ""] ?? "?";
    expect(draft?.title).toContain(`Cycle time on CNC-1 (${name}) rising above its normal`);
    expect(draft?.explanation).toMatch(new RegExp(`for ${name} · (Early|Late)`));
  });

  it("keeps the open anomaly's key from pass to pass and reports the detection delay", async () => {
    const lathe = plant.workCenters.get(DRIFT_WORK_CENTER) ?? "";
    const later = await runDetector(db, anomalyDetector, {
      tenantId: plant.tenantId,
      now: DRIFT_NOW - MS_PER_HOUR,
      workCenterIds: [lathe],
    });
    const key = drafts.find((d) => d.dedupeKey.startsWith(`anomaly:${lathe}:cycle_time:up:`))?.dedupeKey;
    expect(later.map((d) => d.dedupeKey)).toContain(key);
    const delay = await detectionDelayMs(db, anomalyDetector, plant, (k) =>
      k.startsWith(`anomaly:${lathe}:cycle_time:up:`),
    );
    report(`ANOMALY (EWMA) detection delay on a +2 %/h cycle-time drift: ${hours(delay)}`);
    expect(delay ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(6 * MS_PER_HOUR);
  });

  it("raises no cycle-time anomaly on the machines that did not drift", () => {
    const others = [...plant.workCenters].filter(([code]) => code !== DRIFT_WORK_CENTER).map(([, id]) => id);
    const onOthers = drafts.filter((d) => others.includes(d.subject.id));
    report(
      `ANOMALY findings on the two clean machines on the drift day: ${onOthers.map((d) => d.dedupeKey.split(":").slice(2, 4).join(":")).join(", ") || "none"}`,
    );
    expect(onOthers.filter((d) => d.dedupeKey.includes(":cycle_time:"))).toEqual([]);
  });
});
