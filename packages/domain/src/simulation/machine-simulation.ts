import { MS_PER_MINUTE } from "../calendar/zoned-time";
import type { EventLog } from "./event-log";
import type { Random } from "./random";
import type { SimulatedOrder, SimulatedOrderOutcome, TWorkCenterProfile } from "./work-center-profile";

const COUNT_INTERVAL_MS = 5 * MS_PER_MINUTE;
const TELEMETRY_INTERVAL_MS = 15 * MS_PER_MINUTE;
// Longer than the default 2-minute minor-stop threshold, so a failure is classified as one.
const MIN_FAILURE_MS = 3 * MS_PER_MINUTE;

type Activity =
  | { kind: "run" }
  | { kind: "stop"; state: "DOWN" | "IDLE"; reasonCode: string; remainingMs: number }
  | { kind: "changeover"; remainingMs: number }
  | { kind: "no-order" };

/**
 * One machine's state between calendar blocks: what it is doing (running, stopped, changing
 * over), how far into the current part and order it is, and when the next disruption is due.
 * Disruption clocks count running time only, so a failure is never "due" during a break.
 */
export class MachineSimulation {
  readonly outcomes: SimulatedOrderOutcome[];
  private activity: Activity;
  private orderIndex = 0;
  private cycleMs = 1;
  private partProgressMs = 0;
  private untilFailureMs: number;
  private untilMicroStopMs: number;
  private untilFlowStopMs: number;
  private runSinceRepairMs = 0;
  private startupUntilMs = Number.NEGATIVE_INFINITY;
  private afterOff = true;
  private interval = { total: 0, good: 0, scrap: new Map<string, number>() };

  private readonly profile: TWorkCenterProfile;
  private readonly orders: readonly SimulatedOrder[];
  private readonly random: Random;
  private readonly log: EventLog;

  constructor(profile: TWorkCenterProfile, orders: readonly SimulatedOrder[], random: Random, log: EventLog) {
    this.profile = profile;
    this.orders = orders;
    this.random = random;
    this.log = log;
    this.outcomes = orders.map((order) => ({
      externalId: order.externalId,
      startedAt: null,
      completedAt: null,
      totalProduced: 0,
      goodProduced: 0,
    }));
    this.activity = orders.length > 0 ? { kind: "run" } : { kind: "no-order" };
    this.untilFailureMs = this.sampleGap(60 / profile.meanTimeBetweenFailuresMinutes);
    this.untilMicroStopMs = this.sampleGap(profile.microStopsPerHour);
    this.untilFlowStopMs = this.sampleGap(profile.flowStopsPerHour);
  }

  enterOff(timeMs: number): void {
    // Starvation and micro stops do not outlast the shift; a repair or a changeover carries on.
    if (this.activity.kind === "stop" && this.activity.state === "IDLE") this.activity = { kind: "run" };
    this.log.state(timeMs, "IDLE", "NO_SHIFT");
    this.afterOff = true;
  }

  work(start: number, end: number): void {
    if (this.afterOff) this.startupUntilMs = start + this.profile.startupWindowMinutes * MS_PER_MINUTE;
    this.afterOff = false;
    this.reportActivity(start);
    let timeMs = start;
    while (timeMs < end) {
      const activity = this.activity;
      if (activity.kind === "no-order") break;
      if (activity.kind === "run") {
        timeMs = this.runUntilNextEvent(timeMs, end);
        continue;
      }
      const until = Math.min(end, timeMs + activity.remainingMs);
      activity.remainingMs -= until - timeMs;
      timeMs = until;
      if (activity.remainingMs <= 0) this.finishStop(timeMs, activity.kind === "changeover");
    }
    this.flushCount(end);
  }

