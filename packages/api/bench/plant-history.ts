import type { EventInsertRow } from "@gemba/db/events/insert-events";
import { type OrderRecord, planOrders, scheduleOrders } from "@gemba/db/seed/plan-orders";
import type { PlantDefinition, WorkCenterDefinition } from "@gemba/db/seed/plant-definition";
import type { PlantCalendar } from "@gemba/db/seed/simulate-plant";
import { countWorkingMinutes } from "@gemba/domain/calendar/working-time";
import { MS_PER_DAY } from "@gemba/domain/calendar/zoned-time";
import type { TCanonicalEvent } from "@gemba/domain/events/canonical-events";
import { createRandom, hashSeed } from "@gemba/domain/simulation/random";
import { simulateWorkCenter } from "@gemba/domain/simulation/simulate-work-center";

// The demo seed's order book settings (simulate-plant.ts), so machines never run out of work.
const ORDER_BOOK_MARGIN = 1.4;
const SHIFT_WORK_MINUTES = 435;
const UPCOMING_ORDERS_PER_WORK_CENTER = 4;

/** Telemetry comes from a second source, as a historian next to the machines' MES feed would. */
export const TELEMETRY_SOURCE = "bench-historian";

/** The history in day-long chunks [from + i days, from + i + 1 days), the last one ending at `now`. */
export type HistoryChunks = { from: number; to: number; count: number };

export function chunkHistory(calendar: PlantCalendar): HistoryChunks {
  const from = calendar.from.getTime();
  const to = calendar.now.getTime();
  return { from, to, count: Math.max(1, Math.ceil((to - from) / MS_PER_DAY)) };
}

export type SimulatedHistory = {
  orders: OrderRecord[];
  /** The simulator's events (states, counts, scrap, orders, its own sparse telemetry) per chunk. */
  eventsByChunk: TCanonicalEvent[][];
  eventCount: number;
};

/**
 * The demo seed's simulation (simulatePlant), machine by machine, with events filed by day so
 * they can be stored day by day interleaved across machines, as a live feed delivers them. A
 * machine's simulation carries its state from day to day, so these events (a few percent of
 * the total) are held for the whole history; the bulk, telemetry, is generated per chunk.
 */
export function simulateHistory(
  plant: PlantDefinition,
  calendar: PlantCalendar,
  workCenterIds: ReadonlyMap<string, string>,
  chunks: HistoryChunks,
): SimulatedHistory {
  const workCenters = listWorkCenters(plant);
  const historyMinutes = countWorkingMinutes(calendar.history, calendar.from, calendar.now);
  const sequences = planOrders({
    workCenters: workCenters.map((wc) => ({ ...wc, changeoverMinutes: wc.profile.changeoverMinutes })),
    idealCycleBySku: new Map(plant.products.map((product) => [product.sku, product.idealCycleTimeSeconds])),
    minutesToFill: historyMinutes * ORDER_BOOK_MARGIN + 4 * SHIFT_WORK_MINUTES,
    firstOrderNumber: plant.firstOrderNumber,
    randomFor: (code) => createRandom(hashSeed(`${plant.tenant.slug}:${code}:orders`)),
  });

  const eventsByChunk: TCanonicalEvent[][] = Array.from({ length: chunks.count }, () => []);
  const orders: OrderRecord[] = [];
  let eventCount = 0;
  for (const workCenter of workCenters) {
    const sequence = sequences.get(workCenter.code) ?? [];
    const result = simulateWorkCenter({
      seed: hashSeed(`${plant.tenant.slug}:${workCenter.code}`),
      workCenter: { id: requireId(workCenterIds, workCenter.code), code: workCenter.code },
      profile: workCenter.profile,
      shifts: calendar.history,
      orders: sequence,
      from: calendar.from,
      to: calendar.now,
    });
    for (const event of result.events) {
      eventsByChunk[chunkOf(chunks, event.eventTime.getTime())]?.push(event);
    }
    eventCount += result.events.length;
    orders.push(
      ...scheduleOrders({
        orders: sequence,
        outcomes: result.orders,
        changeoverMinutes: workCenter.profile.changeoverMinutes,
        now: calendar.now,
        futureShifts: calendar.future,
        upcomingOrders: UPCOMING_ORDERS_PER_WORK_CENTER,
        random: createRandom(hashSeed(`${plant.tenant.slug}:${workCenter.code}:schedule`)),
      }),
    );
  }
  return { orders, eventsByChunk, eventCount };
}

