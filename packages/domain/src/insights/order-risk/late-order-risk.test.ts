import { describe, expect, it } from "vitest";
import { MS_PER_HOUR } from "../../calendar/zoned-time";
import { type AssessLateOrderRiskInput, assessLateOrderRisk } from "./late-order-risk";
import { studentTCdf, studentTQuantile } from "./student-t";

/** mulberry32: a tiny seeded PRNG so the "random" rates are the same on every run. */
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

function normalSamples(seed: number, count: number, mean: number, sd: number): number[] {
  const random = mulberry32(seed);
  return Array.from({ length: count }, () => {
    const u = 1 - random();
    const v = random();
    return Math.max(0, mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  });
}

/** One shift, 06:00–14:00 UTC, Monday to Friday: nights and weekends have no planned time. */
function plannedDayShift(from: number, to: number): number {
  let total = 0;
  const firstDay = Math.floor(from / (24 * MS_PER_HOUR)) * 24 * MS_PER_HOUR;
  for (let day = firstDay; day < to; day += 24 * MS_PER_HOUR) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const start = Math.max(from, day + 6 * MS_PER_HOUR);
    const end = Math.min(to, day + 14 * MS_PER_HOUR);
    if (end > start) total += end - start;
  }
  return total;
}

const TUESDAY_0800 = Date.UTC(2026, 10, 24, 8);
const steadyRates = normalSamples(1, 32, 400, 20);

function assess(overrides: Partial<AssessLateOrderRiskInput>) {
  return assessLateOrderRisk({
    orderLabel: "Order 4711",
    remaining: 800,
    now: TUESDAY_0800,
    dueAt: TUESDAY_0800 + 5 * MS_PER_HOUR,
    rateSamplesPerHour: steadyRates,
    plannedProductionMsAhead: plannedDayShift,
    timeZone: "UTC",
    ...overrides,
  });
}

