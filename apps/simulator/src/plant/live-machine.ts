import { MS_PER_MINUTE } from "@gemba/domain/calendar/zoned-time";
import type { TCanonicalEvent, TReportedMachineState } from "@gemba/domain/events/canonical-events";
import type { EventLog } from "@gemba/domain/simulation/event-log";
import { MachineSimulation } from "@gemba/domain/simulation/machine-simulation";
import { createRandom, hashSeed, type Random } from "@gemba/domain/simulation/random";
import { type TWorkCenterProfile, ZWorkCenterProfile } from "@gemba/domain/simulation/work-center-profile";
import { createOrderBook, type TOrderBook, type TProduct } from "./order-book";

const DEFAULT_ORDER_BATCH = 200;

export type TMachineIdentity = { code: string; name: string; lineCode: string; lineName: string };

export type TTelemetryReading = { tag: string; unit: string; value: number };

/** What a machine looks like right now; all times are wall-clock milliseconds. */
export type TMachineSnapshot = {
  state: TReportedMachineState;
  /** The reason code while stopped, "" while running. */
  reasonCode: string;
  /** Cumulative since the simulator started: total = good + scrap. */
  total: number;
  good: number;
  scrap: number;
  orderExternalId: string;
  productSku: string;
  telemetry: readonly TTelemetryReading[];
  stateSince: number;
  countsAt: number;
  telemetryAt: number;
};

export type TMachineChange =
  | { kind: "state"; at: number; state: TReportedMachineState; reasonCode: string }
  | { kind: "counts"; at: number; total: number; good: number; scrap: number }
  | { kind: "order"; at: number; orderExternalId: string; productSku: string }
  | { kind: "telemetry"; at: number; readings: TTelemetryReading[] };

export type TLiveMachineInput = {
  identity: TMachineIdentity;
  profile: TWorkCenterProfile;
  products: readonly TProduct[];
  seed: number;
  /** Simulated time the machine starts at. */
  simStart: number;
  /** Maps a simulated instant to the wall-clock instant it is reported at. */
  toWall: (simMs: number) => number;
  /** Orders handed to the domain model at a time; small in tests that cross a batch boundary. */
  orderBatchSize?: number;
};

/**
 * One machine of the plant, stepped in real time: the domain's MachineSimulation decides what
 * happens (failures, micro stops, flow stops, changeovers, scrap), this class keeps the live
 * picture the protocols publish, and samples telemetry whenever the caller asks.
 */
export class LiveMachine {
  readonly identity: TMachineIdentity;
  readonly profile: TWorkCenterProfile;
  private readonly orderBook: TOrderBook;
  private readonly telemetryRandom: Random;
  private readonly machineRandom: Random;
  private readonly toWall: (simMs: number) => number;
  private readonly orderBatchSize: number;
  /** Product of each order not yet started, so an order start can say what is being made. */
  private readonly products = new Map<string, string>();
  private simulation: MachineSimulation;
  private changes: TMachineChange[] = [];
  private current: TMachineSnapshot;
  private reported: { state: TReportedMachineState; reasonCode: string | undefined } | null = null;
  private ordersExhaustedAt: number | undefined;
  private lastCounts: Extract<TMachineChange, { kind: "counts" }> | undefined;
  // Wear makes telemetry drift as the next failure approaches; measured in simulated running time.
  private runningSinceSim: number | undefined;
  private runSinceRepairSim = 0;

  constructor(input: TLiveMachineInput) {
    this.identity = input.identity;
    this.profile = ZWorkCenterProfile.parse(input.profile);
    this.toWall = input.toWall;
    this.orderBatchSize = input.orderBatchSize ?? DEFAULT_ORDER_BATCH;
    const seed = hashSeed(`${input.seed}:${input.identity.code}`);
    this.machineRandom = createRandom(seed);
    this.telemetryRandom = createRandom(hashSeed(`${input.seed}:${input.identity.code}:telemetry`));
    this.orderBook = createOrderBook(input.identity.code, input.products, createRandom(seed ^ 0x5bd1e995));
    const wallStart = input.toWall(input.simStart);
    this.current = {
      state: "RUNNING",
      reasonCode: "",
      total: 0,
      good: 0,
      scrap: 0,
      orderExternalId: "",
      productSku: "",
      telemetry: [],
      stateSince: wallStart,
      countsAt: wallStart,
      telemetryAt: wallStart,
    };
    this.simulation = this.createSimulation();
    this.simulation.work(input.simStart, input.simStart);
    this.sampleTelemetry(input.simStart);
  }

  snapshot(): TMachineSnapshot {
    return this.current;
  }

