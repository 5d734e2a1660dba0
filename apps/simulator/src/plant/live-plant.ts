import type { RIVERSIDE_PLANT } from "@gemba/db/seed/demo-plant";
import { LiveMachine, type TMachineChange } from "./live-machine";

export type TPlantDefinition = typeof RIVERSIDE_PLANT;

export type TLivePlantOptions = {
  plant: TPlantDefinition;
  seed: number;
  /** Simulated seconds per wall-clock second: 60 runs an hour of production per minute. */
  speed: number;
  /** Wall-clock milliseconds between simulation steps. */
  tickMs: number;
  /** Wall-clock milliseconds between telemetry samples. */
  telemetryIntervalMs: number;
  /** Orders per batch handed to each machine model (default 200). */
  orderBatchSize?: number;
  /** Wall clock, replaceable in tests. */
  now?: () => number;
  /** A listener threw: the plant keeps running, the caller decides how to report it. */
  onListenerError?: (error: unknown) => void;
};

export type TLine = { code: string; name: string; machines: LiveMachine[] };

/** The machines that changed in one step, each with its changes in time order. */
export type TPlantUpdate = { at: number; machines: Array<{ machine: LiveMachine; changes: TMachineChange[] }> };
export type TPlantListener = (update: TPlantUpdate) => void;

/**
 * The demo plant running in real time (or faster). Simulated time starts at the wall clock and
 * runs `speed` times as fast; everything published is stamped with the wall-clock instant it
 * maps to, so a platform ingesting it never sees events from the future.
 */
export class LivePlant {
  readonly lines: readonly TLine[];
  readonly machines: ReadonlyMap<string, LiveMachine>;
  readonly speed: number;
  private readonly options: TLivePlantOptions;
  private readonly now: () => number;
  private readonly wallStart: number;
  private readonly listeners = new Set<TPlantListener>();
  private lastSim: number;
  private lastTelemetryWall: number;
  private timer: NodeJS.Timeout | undefined;

  constructor(options: TLivePlantOptions) {
    this.options = options;
    this.speed = options.speed;
    this.now = options.now ?? Date.now;
    this.wallStart = this.now();
    this.lastSim = this.wallStart;
    this.lastTelemetryWall = this.wallStart;
    const cycleBySku = new Map(options.plant.products.map((p) => [p.sku, p.idealCycleTimeSeconds]));
    const toWall = (simMs: number) => this.wallStart + (simMs - this.wallStart) / this.speed;

    const lines: TLine[] = [];
    const machines = new Map<string, LiveMachine>();
    for (const area of options.plant.areas) {
      for (const line of area.lines) {
        const lineMachines = line.workCenters.map((workCenter) => {
          const products = workCenter.productSkus.map((sku) => {
            const idealCycleTimeSeconds = cycleBySku.get(sku);
            if (idealCycleTimeSeconds === undefined) throw new Error(`Unknown product ${sku} on ${workCenter.code}`);
            return { sku, idealCycleTimeSeconds };
          });
          const machine = new LiveMachine({
            identity: { code: workCenter.code, name: workCenter.name, lineCode: line.code, lineName: line.name },
            profile: workCenter.profile,
            products,
            seed: options.seed,
            simStart: this.wallStart,
            toWall,
            ...(options.orderBatchSize === undefined ? {} : { orderBatchSize: options.orderBatchSize }),
          });
          machines.set(workCenter.code, machine);
          return machine;
        });
        lines.push({ code: line.code, name: line.name, machines: lineMachines });
      }
    }
    this.lines = lines;
    this.machines = machines;
  }

  /** Simulated time now. */
  simNow(): number {
    return this.wallStart + (this.now() - this.wallStart) * this.speed;
  }

  machine(code: string): LiveMachine {
    const machine = this.machines.get(code);
    if (machine === undefined) throw new Error(`The plant has no work center ${code}`);
    return machine;
  }

  subscribe(listener: TPlantListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => this.step(), this.options.tickMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One step: every machine runs up to now, telemetry is sampled when due, listeners hear what changed. */
  step(): void {
    const wallNow = this.now();
    const simTo = this.simNow();
    const simFrom = this.lastSim;
    this.lastSim = simTo;
    const sampleTelemetry = wallNow - this.lastTelemetryWall >= this.options.telemetryIntervalMs;
    if (sampleTelemetry) this.lastTelemetryWall = wallNow;

    const update: TPlantUpdate = { at: wallNow, machines: [] };
    for (const machine of this.machines.values()) {
      const changes = simTo > simFrom ? machine.advance(simFrom, simTo) : [];
      if (sampleTelemetry) changes.push(...machine.sampleTelemetry(simTo));
      if (changes.length > 0) update.machines.push({ machine, changes });
    }
    if (update.machines.length === 0) return;
    for (const listener of this.listeners) {
      try {
        listener(update);
      } catch (error) {
        this.options.onListenerError?.(error);
      }
    }
  }
}
