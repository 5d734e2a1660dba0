import { expandShifts, type NoShiftPeriod, type ShiftInstance } from "@gemba/domain/calendar/expand-shifts";
import { countWorkingMinutes } from "@gemba/domain/calendar/working-time";
import { addDays, formatLocalDate, MS_PER_DAY, startOfLocalDay, utcToZoned } from "@gemba/domain/calendar/zoned-time";
import type { TCanonicalEvent } from "@gemba/domain/events/canonical-events";
import { createRandom, hashSeed } from "@gemba/domain/simulation/random";
import { simulateWorkCenter } from "@gemba/domain/simulation/simulate-work-center";
import type { NoShiftKind } from "../generated/prisma/enums";
import { type OrderRecord, planOrders, scheduleOrders } from "./plan-orders";
import type { PlantDefinition, WorkCenterDefinition } from "./plant-definition";

/** Not-yet-started orders kept per work center: two released, two planned. */
const UPCOMING_ORDERS_PER_WORK_CENTER = 4;
// Orders are planned for more than the history needs, so no machine runs out of work.
const ORDER_BOOK_MARGIN = 1.4;
const FUTURE_DAYS = 35;

export type PlantCalendar = {
  /** Start of the simulated history: local midnight, `historyDays` before today. */
  from: Date;
  /** The local date of `from`, "2026-10-25". */
  firstDay: string;
  now: Date;
  noShiftPeriods: Array<NoShiftPeriod & { kind: NoShiftKind; reason: string }>;
  history: ShiftInstance[];
  future: ShiftInstance[];
};

export function buildPlantCalendar(plant: PlantDefinition, now: Date, historyDays: number): PlantCalendar {
  const timeZone = plant.site.timeZone;
  const today = utcToZoned(now, timeZone);
  const firstDay = addDays(today, -historyDays);
  const from = startOfLocalDay(firstDay, timeZone);
  const noShiftPeriods = plant.noShiftPeriods.map((definition) => {
    const firstDay = definition.firstDay(today);
    return {
      kind: definition.kind,
      reason: definition.reason,
      start: startOfLocalDay(firstDay, timeZone),
      end: startOfLocalDay(addDays(firstDay, definition.days), timeZone),
    };
  });
  const expand = (rangeFrom: Date, rangeTo: Date) =>
    expandShifts({ shifts: plant.shiftPattern.shifts, timeZone, noShiftPeriods, from: rangeFrom, to: rangeTo });
  return {
    from,
    firstDay: formatLocalDate(firstDay),
    now,
    noShiftPeriods,
    history: expand(from, now),
    future: expand(now, new Date(now.getTime() + FUTURE_DAYS * MS_PER_DAY)),
  };
}

export type SimulatedPlant = { events: TCanonicalEvent[]; orders: OrderRecord[] };

/**
 * The plant's order book and event history up to `now`. Pure and deterministic for a plant,
 * calendar and set of ids: each machine has its own random stream seeded from tenant and code.
 */
export function simulatePlant(
  plant: PlantDefinition,
  calendar: PlantCalendar,
  workCenterIds: ReadonlyMap<string, string>,
): SimulatedPlant {
  const workCenters = plant.areas.flatMap((area) => area.lines.flatMap((line) => line.workCenters));
  const historyMinutes = countWorkingMinutes(calendar.history, calendar.from, calendar.now);
  const sequences = planOrders({
    workCenters: workCenters.map((wc) => ({ ...wc, changeoverMinutes: wc.profile.changeoverMinutes })),
    idealCycleBySku: new Map(plant.products.map((product) => [product.sku, product.idealCycleTimeSeconds])),
    minutesToFill: historyMinutes * ORDER_BOOK_MARGIN + 4 * 435,
    firstOrderNumber: plant.firstOrderNumber,
    randomFor: (code) => createRandom(hashSeed(`${plant.tenant.slug}:${code}:orders`)),
  });

  const events: TCanonicalEvent[] = [];
  const orders: OrderRecord[] = [];
  for (const workCenter of workCenters) {
    const sequence = sequences.get(workCenter.code) ?? [];
    const result = simulateWorkCenter({
      seed: hashSeed(`${plant.tenant.slug}:${workCenter.code}`),
      workCenter: { id: requireId(workCenterIds, workCenter), code: workCenter.code },
      profile: workCenter.profile,
      shifts: calendar.history,
      orders: sequence,
      from: calendar.from,
      to: calendar.now,
    });
    events.push(...result.events);
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
  // ERP cancellations happen: the last planned order is called off.
  const cancelled = orders.findLast((order) => order.status === "PLANNED");
  if (cancelled) cancelled.status = "CANCELLED";
  // Stored in event-time order, as a live feed would have delivered them.
  events.sort((a, b) => a.eventTime.getTime() - b.eventTime.getTime());
  return { events, orders };
}

function requireId(ids: ReadonlyMap<string, string>, workCenter: WorkCenterDefinition): string {
  const id = ids.get(workCenter.code);
  if (!id) throw new Error(`Work center ${workCenter.code} was not created`);
  return id;
}