  private reportActivity(timeMs: number): void {
    const activity = this.activity;
    if (activity.kind === "run") this.beginRunning(timeMs);
    else if (activity.kind === "stop") this.log.state(timeMs, activity.state, activity.reasonCode);
    else if (activity.kind === "changeover") this.log.state(timeMs, "PLANNED_STOP", "CHANGEOVER");
    else this.log.state(timeMs, "IDLE", "NO_ORDER");
  }

  private beginRunning(timeMs: number): void {
    this.activity = { kind: "run" };
    const order = this.orders[this.orderIndex];
    const outcome = this.outcomes[this.orderIndex];
    if (order && outcome && outcome.startedAt === null) {
      outcome.startedAt = new Date(timeMs);
      this.log.order(timeMs, { orderExternalId: order.externalId, transition: "STARTED", quantity: order.quantity });
      this.partProgressMs = 0;
      this.cycleMs = this.sampleCycleMs();
    }
    this.log.state(timeMs, "RUNNING");
  }

  private runUntilNextEvent(timeMs: number, end: number): number {
    const nextPart = timeMs + this.cycleMs - this.partProgressMs;
    const nextCount = nextMultiple(timeMs, COUNT_INTERVAL_MS);
    const nextTelemetry = nextMultiple(timeMs, TELEMETRY_INTERVAL_MS);
    const nextStop = timeMs + Math.min(this.untilFailureMs, this.untilMicroStopMs, this.untilFlowStopMs);
    const next = Math.min(nextPart, nextCount, nextTelemetry, nextStop, end);
    const elapsed = next - timeMs;
    this.partProgressMs += elapsed;
    this.untilFailureMs -= elapsed;
    this.untilMicroStopMs -= elapsed;
    this.untilFlowStopMs -= elapsed;
    this.runSinceRepairMs += elapsed;

    if (this.partProgressMs >= this.cycleMs && this.producePart(next)) return next;
    if (next === nextTelemetry) this.sampleTelemetry(next);
    if (next === nextCount) this.flushCount(next);
    if (this.untilFailureMs <= 0) {
      const reasonCode = this.random.weighted(
        this.profile.failureReasons.map((r) => ({ value: r.code, weight: r.weight })),
      );
      const repairMinutes = Math.max(0, this.profile.meanTimeToRepairMinutes - MIN_FAILURE_MS / MS_PER_MINUTE);
      this.startStop(next, "DOWN", reasonCode, MIN_FAILURE_MS + this.random.exponential(repairMinutes * MS_PER_MINUTE));
    } else if (this.untilMicroStopMs <= 0) {
      this.startStop(next, "IDLE", "MICRO_STOP", this.random.between(20_000, 110_000));
    } else if (this.untilFlowStopMs <= 0) {
      const reasonCode = this.random.chance(0.55) ? "MATERIAL_STARVED" : "BLOCKED_DOWNSTREAM";
      const meanMs = this.profile.meanFlowStopMinutes * MS_PER_MINUTE;
      this.startStop(next, "IDLE", reasonCode, 30_000 + this.random.exponential(Math.max(0, meanMs - 30_000)));
    }
    return next;
  }