describe("assessLateOrderRisk", () => {
  it("calls an order with hours of margin on time", () => {
    const risk = assess({});
    expect(risk.status).toBe("ON_TIME");
    expect(risk.probabilityOnTime).toBeGreaterThan(0.95);
    expect(risk.earliest).toBeLessThanOrEqual(risk.projectedFinish ?? 0);
    expect(risk.projectedFinish).toBeLessThanOrEqual(risk.latest ?? 0);
  });

  it("calls an order that needs two days of work due in four hours late", () => {
    const risk = assess({ remaining: 4_000, dueAt: TUESDAY_0800 + 4 * MS_PER_HOUR });
    expect(risk.status).toBe("LATE");
    expect(risk.probabilityOnTime).toBeLessThan(0.1);
  });

  it("calls an order due right at its projected finish at risk, with about even chances", () => {
    const projected = assess({ remaining: 2_000 }).projectedFinish ?? 0;
    const risk = assess({ remaining: 2_000, dueAt: projected });
    expect(risk.status).toBe("AT_RISK");
    expect(risk.probabilityOnTime).toBeGreaterThan(0.4);
    expect(risk.probabilityOnTime).toBeLessThan(0.6);
  });

  it("widens the interval when the rates are noisier around the same mean", () => {
    const steady = assess({ remaining: 2_000, rateSamplesPerHour: normalSamples(7, 32, 400, 10) });
    const noisy = assess({ remaining: 2_000, rateSamplesPerHour: normalSamples(7, 32, 400, 120) });
    const width = (r: typeof steady) => (r.latest ?? Number.POSITIVE_INFINITY) - (r.earliest ?? 0);
    expect(width(noisy)).toBeGreaterThan(3 * width(steady));
    expect(noisy.rate?.halfWidthPerHour).toBeGreaterThan(steady.rate?.halfWidthPerHour ?? 0);
  });

  it("adds no planned time at night or over the weekend", () => {
    const constant = Array.from({ length: 8 }, () => 400);
    // 6 h of work from Tue 12:00: 2 h on Tuesday, the night adds nothing, 4 h on Wednesday.
    const overnight = assess({ remaining: 2_400, now: Date.UTC(2026, 10, 24, 12), rateSamplesPerHour: constant });
    expect(overnight.projectedFinish).toBe(Date.UTC(2026, 10, 25, 10));
    expect(overnight.earliest).toBe(overnight.latest);
    // Friday 12:00 + 6 h of work: the weekend adds nothing, so it ends Monday 10:00.
    const weekend = assess({ remaining: 2_400, now: Date.UTC(2026, 10, 27, 12), rateSamplesPerHour: constant });
    expect(weekend.projectedFinish).toBe(Date.UTC(2026, 10, 30, 10));
  });

  it("never gives a later due date a lower chance", () => {
    const rates = normalSamples(3, 24, 350, 90);
    let previous = -1;
    for (let hours = 0; hours <= 72; hours += 0.5) {
      const risk = assess({ remaining: 3_000, rateSamplesPerHour: rates, dueAt: TUESDAY_0800 + hours * MS_PER_HOUR });
      const probability = risk.probabilityOnTime ?? Number.NaN;
      expect(probability).toBeGreaterThanOrEqual(previous);
      previous = probability;
    }
    expect(previous).toBeGreaterThan(0.99);
  });

  it("puts the interval edges at the 10 % and 90 % chances for an 80 % interval", () => {
    const base = assess({ remaining: 2_000, rateSamplesPerHour: normalSamples(5, 20, 400, 80) });
    expect(
      assess({ remaining: 2_000, rateSamplesPerHour: normalSamples(5, 20, 400, 80), dueAt: base.latest ?? 0 })
        .probabilityOnTime,
    ).toBeCloseTo(0.9, 2);
    expect(
      assess({ remaining: 2_000, rateSamplesPerHour: normalSamples(5, 20, 400, 80), dueAt: base.earliest ?? 0 })
        .probabilityOnTime,
    ).toBeCloseTo(0.1, 2);
  });

  it("explains itself with the numbers", () => {
    const rates = [380, 412, 450, 405, 398, 430, 420, 401];
    const risk = assess({ remaining: 1_240, rateSamplesPerHour: rates, dueAt: Date.UTC(2026, 10, 24, 11) });
    expect(risk.explanation).toMatch(
      /^Order 4711 needs 1,240 more units; at 412 ± \d+ units\/h it finishes between Tue \d\d:\d\d and Tue \d\d:\d\d; due Tue 11:00 — \d+ % chance to make it\.$/,
    );
  });

  it("refuses to project from too few samples, and says how many it needs", () => {
    const risk = assess({ rateSamplesPerHour: [400, 410] });
    expect(risk.status).toBe("CANNOT_PROJECT");
    expect(risk.explanation).toContain("at least 4");
    expect(assess({ rateSamplesPerHour: [0, 0, 0, 0] }).status).toBe("CANNOT_PROJECT");
    expect(assess({ rateSamplesPerHour: [], dueAt: TUESDAY_0800 - MS_PER_HOUR }).status).toBe("LATE");
  });

  it("rejects nonsense input with a message a caller can act on", () => {
    expect(() => assess({ remaining: -1 })).toThrow(/Remaining quantity/);
    expect(() => assess({ rateSamplesPerHour: [400, Number.NaN, 1, 2] })).toThrow(/finite/);
  });
});

describe("Student's t", () => {
  it("matches table values", () => {
    expect(studentTQuantile(0.9, 10)).toBeCloseTo(1.3722, 3);
    expect(studentTQuantile(0.975, 5)).toBeCloseTo(2.5706, 3);
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.96, 2);
    expect(studentTCdf(0, 3)).toBeCloseTo(0.5, 10);
    expect(studentTCdf(-1.3722, 10)).toBeCloseTo(0.1, 3);
  });
});