  /** Runs the machine over [simFrom, simTo) of simulated time and returns what changed. */
  advance(simFrom: number, simTo: number): TMachineChange[] {
    let from = simFrom;
    // A batch can only run out once per order at most; the guard stops a pathological profile.
    for (let attempt = 0; attempt < 1000 && from < simTo; attempt += 1) {
      this.ordersExhaustedAt = undefined;
      this.simulation.work(from, simTo);
      const exhaustedAt = this.ordersExhaustedAt;
      if (exhaustedAt === undefined) break;
      this.simulation = this.createSimulation();
      from = exhaustedAt;
      this.simulation.work(from, from);
    }
    return this.drainChanges();
  }

  /** Samples every telemetry channel at a simulated instant (wear depends on simulated running time). */
  sampleTelemetry(simNow: number): TMachineChange[] {
    const runMs = this.runSinceRepairSim + (this.runningSinceSim === undefined ? 0 : simNow - this.runningSinceSim);
    const wear = Math.min(1, runMs / (this.profile.meanTimeBetweenFailuresMinutes * MS_PER_MINUTE));
    const readings = this.profile.telemetry.map(({ tag, unit, baseline, noise, wearDrift }) => {
      const value = baseline * (1 + wearDrift * wear) + this.telemetryRandom.normal(0, noise);
      return { tag, unit, value: Math.round(value * 100) / 100 };
    });
    const at = this.toWall(simNow);
    this.current = { ...this.current, telemetry: readings, telemetryAt: at };
    if (readings.length > 0) this.changes.push({ kind: "telemetry", at, readings });
    return this.drainChanges();
  }

  private drainChanges(): TMachineChange[] {
    const drained = this.changes;
    this.changes = [];
    this.lastCounts = undefined;
    return drained;
  }

  private createSimulation(): MachineSimulation {
    const orders = this.orderBook.nextBatch(this.orderBatchSize);
    for (const order of orders) this.products.set(order.externalId, order.productSku);
    return new MachineSimulation(this.profile, orders, this.machineRandom, this.createSink());
  }

  private onState(simMs: number, state: TReportedMachineState, reasonCode: string | undefined): void {
    if (this.reported?.state === state && this.reported.reasonCode === reasonCode) return;
    // The end of a batch of orders is ours, not the plant's: the next batch follows at once.
    if (reasonCode === "NO_ORDER") {
      this.ordersExhaustedAt = simMs;
      return;
    }
    const previous = this.reported?.state;
    this.reported = { state, reasonCode };
    if (previous === "RUNNING" && this.runningSinceSim !== undefined) {
      this.runSinceRepairSim += simMs - this.runningSinceSim;
    }
    if (previous === "DOWN" && state !== "DOWN") this.runSinceRepairSim = 0;
    this.runningSinceSim = state === "RUNNING" ? simMs : undefined;
    const at = this.toWall(simMs);
    const change = { kind: "state" as const, at, state, reasonCode: reasonCode ?? "" };
    this.current = { ...this.current, state, reasonCode: change.reasonCode, stateSince: at };
    this.changes.push(change);
  }

  private onCount(simMs: number, total: number, good: number): void {
    const at = this.toWall(simMs);
    this.current = {
      ...this.current,
      total: this.current.total + total,
      good: this.current.good + good,
      countsAt: at,
    };
    const change = { kind: "counts" as const, at, ...this.counters() };
    this.lastCounts = change;
    this.changes.push(change);
  }

  private onScrap(quantity: number): void {
    this.current = { ...this.current, scrap: this.current.scrap + quantity };
    // Scrap follows the count it belongs to, at the same instant: amend that change.
    if (this.lastCounts !== undefined) this.lastCounts.scrap = this.current.scrap;
  }

  private onOrderStarted(simMs: number, orderExternalId: string): void {
    const productSku = this.products.get(orderExternalId) ?? "";
    this.products.delete(orderExternalId);
    const at = this.toWall(simMs);
    this.current = { ...this.current, orderExternalId, productSku };
    this.changes.push({ kind: "order", at, orderExternalId, productSku });
  }

  private counters() {
    return { total: this.current.total, good: this.current.good, scrap: this.current.scrap };
  }

  /** Receives what the domain model reports; shaped like its event log so the model needs no change. */
  private createSink(): EventLog {
    const events: TCanonicalEvent[] = [];
    return {
      events,
      currentState: () => this.reported,
      state: (timeMs, state, reasonCode) => this.onState(timeMs, state, reasonCode),
      count: (timeMs, total, good) => this.onCount(timeMs, total, good),
      scrap: (_timeMs, quantity) => this.onScrap(quantity),
      // Telemetry is sampled in wall-clock time instead (sampleTelemetry), so a live chart moves.
      telemetry: () => undefined,
      order: (timeMs, payload) => {
        if (payload.transition === "STARTED") this.onOrderStarted(timeMs, payload.orderExternalId);
      },
    };
  }
}