  /** Adds one part; returns true when it completed the order (the machine then stops). */
  private producePart(timeMs: number): boolean {
    this.partProgressMs -= this.cycleMs;
    this.cycleMs = this.sampleCycleMs();
    const order = this.orders[this.orderIndex];
    const outcome = this.outcomes[this.orderIndex];
    if (!order || !outcome) return false;
    const startup = timeMs < this.startupUntilMs;
    outcome.totalProduced += 1;
    this.interval.total += 1;
    if (this.random.chance(startup ? this.profile.startupRejectRate : this.profile.scrapRate)) {
      const reasonCode = startup ? "STARTUP_REJECT" : this.random.chance(0.6) ? "DIMENSION" : "SURFACE";
      this.interval.scrap.set(reasonCode, (this.interval.scrap.get(reasonCode) ?? 0) + 1);
    } else {
      outcome.goodProduced += 1;
      this.interval.good += 1;
    }
    if (outcome.goodProduced < order.quantity) return false;

    this.flushCount(timeMs);
    outcome.completedAt = new Date(timeMs);
    this.log.order(timeMs, {
      orderExternalId: order.externalId,
      transition: "COMPLETED",
      quantity: outcome.goodProduced,
    });
    this.orderIndex += 1;
    // Stops due at this very moment are dropped, so a changeover never ends in a zero-length run.
    this.resampleExpiredStops();
    if (this.orderIndex >= this.orders.length) {
      this.activity = { kind: "no-order" };
      this.log.state(timeMs, "IDLE", "NO_ORDER");
      return true;
    }
    const mean = this.profile.changeoverMinutes * MS_PER_MINUTE;
    const remainingMs = Math.round(Math.max(0.5 * mean, this.random.normal(mean, 0.2 * mean)));
    this.activity = { kind: "changeover", remainingMs };
    this.log.state(timeMs, "PLANNED_STOP", "CHANGEOVER");
    return true;
  }

  private startStop(timeMs: number, state: "DOWN" | "IDLE", reasonCode: string, durationMs: number): void {
    this.flushCount(timeMs);
    this.activity = { kind: "stop", state, reasonCode, remainingMs: Math.max(1_000, Math.round(durationMs)) };
    this.log.state(timeMs, state, reasonCode);
    this.resampleExpiredStops();
  }

  private finishStop(timeMs: number, wasChangeover: boolean): void {
    const activity = this.activity;
    if (activity.kind === "stop" && activity.state === "DOWN") this.runSinceRepairMs = 0;
    if (wasChangeover) this.startupUntilMs = timeMs + this.profile.startupWindowMinutes * MS_PER_MINUTE;
    this.beginRunning(timeMs);
  }

  private resampleExpiredStops(): void {
    if (this.untilFailureMs <= 0)
      this.untilFailureMs = this.sampleGap(60 / this.profile.meanTimeBetweenFailuresMinutes);
    if (this.untilMicroStopMs <= 0) this.untilMicroStopMs = this.sampleGap(this.profile.microStopsPerHour);
    if (this.untilFlowStopMs <= 0) this.untilFlowStopMs = this.sampleGap(this.profile.flowStopsPerHour);
  }

  private flushCount(timeMs: number): void {
    const { total, good, scrap } = this.interval;
    if (total === 0) return;
    this.log.count(timeMs, total, good);
    for (const [reasonCode, quantity] of scrap) this.log.scrap(timeMs, quantity, reasonCode);
    this.interval = { total: 0, good: 0, scrap: new Map() };
  }

  private sampleTelemetry(timeMs: number): void {
    const wear = Math.min(1, this.runSinceRepairMs / (this.profile.meanTimeBetweenFailuresMinutes * MS_PER_MINUTE));
    for (const { tag, unit, baseline, noise, wearDrift } of this.profile.telemetry) {
      const value = baseline * (1 + wearDrift * wear) + this.random.normal(0, noise);
      this.log.telemetry(timeMs, { tag, value: Math.round(value * 100) / 100, unit });
    }
  }

  private sampleCycleMs(): number {
    const order = this.orders[this.orderIndex];
    if (!order) return 1;
    const idealMs = order.idealCycleTimeSeconds * 1000;
    const actualMs = (idealMs / this.profile.speedFactor) * this.random.normal(1, 0.03);
    return Math.max(1, Math.round(Math.max(idealMs, actualMs)));
  }

  /** Running time until the next event of a Poisson process with `perHour` events per hour. */
  private sampleGap(perHour: number): number {
    if (perHour <= 0) return Number.POSITIVE_INFINITY;
    return Math.max(1, Math.round(this.random.exponential(3_600_000 / perHour)));
  }
}

function nextMultiple(timeMs: number, step: number): number {
  return (Math.floor(timeMs / step) + 1) * step;
}
