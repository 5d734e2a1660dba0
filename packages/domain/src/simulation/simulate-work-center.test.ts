import { describe, expect, it } from "vitest";
import { expandShifts, type TShiftDefinition } from "../calendar/expand-shifts";
import { countWorkingMinutes } from "../calendar/working-time";
import { type TCanonicalEvent, ZCanonicalEvent } from "../events/canonical-events";
import { simulateWorkCenter } from "./simulate-work-center";
import type { SimulatedOrder, TWorkCenterProfile } from "./work-center-profile";

const breaks = [
  { name: "Break", startOffsetMinutes: 150, durationMinutes: 15 },
  { name: "Lunch", startOffsetMinutes: 300, durationMinutes: 30 },
];
const shifts: TShiftDefinition[] = [
  { name: "Early", weekdays: [1, 2, 3, 4, 5], startMinute: 360, durationMinutes: 480, breaks },
  { name: "Late", weekdays: [1, 2, 3, 4, 5], startMinute: 840, durationMinutes: 480, breaks },
];
const from = new Date("2026-11-16T06:00:00Z"); // Monday 00:00 in Chicago
const to = new Date("2026-11-28T06:00:00Z");
const instances = expandShifts({
  shifts,
  timeZone: "America/Chicago",
  from,
  to,
  // Thanksgiving: the plant is closed.
  noShiftPeriods: [{ start: new Date("2026-11-26T06:00:00Z"), end: new Date("2026-11-27T06:00:00Z") }],
});

const profile: TWorkCenterProfile = {
  meanTimeBetweenFailuresMinutes: 300,
  meanTimeToRepairMinutes: 25,
  failureReasons: [
    { code: "FAIL_MECH", weight: 3 },
    { code: "TOOL_BREAK", weight: 2 },
  ],
  microStopsPerHour: 3,
  flowStopsPerHour: 1,
  meanFlowStopMinutes: 4,
  speedFactor: 0.92,
  scrapRate: 0.02,
  startupRejectRate: 0.08,
  startupWindowMinutes: 10,
  changeoverMinutes: 30,
  telemetry: [
    { tag: "spindle_load", unit: "%", baseline: 55, noise: 3, wearDrift: 0.12 },
    { tag: "coolant_temperature", unit: "°C", baseline: 24, noise: 0.8, wearDrift: 0 },
  ],
};
const IDEAL_CYCLE_SECONDS = 30;
const orders: SimulatedOrder[] = Array.from({ length: 40 }, (_, index) => ({
  externalId: String(1_000_100 + index),
  idealCycleTimeSeconds: IDEAL_CYCLE_SECONDS,
  quantity: 300 + 50 * (index % 5),
}));
const workCenter = { id: "6f1c2f9e-8a0b-4c7d-9e2f-1a2b3c4d5e6f", code: "CNC-101" };

const run = (overrides: Partial<Parameters<typeof simulateWorkCenter>[0]> = {}) =>
  simulateWorkCenter({ seed: 42, workCenter, profile, shifts: instances, orders, from, to, ...overrides });

const result = run();
const { events } = result;
const states = events.flatMap((event) => (event.kind === "machine.state" ? [event] : []));
const timeOf = (event: TCanonicalEvent) => event.eventTime.getTime();

function oeeOf(simulated: TCanonicalEvent[]): number {
  const good = simulated.reduce((sum, e) => (e.kind === "production.count" ? sum + e.payload.good : sum), 0);
  return (IDEAL_CYCLE_SECONDS * good) / 60 / countWorkingMinutes(instances, from, to);
}

