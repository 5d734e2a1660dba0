import type { ShiftInstance } from "@gemba/domain/calendar/expand-shifts";
import { addWorkingMinutes } from "@gemba/domain/calendar/working-time";
import { MS_PER_HOUR, MS_PER_MINUTE } from "@gemba/domain/calendar/zoned-time";
import type { Random } from "@gemba/domain/simulation/random";
import type { SimulatedOrder, SimulatedOrderOutcome } from "@gemba/domain/simulation/work-center-profile";
import type { OrderStatus } from "../generated/prisma/enums";

// How fast the planner assumes machines really run compared with ideal speed (a typical OEE).
const PLANNING_EFFICIENCY = 0.7;
// Working minutes of one shift (8 h less breaks), the unit orders are sized in.
const SHIFT_WORK_MINUTES = 435;

export type PlannedOrder = SimulatedOrder & { workCenterCode: string; productSku: string };

type OrderDraft = Omit<PlannedOrder, "externalId"> & { plannedOffsetMinutes: number };

export type PlanOrdersInput = {
  workCenters: ReadonlyArray<{ code: string; productSkus: readonly string[]; changeoverMinutes: number }>;
  idealCycleBySku: ReadonlyMap<string, number>;
  /** Working minutes each work center's sequence should at least fill. */
  minutesToFill: number;
  firstOrderNumber: number;
  /** One stream per work center, so its sequence does not depend on how long the others' are. */
  randomFor: (workCenterCode: string) => Random;
};

/**
 * An ERP-like order book: per work center a sequence of orders of 0.6–2.2 shifts each, rotating
 * through its products. Orders are numbered across the plant in the order they were planned.
 */
export function planOrders(input: PlanOrdersInput): Map<string, PlannedOrder[]> {
  const drafts: OrderDraft[] = [];
  for (const workCenter of input.workCenters) {
    const random = input.randomFor(workCenter.code);
    let offset = 0;
    let previousSku = "";
    while (offset < input.minutesToFill) {
      const candidates = workCenter.productSkus.filter((sku) => sku !== previousSku);
      const productSku = candidates[random.integer(0, candidates.length - 1)] ?? previousSku;
      const idealCycleTimeSeconds = input.idealCycleBySku.get(productSku);
      if (idealCycleTimeSeconds === undefined) throw new Error(`Unknown product ${productSku} on ${workCenter.code}`);
      const targetMinutes = random.between(0.6, 2.2) * SHIFT_WORK_MINUTES;
      const quantity = roundQuantity((targetMinutes * 60 * PLANNING_EFFICIENCY) / idealCycleTimeSeconds);
      drafts.push({
        workCenterCode: workCenter.code,
        productSku,
        idealCycleTimeSeconds,
        quantity,
        plannedOffsetMinutes: offset,
      });
      offset += estimateMinutes(quantity, idealCycleTimeSeconds) + workCenter.changeoverMinutes;
      previousSku = productSku;
    }
  }
  drafts.sort(
    (a, b) => a.plannedOffsetMinutes - b.plannedOffsetMinutes || a.workCenterCode.localeCompare(b.workCenterCode),
  );

  const sequences = new Map<string, PlannedOrder[]>();
  for (const [index, { plannedOffsetMinutes: _offset, ...draft }] of drafts.entries()) {
    const sequence = sequences.get(draft.workCenterCode) ?? [];
    sequence.push({ ...draft, externalId: String(input.firstOrderNumber + index) });
    sequences.set(draft.workCenterCode, sequence);
  }
  return sequences;
}

export type OrderRecord = {
  externalId: string;
  workCenterCode: string;
  productSku: string;
  quantity: number;
  status: OrderStatus;
  plannedStart: Date | null;
  dueAt: Date;
  releasedAt: Date | null;
  startedAt: Date | null;
  completedAt: Date | null;
};