type TelemetryChannelPlan = {
  workCenterId: string;
  code: string;
  index: number;
  tag: string;
  unit: string;
  baseline: number;
  noise: number;
  /** Offset of the first sample, so machines and channels do not all report on the same millisecond. */
  phaseMs: number;
};

export type TelemetryPlan = { periodMs: number; channels: TelemetryChannelPlan[]; eventCount: number };

/**
 * Every channel of every machine sampled at one period, around the clock (sensors report off
 * shift too), chosen so the telemetry fills `budget` events. Counts are exact, not estimated.
 */
export function planTelemetry(
  plant: PlantDefinition,
  workCenterIds: ReadonlyMap<string, string>,
  chunks: HistoryChunks,
  budget: number,
): TelemetryPlan {
  const channels = listWorkCenters(plant).flatMap((wc) =>
    wc.profile.telemetry.map((channel, index) => ({
      workCenterId: requireId(workCenterIds, wc.code),
      code: wc.code,
      index,
      tag: channel.tag,
      unit: channel.unit,
      baseline: channel.baseline,
      noise: channel.noise,
      phaseMs: 0,
    })),
  );
  const spanMs = chunks.to - chunks.from;
  if (budget <= 0 || channels.length === 0) return { periodMs: Number.POSITIVE_INFINITY, channels: [], eventCount: 0 };
  const periodMs = Math.max(1_000, Math.floor((channels.length * spanMs) / budget));
  let eventCount = 0;
  for (const channel of channels) {
    channel.phaseMs = hashSeed(`${channel.code}:${channel.tag}`) % periodMs;
    eventCount += Math.max(0, Math.ceil((spanMs - channel.phaseMs) / periodMs));
  }
  return { periodMs, channels, eventCount };
}

/** The telemetry samples of one chunk, deterministic per machine, channel and chunk. */
export function telemetryForChunk(plan: TelemetryPlan, chunks: HistoryChunks, chunk: number): EventInsertRow[] {
  const rows: EventInsertRow[] = [];
  const start = chunks.from + chunk * MS_PER_DAY;
  const end = Math.min(start + MS_PER_DAY, chunks.to);
  for (const channel of plan.channels) {
    const random = createRandom(hashSeed(`${channel.code}:${channel.tag}:${chunk}`));
    const origin = chunks.from + channel.phaseMs;
    for (let k = Math.max(0, Math.ceil((start - origin) / plan.periodMs)); ; k += 1) {
      const time = origin + k * plan.periodMs;
      if (time >= end) break;
      const value = Math.round((channel.baseline + random.normal(0, channel.noise)) * 100) / 100;
      rows.push({
        workCenterId: channel.workCenterId,
        kind: "telemetry",
        eventTime: new Date(time),
        sourceId: TELEMETRY_SOURCE,
        dedupeKey: `${channel.code}:telemetry:${time}:${channel.index}`,
        payload: { tag: channel.tag, value, unit: channel.unit },
      });
    }
  }
  return rows;
}

function listWorkCenters(plant: PlantDefinition): WorkCenterDefinition[] {
  return plant.areas.flatMap((area) => area.lines.flatMap((line) => line.workCenters));
}

function chunkOf(chunks: HistoryChunks, time: number): number {
  return Math.min(chunks.count - 1, Math.max(0, Math.floor((time - chunks.from) / MS_PER_DAY)));
}

function requireId(ids: ReadonlyMap<string, string>, code: string): string {
  const id = ids.get(code);
  if (!id) throw new Error(`Work center ${code} was not created`);
  return id;
}