describe("simulateWorkCenter", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    expect(run()).toEqual(result);
    expect(run({ seed: 43 }).events).not.toEqual(events);
  });

  it("produces valid canonical events, sorted by time, with unique deterministic dedupe keys", () => {
    expect(events.length).toBeGreaterThan(1000);
    for (const event of events) expect(ZCanonicalEvent.safeParse(event).success).toBe(true);
    for (let index = 1; index < events.length; index += 1) {
      expect(timeOf(events[index - 1] as TCanonicalEvent)).toBeLessThanOrEqual(
        timeOf(events[index] as TCanonicalEvent),
      );
    }
    expect(new Set(events.map((event) => event.dedupeKey)).size).toBe(events.length);
    expect(events[0]?.dedupeKey).toMatch(/^CNC-101:machine\.state:\d+:0$/);
    expect(events.every((event) => event.sourceId === "simulator" && event.workCenterId === workCenter.id)).toBe(true);
  });

  it("starts with a state at the beginning of the range", () => {
    expect(states[0]?.eventTime).toEqual(from);
    expect(states[0]?.payload).toEqual({ state: "IDLE", reasonCode: "NO_SHIFT" });
  });

  it("counts production only inside shifts and outside breaks", () => {
    const counts = events.filter((event) => event.kind === "production.count");
    expect(counts.length).toBeGreaterThan(500);
    for (const count of counts) {
      const time = timeOf(count);
      const shift = instances.find((i) => time > i.start.getTime() && time <= i.end.getTime());
      expect(shift, count.eventTime.toISOString()).toBeDefined();
      const inBreak = shift?.breaks.some((b) => time > b.start.getTime() && time <= b.end.getTime());
      expect(inBreak, count.eventTime.toISOString()).toBe(false);
    }
    const holiday = events.filter((e) => e.eventTime.toISOString().startsWith("2026-11-26T1"));
    expect(holiday).toEqual([]);
  });

  it("keeps good ≤ total and reports scrap that adds up to total − good", () => {
    const scrapAt = new Map<number, number>();
    for (const event of events) {
      if (event.kind === "production.scrap") {
        scrapAt.set(timeOf(event), (scrapAt.get(timeOf(event)) ?? 0) + event.payload.quantity);
      }
    }
    let scrapTotal = 0;
    for (const event of events) {
      if (event.kind !== "production.count") continue;
      expect(event.payload.good).toBeLessThanOrEqual(event.payload.total);
      expect(event.payload.total).toBeGreaterThan(0);
      expect(scrapAt.get(timeOf(event)) ?? 0).toBe(event.payload.total - event.payload.good);
      scrapTotal += event.payload.total - event.payload.good;
    }
    expect(scrapTotal).toBeGreaterThan(0);
  });

  it("never reports the same state and reason twice in a row", () => {
    for (let index = 1; index < states.length; index += 1) {
      expect(states[index]?.payload).not.toEqual(states[index - 1]?.payload);
    }
    const reasons = new Set(states.map((s) => `${s.payload.state}:${s.payload.reasonCode ?? ""}`));
    for (const expected of ["RUNNING:", "DOWN:FAIL_MECH", "IDLE:MICRO_STOP", "PLANNED_STOP:BREAK", "IDLE:NO_SHIFT"]) {
      expect(reasons).toContain(expected);
    }
    expect([...reasons].every((r) => !r.startsWith("DOWN:") || /FAIL_MECH|TOOL_BREAK/.test(r))).toBe(true);
  });

  it("sends telemetry only while running", () => {
    let current = "";
    let samples = 0;
    for (const event of events) {
      if (event.kind === "machine.state") current = event.payload.state;
      if (event.kind === "telemetry") {
        samples += 1;
        expect(current).toBe("RUNNING");
        expect(["spindle_load", "coolant_temperature"]).toContain(event.payload.tag);
      }
    }
    expect(samples).toBeGreaterThan(100);
  });

  it("lets a wearing signal creep up before failures", () => {
    const runs = run({
      to: new Date("2026-12-26T06:00:00Z"),
      shifts: expandShifts({ shifts, timeZone: "America/Chicago", from, to: new Date("2026-12-26T06:00:00Z") }),
    });
    const before: number[] = [];
    const after: number[] = [];
    let lastRepairEnd = Number.NEGATIVE_INFINITY;
    let wasDown = false;
    const loads: Array<{ time: number; value: number }> = [];
    for (const event of runs.events) {
      if (event.kind === "machine.state") {
        if (wasDown && event.payload.state === "RUNNING") lastRepairEnd = timeOf(event);
        if (event.payload.state === "DOWN" && !wasDown) {
          before.push(...loads.filter((l) => l.time > timeOf(event) - 3_600_000).map((l) => l.value));
        }
        wasDown = event.payload.state === "DOWN" || (wasDown && event.payload.state !== "RUNNING");
      }
      if (event.kind === "telemetry" && event.payload.tag === "spindle_load") {
        loads.push({ time: timeOf(event), value: event.payload.value });
        if (timeOf(event) - lastRepairEnd < 3_600_000) after.push(event.payload.value);
      }
    }
    const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
    expect(before.length).toBeGreaterThan(10);
    expect(after.length).toBeGreaterThan(10);
    expect(mean(before) - mean(after)).toBeGreaterThan(1.5);
  });

  it("changes over between orders and reports order starts and completions", () => {
    const lifecycle = events.flatMap((e) => (e.kind === "order.lifecycle" ? [e] : []));
    const completed = result.orders.filter((o) => o.completedAt !== null);
    expect(completed.length).toBeGreaterThan(5);
    for (const [index, outcome] of completed.entries()) {
      expect(outcome.goodProduced).toBe(orders[index]?.quantity);
      const next = result.orders[index + 1];
      if (!next?.startedAt || !outcome.completedAt) continue;
      const doneAt = outcome.completedAt.getTime();
      const nextAt = next.startedAt.getTime();
      expect(nextAt).toBeGreaterThan(doneAt);
      const changeover = states.find(
        (s) => s.payload.reasonCode === "CHANGEOVER" && timeOf(s) >= doneAt && timeOf(s) <= nextAt,
      );
      expect(changeover, `changeover before ${next.externalId}`).toBeDefined();
    }
    const transitions = lifecycle.map((e) => `${e.payload.orderExternalId}:${e.payload.transition}`);
    expect(transitions.slice(0, 3)).toEqual(["1000100:STARTED", "1000100:COMPLETED", "1000101:STARTED"]);
    // The order running at the end is started, not completed.
    const inProgress = result.orders.filter((o) => o.startedAt !== null && o.completedAt === null);
    expect(inProgress).toHaveLength(1);
  });

  it("lands in a realistic OEE band, lower for a machine that fails often", () => {
    const oee = oeeOf(events);
    expect(oee).toBeGreaterThan(0.55);
    expect(oee).toBeLessThan(0.85);
    const fragile = run({ profile: { ...profile, meanTimeBetweenFailuresMinutes: 60, meanTimeToRepairMinutes: 20 } });
    expect(oeeOf(fragile.events)).toBeLessThan(oee - 0.08);
  });

  it("goes idle without an order once the order list runs out", () => {
    const short = run({ orders: orders.slice(0, 1) });
    const last = short.events.filter((e) => e.kind === "machine.state").at(-1);
    expect(short.orders[0]?.completedAt).not.toBeNull();
    expect(last?.payload).toEqual({ state: "IDLE", reasonCode: "NO_SHIFT" });
    expect(short.events.some((e) => e.kind === "machine.state" && e.payload.reasonCode === "NO_ORDER")).toBe(true);
    expect(run({ orders: [] }).events.some((e) => e.kind === "production.count")).toBe(false);
  });
});
