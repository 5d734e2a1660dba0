import { MS_PER_HOUR } from "@gemba/domain/calendar/zoned-time";
import type { TInsightDraft } from "@gemba/domain/insights/insight";
import { ZInsightDraft } from "@gemba/domain/insights/insight";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../../tenant-scope";
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
import { listSpcSignals, loadSpcChart } from "./load-spc-chart";
import { spcDetector } from "./spc-detector";

let db: TestDatabase;
let plant: TSimulatedPlant;
let drafts: TInsightDraft[];

beforeAll(async () => {
  db = await createTestDatabase();
  plant = await storeDriftedPlant(db);
  drafts = await runDetector(db, spcDetector, { tenantId: plant.tenantId, now: DRIFT_NOW, workCenterIds: null });
});

afterAll(async () => {
  await db.drop();
});

describe("SPC detector on a drifting cycle time", () => {
  it("finds the drift on the lathe for each product it made, starting where the drift met the product", () => {
    const lathe = plant.workCenters.get(DRIFT_WORK_CENTER) ?? "";
    for (const draft of drafts) ZInsightDraft.parse(draft);
    const runs = driftRuns(plant);
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) {
      const found = drafts.filter((d) => d.dedupeKey.startsWith(`spc:${lathe}:${run.productId}:cycle_time:above:`));
      expect(found).toHaveLength(1);
      const [draft] = found;
      expect(draft?.subject).toMatchObject({ kind: "WORK_CENTER", id: lathe, workCenterId: lathe });
      expect(draft?.title).toContain("Cycle time on CNC-1");
      // The first point of the pattern: the quarter hour the drift (or the product's run) began, within 1 h.
      expect(draft?.spanStart).toBeGreaterThanOrEqual(run.from - 15 * 60_000);
      expect(draft?.spanStart).toBeLessThanOrEqual(run.from + MS_PER_HOUR);
      expect(draft?.evidence.chart?.marked.length).toBeGreaterThan(4);
    }
  });

  it("reports the delay from the drift start to the first finding", async () => {
    const lathe = plant.workCenters.get(DRIFT_WORK_CENTER) ?? "";
    const delay = await detectionDelayMs(
      db,
      spcDetector,
      plant,
      (key) => key.startsWith(`spc:${lathe}:`) && key.includes(":cycle_time:above:"),
    );
    report(`SPC detection delay on a +2 %/h cycle-time drift: ${hours(delay)}`);
    expect(delay).not.toBeNull();
    expect(delay ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(6 * MS_PER_HOUR);
  });

  it("raises no cycle-time finding on the machines that did not drift", () => {
    const others = [...plant.workCenters].filter(([code]) => code !== DRIFT_WORK_CENTER).map(([, id]) => id);
    const cycleFindings = drafts.filter(
      (d) => others.some((id) => d.dedupeKey.startsWith(`spc:${id}:`)) && d.dedupeKey.includes(":cycle_time:"),
    );
    report(
      `SPC findings on the two clean machines on the drift day: ${
        drafts
          .filter((d) => others.includes(d.subject.id))
          .map((d) => d.dedupeKey.split(":").slice(3, 5).join(":"))
          .join(", ") || "none"
      }`,
    );
    expect(cycleFindings.length).toBeLessThanOrEqual(1);
  });

  it("lists the lathe's signals and draws its cycle-time chart with the drift marked", async () => {
    const lathe = plant.workCenters.get(DRIFT_WORK_CENTER) ?? "";
    const { signals, chart } = await withTenant(db.app.prisma, plant.tenantId, async (tx) => ({
      signals: await listSpcSignals(tx, lathe, DRIFT_NOW),
      chart: await loadSpcChart(tx, {
        workCenterId: lathe,
        measure: { kind: "CYCLE_TIME" },
        from: DRIFT_NOW - 24 * MS_PER_HOUR,
        to: DRIFT_NOW,
      }),
    }));
    expect(signals.map((s) => s.label)).toEqual(["Cycle time", "Scrap rate", "Coolant temperature", "Spindle load"]);
    expect(signals.filter((s) => s.measure.kind !== "SCRAP_RATE").every((s) => s.points > 100)).toBe(true);
    expect(chart.unit).toBe("s");
    const drifting = chart.segments.find((s) => s.productId === driftRuns(plant)[0]?.productId);
    expect(drifting?.limits?.baselineCount).toBeGreaterThan(20);
    expect(
      drifting?.violations.some((v) => v.side === "ABOVE" && v.times.every((t) => t >= DRIFT_FROM - 3 * MS_PER_HOUR)),
    ).toBe(true);
    await expect(
      withTenant(db.app.prisma, plant.tenantId, (tx) =>
        loadSpcChart(tx, { workCenterId: lathe, measure: { kind: "TELEMETRY", tag: "nope" }, from: 0, to: 1 }),
      ),
    ).rejects.toThrow(/no nope data/);
  });
});
