import { describe, expect, it } from "vitest";
import { binomialUpperTail } from "./binomial-tail";
import { describeValue, explainPattern } from "./explain-pattern";
import { findRecurringDowntime, type TDowntimeStop, type TPlannedExposure } from "./recurring-downtime";

const HOUR = 3_600_000;

/** mulberry32: a tiny seeded PRNG so the "random" plant is the same on every run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Four weeks, three shifts of unequal length (Night is short), two products, changeovers 10 % of the time. */
const EXPOSURE: TPlannedExposure = {
  shift: { Early: 160 * HOUR, Late: 160 * HOUR, Night: 120 * HOUR },
  product: { "P-100": 264 * HOUR, "P-200": 176 * HOUR },
  weekday: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [String(d), (d <= 5 ? 80 : 20) * HOUR])),
  hour: Object.fromEntries(Array.from({ length: 24 }, (_, h) => [String(h), (440 / 24) * HOUR])),
  afterChangeover: { yes: 44 * HOUR, no: 396 * HOUR },
};

/** Draws a key with probability proportional to its planned time: what a constant rate produces. */
function drawByExposure(random: () => number, planned: Record<string, number>): string {
  const entries = Object.entries(planned);
  let left = random() * entries.reduce((sum, [, ms]) => sum + ms, 0);
  for (const [key, ms] of entries) {
    left -= ms;
    if (left < 0) return key;
  }
  return entries.at(-1)?.[0] ?? "";
}

function randomStop(random: () => number, reasonCode: string, overrides: Partial<TDowntimeStop> = {}): TDowntimeStop {
  const draw = (dimension: keyof TPlannedExposure) => drawByExposure(random, EXPOSURE[dimension] ?? {});
  return {
    workCenterId: random() < 0.5 ? "wc-1" : "wc-2",
    start: 0,
    end: 60_000,
    reasonCode,
    shiftName: draw("shift"),
    productId: draw("product"),
    weekday: Number(draw("weekday")),
    hour: Number(draw("hour")),
    afterChangeover: draw("afterChangeover") === "yes",
    ...overrides,
  };
}

const REASONS = ["JAM", "SENSOR", "MATERIAL", "TOOL_WEAR", "OPERATOR_AWAY"];

describe("recurring downtime patterns", () => {
  it("finds a reason that recurs on the Night shift, with the right lift and explanation", () => {
    const random = mulberry32(11);
    const background = Array.from({ length: 300 }, () =>
      randomStop(random, REASONS[Math.floor(random() * 5)] ?? "JAM"),
    );
    const hydraulic = [
      ...Array.from({ length: 14 }, () => randomStop(random, "HYD", { shiftName: "Night" })),
      randomStop(random, "HYD", { shiftName: "Early" }),
      randomStop(random, "HYD", { shiftName: "Late" }),
    ];
    const patterns = findRecurringDowntime([...background, ...hydraulic], EXPOSURE);

    const [top] = patterns;
    if (!top) throw new Error("expected the planted pattern to be found");
    expect(top).toMatchObject({ reasonCode: "HYD", dimension: "shift", value: "Night", count: 14, reasonTotal: 16 });
    // Night is 120 of 440 planned hours: lift = (14 / 16) / (120 / 440).
    expect(top?.lift).toBeCloseTo(14 / 16 / (120 / 440), 10);
    expect(top?.ratePerPlannedHour).toBeCloseTo(14 / 120, 10);
    expect(top?.overallRatePerPlannedHour).toBeCloseTo(16 / 440, 10);
    expect(top?.workCenterIds.length).toBeGreaterThan(0);
    expect(patterns.every((p) => p.reasonCode === "HYD")).toBe(true);
    expect(explainPattern(top, { reasonName: () => "Hydraulic failure" })).toBe(
      "Hydraulic failure happens 3.2× as often on the Night shift: 14 of 16 stops in 27 % of planned time.",
    );
  });

  it("reports nothing on stops that follow the planned time, whatever the seed", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = mulberry32(seed);
      const stops = Array.from({ length: 400 }, () => randomStop(random, REASONS[Math.floor(random() * 5)] ?? "JAM"));
      expect(findRecurringDowntime(stops, EXPOSURE)).toEqual([]);
      // The same data does hold chance concentrations; it is the significance test that drops them.
      expect(findRecurringDowntime(stops, EXPOSURE, { alpha: 1e9, minLift: 1.2 }).length).toBeGreaterThan(0);
    }
  });

  it("needs the minimum support, and skips unclassified stops and values without planned time", () => {
    const few = Array.from({ length: 4 }, () => randomStop(mulberry32(3), "HYD", { shiftName: "Night" }));
    expect(findRecurringDowntime(few, EXPOSURE)).toEqual([]);
    const unclassified = Array.from({ length: 30 }, () =>
      randomStop(mulberry32(3), "X", { reasonCode: null, shiftName: "Night" }),
    );
    expect(findRecurringDowntime(unclassified, EXPOSURE)).toEqual([]);
    const unplanned = Array.from({ length: 30 }, () => randomStop(mulberry32(3), "HYD", { shiftName: "Weekend" }));
    expect(findRecurringDowntime(unplanned, { shift: EXPOSURE.shift })).toEqual([]);
    expect(findRecurringDowntime([], EXPOSURE)).toEqual([]);
    expect(findRecurringDowntime(few, {})).toEqual([]);
  });

  it("phrases every dimension the way people say it", () => {
    expect(describeValue("weekday", "1")).toBe("on Mondays");
    expect(describeValue("hour", "23")).toBe("between 23:00 and 00:00");
    expect(describeValue("afterChangeover", "yes")).toBe("right after a changeover");
    expect(describeValue("product", "p-1", { productName: () => "Bracket 40" })).toBe("when making Bracket 40");
  });
});

describe("binomial upper tail", () => {
  it("matches hand-computed values and its edges", () => {
    // P(X ≥ 2 | n = 3, p = 0.5) = 4 / 8.
    expect(binomialUpperTail(2, 3, 0.5)).toBeCloseTo(0.5, 12);
    // P(X ≥ 10 | n = 12, p = 1/3) = 66·(1/3)^10·(2/3)^2 + 12·(1/3)^11·(2/3) + (1/3)^12.
    const exact = (66 * 4 + 12 * 2 + 1) / 3 ** 12;
    expect(binomialUpperTail(10, 12, 1 / 3)).toBeCloseTo(exact, 15);
    expect(binomialUpperTail(0, 5, 0.2)).toBe(1);
    expect(binomialUpperTail(6, 5, 0.2)).toBe(0);
    expect(binomialUpperTail(900, 1000, 0.5)).toBeGreaterThan(0);
    expect(binomialUpperTail(400, 1000, 0.5)).toBeCloseTo(1, 6);
    expect(() => binomialUpperTail(1.5, 3, 0.5)).toThrow(/whole/);
  });
});
