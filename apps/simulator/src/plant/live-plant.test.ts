import { RIVERSIDE_PLANT } from "@gemba/db/seed/demo-plant";
import { describe, expect, it } from "vitest";
import type { TMachineChange } from "./live-machine";
import { LivePlant } from "./live-plant";

/** A plant on a fake clock: `run` moves the clock in steps and collects every change per machine. */
function plantOnFakeClock(seed: number, speed: number, orderBatchSize?: number) {
  let clock = Date.UTC(2026, 0, 5, 6);
  const plant = new LivePlant({
    plant: RIVERSIDE_PLANT,
    seed,
    speed,
    tickMs: 500,
    telemetryIntervalMs: 1000,
    now: () => clock,
    ...(orderBatchSize === undefined ? {} : { orderBatchSize }),
  });
  const changes = new Map<string, TMachineChange[]>();
  plant.subscribe((update) => {
    for (const { machine, changes: batch } of update.machines) {
      changes.set(machine.identity.code, [...(changes.get(machine.identity.code) ?? []), ...batch]);
    }
  });
  const run = (wallMs: number, stepMs = 500) => {
    for (let elapsed = 0; elapsed < wallMs; elapsed += stepMs) {
      clock += stepMs;
      plant.step();
    }
  };
  return { plant, changes, run, clock: () => clock };
}

describe("LivePlant", () => {
  it("runs every work center of the demo plant through the four states with consistent counters", () => {
    const { plant, changes, run } = plantOnFakeClock(7, 600);
    // 60 wall-clock seconds at 600× are 10 simulated hours.
    run(60_000);
    expect([...plant.machines.keys()]).toHaveLength(12);
    const states = new Set<string>();
    for (const [code, machineChanges] of changes) {
      let previous = { total: 0, good: 0, scrap: 0, at: 0 };
      for (const change of machineChanges) {
        if (change.kind === "state") {
          states.add(change.state);
          expect(change.reasonCode === "").toBe(change.state === "RUNNING");
        }
        if (change.kind !== "counts") continue;
        expect(change.total, code).toBeGreaterThanOrEqual(previous.total);
        expect(change.good).toBeGreaterThanOrEqual(previous.good);
        expect(change.scrap).toBeGreaterThanOrEqual(previous.scrap);
        expect(change.at).toBeGreaterThanOrEqual(previous.at);
        previous = change;
      }
      const snapshot = plant.machine(code).snapshot();
      expect(snapshot.total).toBe(snapshot.good + snapshot.scrap);
      expect(snapshot.total).toBeGreaterThan(0);
      expect(snapshot.orderExternalId).toMatch(new RegExp(`^${code}-\\d{5}$`));
    }
    expect([...states].sort()).toEqual(["DOWN", "IDLE", "PLANNED_STOP", "RUNNING"]);
  });

  it("stamps changes with wall-clock time inside the step that produced them", () => {
    const { plant, run, clock } = plantOnFakeClock(3, 3600);
    const stamps: number[] = [];
    const stepStarts: number[] = [];
    plant.subscribe((update) => {
      stepStarts.push(update.at);
      for (const { changes } of update.machines) stamps.push(...changes.map((change) => change.at));
    });
    run(5_000);
    expect(Math.max(...stamps)).toBeLessThanOrEqual(clock());
    expect(plant.simNow() - clock()).toBe(5_000 * 3599);
    expect(stepStarts.length).toBeGreaterThan(0);
  });

  it("is deterministic for a seed", () => {
    const first = plantOnFakeClock(11, 1200);
    const second = plantOnFakeClock(11, 1200);
    first.run(10_000);
    second.run(10_000);
    for (const code of first.plant.machines.keys()) {
      const { telemetry: _a, ...a } = first.plant.machine(code).snapshot();
      const { telemetry: _b, ...b } = second.plant.machine(code).snapshot();
      expect(a).toEqual(b);
    }
  });

  it("keeps producing past the end of a batch of orders", () => {
    const { plant, changes, run } = plantOnFakeClock(5, 3600, 2);
    // 60 simulated hours: several batches of two orders on every machine.
    run(60_000);
    for (const [code, machineChanges] of changes) {
      const reasons = machineChanges.flatMap((change) => (change.kind === "state" ? [change.reasonCode] : []));
      expect(reasons).not.toContain("NO_ORDER");
      expect(Number(plant.machine(code).snapshot().orderExternalId.slice(-5)), code).toBeGreaterThan(4);
    }
  });
});
