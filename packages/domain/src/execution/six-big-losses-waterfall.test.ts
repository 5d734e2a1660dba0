import { describe, expect, it } from "vitest";
import { createRandom } from "../simulation/random";
import { emptyOeeComponents, oeeRatios, type TOeeComponents } from "./oee";
import { sixBigLossesWaterfall, type TWaterfallStep } from "./six-big-losses-waterfall";
import { goldenComponents, MIN } from "./test-support";

/** Each TOTAL equals the previous TOTAL minus the LOSS steps between them. */
function expectStepsAddUp(steps: readonly TWaterfallStep[]) {
  let level = steps[0]?.minutes ?? Number.NaN;
  for (const step of steps.slice(1)) {
    if (step.kind === "LOSS") level -= step.minutes;
    else expect(step.minutes).toBeCloseTo(level, 9);
    expect(step.remainingMinutes).toBeCloseTo(level, 9);
  }
}

describe("sixBigLossesWaterfall", () => {
  it("walks the golden case from 480 planned minutes down to 380 fully productive ones", () => {
    const steps = sixBigLossesWaterfall(goldenComponents());
    expect(steps.map((s) => [s.id, s.kind, s.minutes])).toEqual([
      ["PLANNED_PRODUCTION_TIME", "TOTAL", 480],
      ["EQUIPMENT_FAILURE", "LOSS", 60],
      ["SETUP_ADJUSTMENT", "LOSS", 0],
      ["UNKNOWN", "LOSS", 0],
      ["RUN_TIME", "TOTAL", 420],
      ["MINOR_STOPS", "LOSS", 0],
      ["REDUCED_SPEED", "LOSS", 20],
      ["NET_RUN_TIME", "TOTAL", 400],
      ["PROCESS_DEFECTS", "LOSS", 20],
      ["STARTUP_REJECTS", "LOSS", 0],
      ["FULLY_PRODUCTIVE_TIME", "TOTAL", 380],
    ]);
    // Fully productive time is OEE × planned time when scrap events agree with the counts.
    expect(380 / 480).toBeCloseTo(oeeRatios(goldenComponents()).oee ?? 0, 12);
    expect(steps.filter((s) => s.kind === "LOSS").map((s) => s.factor)).toEqual([
      "availability",
      "availability",
      "availability",
      "performance",
      "performance",
      "quality",
      "quality",
    ]);
  });

  it("adds up for any components, and run time is the components' run time", () => {
    const random = createRandom(7);
    for (let round = 0; round < 50; round += 1) {
      const minutes = () => Math.floor(random.between(0, 120)) * MIN;
      const components: TOeeComponents = { ...emptyOeeComponents(), plannedMs: 480 * MIN };
      components.lossMs.EQUIPMENT_FAILURE = minutes();
      components.lossMs.SETUP_ADJUSTMENT = minutes();
      components.unknownMs = minutes();
      components.runMs =
        components.plannedMs -
        components.lossMs.EQUIPMENT_FAILURE -
        components.lossMs.SETUP_ADJUSTMENT -
        components.unknownMs;
      components.lossMs.MINOR_STOPS = minutes();
      components.lossMs.REDUCED_SPEED = minutes();
      components.lossMs.PROCESS_DEFECTS = minutes();
      components.lossMs.STARTUP_REJECTS = minutes();
      const steps = sixBigLossesWaterfall(components);
      expectStepsAddUp(steps);
      expect(steps.find((s) => s.id === "RUN_TIME")?.minutes).toBeCloseTo(components.runMs / MIN, 9);
      const losses = steps.filter((s) => s.kind === "LOSS").reduce((sum, s) => sum + s.minutes, 0);
      expect(steps[steps.length - 1]?.minutes).toBeCloseTo(480 - losses, 9);
    }
  });

  it("is all zeros without planned time", () => {
    expect(sixBigLossesWaterfall(emptyOeeComponents()).every((s) => s.minutes === 0)).toBe(true);
  });
});
