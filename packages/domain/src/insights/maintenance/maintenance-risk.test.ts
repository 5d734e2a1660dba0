import { describe, expect, it } from "vitest";
import { buildMaintenanceFeatures, slopePerDay, type TWorkCenterDay } from "./maintenance-features";
import { predictMaintenanceRisk, trainMaintenanceRisk } from "./maintenance-risk";

/** mulberry32: a tiny seeded PRNG so every run sees the same plant. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * A plant of presses. Planted: a machine wears for 6–9 days (micro-stops climb by ~2.5/day and the
 * spindle warms by ~0.8 °C/day) and then breaks down. Noise: breakdowns at the same average rate,
 * but nothing in the data announces them.
 */
function simulatePlant(seed: number, mode: "planted" | "noise", workCenters = 10, days = 300): TWorkCenterDay[] {
  const random = mulberry32(seed);
  const out: TWorkCenterDay[] = [];
  for (let w = 0; w < workCenters; w++) {
    let wearDay = 0;
    let wearLength = 0;
    for (let dayIndex = 0; dayIndex < days; dayIndex++) {
      let failures = 0;
      let wear = 0;
      if (mode === "planted") {
        if (wearLength === 0 && random() < 1 / 20) {
          wearLength = 6 + Math.floor(random() * 4);
          wearDay = 0;
        }
        if (wearLength > 0) {
          wearDay++;
          wear = wearDay;
          if (wearDay > wearLength) {
            failures = 1;
            wearLength = 0;
            wear = 0;
          }
        }
      } else if (random() < 1 / 28) {
        failures = 1;
      }
      const microStops = Math.max(0, Math.round(5 + 2.5 * wear + 2 * gaussian(random)));
      const temperature = 60 + 0.8 * wear + 1.5 * gaussian(random);
      out.push({
        workCenterId: `wc-${w}`,
        workCenterLabel: `PRS-${201 + w}`,
        dayIndex,
        failures,
        microStops,
        telemetry: { mean: temperature, max: temperature + 5 + Math.abs(gaussian(random)) },
      });
    }
  }
  return out;
}

const spindle = { label: "spindle temperature", unit: "°C" };

describe("trainMaintenanceRisk", () => {
  it("learns that rising micro-stops precede breakdowns, and proves it on later days it never saw", () => {
    const trained = trainMaintenanceRisk({ days: simulatePlant(42, "planted"), telemetryTag: spindle });
    if (!trained.ok) throw new Error(trained.reason);
    const { heldOut } = trained;
    expect(heldOut.positives).toBeGreaterThan(30);
    expect(heldOut.recall).toBeGreaterThan(0.6);
    expect(heldOut.precision).toBeGreaterThan(3 * heldOut.baseRate);
    expect(heldOut.threshold).toBe(trained.threshold);
    // Microstop trend is the planted cause: it must carry a clearly positive weight.
    const trendWeight = trained.model.weights[trained.featureNames.indexOf("microStopsTrend")] ?? 0;
    expect(trendWeight).toBeGreaterThan(0.3);
  });

  it("reports about base-rate precision when the data announces nothing", () => {
    const planted = trainMaintenanceRisk({ days: simulatePlant(42, "planted"), telemetryTag: spindle });
    const noise = trainMaintenanceRisk({ days: simulatePlant(7, "noise"), telemetryTag: spindle });
    if (!noise.ok || !planted.ok) throw new Error("both should train");
    const { heldOut } = noise;
    expect(heldOut.positives).toBeGreaterThan(30);
    expect(heldOut.precision ?? heldOut.baseRate).toBeLessThan(heldOut.baseRate * 1.6);
    expect(heldOut.f1 ?? 0).toBeLessThan((planted.heldOut.f1 ?? 0) - 0.3);
  });

  it("refuses to train with too few breakdowns, saying how many it needs", () => {
    const refused = trainMaintenanceRisk({ days: simulatePlant(3, "planted", 1, 40) });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.positivesNeeded).toBe(10);
    expect(refused.positivesFound).toBeLessThan(10);
    expect(refused.reason).toContain("at least 10");
    expect(refused.reason).toContain(`found ${refused.positivesFound}`);
  });

  it("explains today's risk with the features that push it up", () => {
    const history = simulatePlant(42, "planted");
    const trained = trainMaintenanceRisk({ days: history, telemetryTag: spindle });
    if (!trained.ok) throw new Error(trained.reason);
    // A worn press on the last day: micro-stops climbing for a week.
    const today = 300;
    const worn = Array.from({ length: 7 }, (_, back) => ({
      workCenterId: "wc-worn",
      workCenterLabel: "PRS-299",
      dayIndex: today - 6 + back,
      failures: 0,
      microStops: 5 + 3 * (back + 1),
      telemetry: { mean: 60 + 0.7 * (back + 1), max: 66 + 0.7 * (back + 1) },
    }));
    const predictions = predictMaintenanceRisk(trained, [...history, ...worn], today);
    const top = predictions[0];
    expect(top?.workCenterLabel).toBe("PRS-299");
    expect(top?.flagged).toBe(true);
    expect(top?.explanation).toMatch(/^PRS-299: \d+ % chance of a breakdown in the next 3 days — .*micro-stops/);
    expect(top?.explanation).toContain("micro-stops up 18/day over the week");
    expect(top?.topContributions[0]?.contribution).toBeGreaterThan(0);
  });
});

describe("buildMaintenanceFeatures", () => {
  it("needs a full week behind a row and leaves the label open while the horizon is ahead", () => {
    const day = (dayIndex: number): TWorkCenterDay => ({
      workCenterId: "a",
      workCenterLabel: "A",
      dayIndex,
      failures: dayIndex === 8 ? 1 : 0,
      microStops: dayIndex,
    });
    const days = Array.from({ length: 10 }, (_, dayIndex) => day(dayIndex));
    const rows = buildMaintenanceFeatures(days, { horizonDays: 3, withTelemetry: false });
    expect(rows.map((row) => row.dayIndex)).toEqual([6, 7, 8, 9]);
    // Day 6 sees days 7–9 (a breakdown on 8); later days still have part of their horizon ahead.
    expect(rows.map((row) => row.label)).toEqual([1, null, null, null]);
    const withFuture = buildMaintenanceFeatures([...days, day(10), day(11), day(12)], {
      horizonDays: 3,
      withTelemetry: false,
    });
    expect(withFuture.find((row) => row.dayIndex === 6)?.label).toBe(1);
    expect(withFuture.find((row) => row.dayIndex === 8)?.label).toBe(0);
    expect(rows[0]?.values[3]).toBeCloseTo(1, 10);
    expect(buildMaintenanceFeatures(days, { horizonDays: 3, withTelemetry: true })).toEqual([]);
  });

  it("measures a trend as the least-squares slope", () => {
    expect(slopePerDay([1, 2, 3, 4])).toBeCloseTo(1, 10);
    expect(slopePerDay([5, 5, 5])).toBe(0);
  });
});