export type ScheduleOrdersInput = {
  orders: readonly PlannedOrder[];
  /** The simulator's outcome of each order, same sequence. */
  outcomes: readonly SimulatedOrderOutcome[];
  changeoverMinutes: number;
  now: Date;
  /** Shift instances from `now` on, to place the remaining orders in working time. */
  futureShifts: readonly ShiftInstance[];
  /** Orders not started yet to keep: the first two are released, the rest planned. */
  upcomingOrders: number;
  random: Random;
};

/**
 * Turns a work center's simulated orders into ERP rows: completed ones with their real start and
 * finish, the running one in progress, and the next few released or planned with due dates
 * from a working-time estimate, some of them tight.
 */
export function scheduleOrders(input: ScheduleOrdersInput): OrderRecord[] {
  const { random, now } = input;
  const records: OrderRecord[] = [];
  let cursor = now;
  let upcoming = 0;
  const addWork = (from: Date, minutes: number) =>
    addWorkingMinutes(input.futureShifts, from, minutes) ?? new Date(from.getTime() + 3 * minutes * MS_PER_MINUTE);
  for (const [index, order] of input.orders.entries()) {
    const outcome = input.outcomes[index];
    const base = {
      externalId: order.externalId,
      workCenterCode: order.workCenterCode,
      productSku: order.productSku,
      quantity: order.quantity,
    };
    if (outcome?.startedAt && outcome.completedAt) {
      records.push({
        ...base,
        status: "COMPLETED",
        plannedStart: roundToQuarterHour(outcome.startedAt.getTime() + random.between(-2, 1) * MS_PER_HOUR),
        releasedAt: roundToQuarterHour(outcome.startedAt.getTime() - random.between(6, 72) * MS_PER_HOUR),
        startedAt: outcome.startedAt,
        completedAt: outcome.completedAt,
        // About one in five finished after its due date.
        dueAt: ceilToHour(outcome.completedAt.getTime() + random.between(-10, 40) * MS_PER_HOUR),
      });
    } else if (outcome?.startedAt) {
      const remaining = Math.max(0, order.quantity - outcome.goodProduced);
      cursor = addWork(now, estimateMinutes(remaining, order.idealCycleTimeSeconds));
      records.push({
        ...base,
        status: "IN_PROGRESS",
        plannedStart: roundToQuarterHour(outcome.startedAt.getTime()),
        releasedAt: roundToQuarterHour(outcome.startedAt.getTime() - random.between(6, 72) * MS_PER_HOUR),
        startedAt: outcome.startedAt,
        completedAt: null,
        dueAt: ceilToHour(cursor.getTime() + random.between(-3, 16) * MS_PER_HOUR),
      });
    } else {
      if (upcoming >= input.upcomingOrders) break;
      const released = upcoming < 2;
      upcoming += 1;
      const start = addWork(cursor, input.changeoverMinutes);
      cursor = addWork(start, estimateMinutes(order.quantity, order.idealCycleTimeSeconds));
      const slackHours = released ? random.between(-4, 20) : random.between(8, 48);
      records.push({
        ...base,
        status: released ? "RELEASED" : "PLANNED",
        plannedStart: roundToQuarterHour(start.getTime()),
        releasedAt: released ? roundToQuarterHour(now.getTime() - random.between(2, 30) * MS_PER_HOUR) : null,
        startedAt: null,
        completedAt: null,
        dueAt: ceilToHour(cursor.getTime() + slackHours * MS_PER_HOUR),
      });
    }
  }
  return records;
}

function estimateMinutes(quantity: number, idealCycleTimeSeconds: number): number {
  return (quantity * idealCycleTimeSeconds) / 60 / PLANNING_EFFICIENCY;
}

/** ERP quantities are round numbers: 10s for slow parts, 50s and 500s for fast ones. */
function roundQuantity(raw: number): number {
  const step = raw >= 2_000 ? 500 : raw >= 200 ? 50 : 10;
  return Math.max(step, Math.round(raw / step) * step);
}

function ceilToHour(ms: number): Date {
  return new Date(Math.ceil(ms / MS_PER_HOUR) * MS_PER_HOUR);
}

function roundToQuarterHour(ms: number): Date {
  const quarter = 15 * MS_PER_MINUTE;
  return new Date(Math.round(ms / quarter) * quarter);
}
