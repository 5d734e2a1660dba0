import type { Tx } from "@gemba/db/tenant-scope";
import { MS_PER_HOUR } from "@gemba/domain/calendar/zoned-time";
import { AppError } from "@gemba/domain/errors";
import type { TCalendarSegmentKind } from "@gemba/domain/execution/calendar-timeline";
import { countsPerHour, localHourStartOf } from "../execution/hourly-counts";
import { loadCalendarInTx } from "../execution/load-calendar-in-tx";
import { loadLiveStates, type TLiveState } from "../execution/load-live-states";
import { sumOrderProduction } from "../execution/order-production";
import { findLastAndon, type TAndonCall } from "./andon-calls";
import { listStopsAwaitingReason, type TFloorStop } from "./work-center-stops";

export type TFloorOrder = {
  id: string;
  externalId: string;
  quantity: number;
  /** Good units counted while the order ran, and all units (scrap and unplanned time included). */
  producedGood: number;
  producedTotal: number;
  /** producedGood / quantity, not capped. */
  progress: number;
  dueAt: Date;
  product: { sku: string; name: string; idealCycleTimeSeconds: number };
};

export type TFloorHour = {
  hourStart: Date;
  hourEnd: Date;
  /** Planned production minutes of the hour so far. */
  plannedMinutes: number;
  /** Units the planned time so far allows at the ideal cycle; null when no order with a cycle time ran. */
  targetCount: number | null;
  /** Units counted in planned time so far, and of those the good ones. */
  totalCount: number;
  goodCount: number;
  /** Made outside planned time (through a break): shown, not held against the target. */
  unscheduledCount: number;
  /** The current order's ideal rate, units per hour. */
  idealPerHour: number | null;
};

export type TFloorWorkCenter = {
  now: Date;
  workCenter: {
    id: string;
    code: string;
    name: string;
    line: { id: string; name: string };
    site: { id: string; name: string };
    timeZone: string;
  };
  shift: { name: string; start: Date; end: Date } | null;
  /** What the site's calendar has now: PRODUCTION also without shifts (no calendar: around the clock). */
  calendarNow: TCalendarSegmentKind;
  /** Null until the worker has derived a timeline for the work center. */
  live: TLiveState | null;
  currentOrder: TFloorOrder | null;
  thisHour: TFloorHour;
  stops: TFloorStop[];
  lastAndon: TAndonCall | null;
};

/**
 * Everything the operator's tablet shows for one work center: state and since when, the order on
 * it with its progress, this hour's count against the ideal-rate target, the stops that wait for a
 * reason, and the latest andon call. Reads derived rows only (intervals, buckets), never raw events
 * beyond the andon lookup.
 */
export async function getFloorWorkCenter(tx: Tx, workCenterId: string, now = Date.now()): Promise<TFloorWorkCenter> {
  const workCenter = await tx.workCenter.findFirst({
    where: { id: workCenterId },
    select: {
      id: true,
      code: true,
      name: true,
      line: {
        select: {
          id: true,
          name: true,
          area: { select: { site: { select: { id: true, name: true, timeZone: true } } } },
        },
      },
    },
  });
  if (!workCenter) throw new AppError("NOT_FOUND", "This work center does not exist in your plant. Pick it again.");
  const site = workCenter.line.area.site;

  const live = (await loadLiveStates(tx, [workCenter.id])).get(workCenter.id) ?? null;
  const [segment] = await loadCalendarInTx(tx, { siteId: site.id, timeZone: site.timeZone }, now, now + 1);
  const currentOrder = await loadCurrentOrder(tx, workCenter.id, now);
  const thisHour = await loadThisHour(tx, workCenter.id, site.timeZone, currentOrder, now);
  const stops = await listStopsAwaitingReason(tx, workCenter.id, now);
  const lastAndon = await findLastAndon(tx, workCenter.id, now);

  return {
    now: new Date(now),
    workCenter: {
      id: workCenter.id,
      code: workCenter.code,
      name: workCenter.name,
      line: { id: workCenter.line.id, name: workCenter.line.name },
      site: { id: site.id, name: site.name },
      timeZone: site.timeZone,
    },
    shift: segment?.shift
      ? { name: segment.shift.name, start: new Date(segment.shift.start), end: new Date(segment.shift.end) }
      : null,
    calendarNow: segment?.kind ?? "PRODUCTION",
    live,
    currentOrder,
    thisHour,
    stops,
    lastAndon,
  };
}

/** The order in progress on the work center (the latest started, if the ERP left several open). */
async function loadCurrentOrder(tx: Tx, workCenterId: string, now: number): Promise<TFloorOrder | null> {
  const order = await tx.productionOrder.findFirst({
    where: { workCenterId, status: "IN_PROGRESS" },
    orderBy: { startedAt: { sort: "desc", nulls: "last" } },
    select: {
      id: true,
      externalId: true,
      quantity: true,
      dueAt: true,
      startedAt: true,
      product: { select: { sku: true, name: true, idealCycleTimeSeconds: true } },
    },
  });
  if (!order) return null;
  const produced = order.startedAt
    ? (
        await sumOrderProduction(
          tx,
          [{ orderId: order.id, workCenterId, startedAt: order.startedAt, completedAt: null }],
          now,
        )
      ).get(order.id)
    : undefined;
  const producedGood = produced?.good ?? 0;
  return {
    id: order.id,
    externalId: order.externalId,
    quantity: order.quantity,
    producedGood,
    producedTotal: produced?.total ?? 0,
    progress: order.quantity > 0 ? producedGood / order.quantity : 0,
    dueAt: order.dueAt,
    product: order.product,
  };
}

/**
 * The current local hour up to now. The target follows the order that ran in each 15-minute
 * bucket (an order change mid-hour changes the pace), as on the dashboard's hourly chart.
 */
async function loadThisHour(
  tx: Tx,
  workCenterId: string,
  timeZone: string,
  currentOrder: TFloorOrder | null,
  now: number,
): Promise<TFloorHour> {
  const hourStart = localHourStartOf(now, timeZone);
  const buckets = await tx.workCenterBucket.findMany({
    where: { workCenterId, bucketStart: { gte: new Date(hourStart), lt: new Date(now) } },
    orderBy: { bucketStart: "asc" },
    select: { bucketStart: true, plannedMs: true, totalCount: true, goodCount: true, unscheduledCount: true },
  });
  const orders = await tx.productionOrder.findMany({
    where: {
      workCenterId,
      startedAt: { lt: new Date(now) },
      OR: [{ completedAt: null }, { completedAt: { gt: new Date(hourStart) } }],
    },
    select: { startedAt: true, completedAt: true, product: { select: { idealCycleTimeSeconds: true } } },
  });
  const [hour] = countsPerHour({
    buckets,
    runs: orders.map((order) => ({
      start: order.startedAt?.getTime() ?? Number.POSITIVE_INFINITY,
      end: order.completedAt?.getTime() ?? Number.POSITIVE_INFINITY,
      idealCycleTimeSeconds: order.product.idealCycleTimeSeconds,
    })),
    from: hourStart,
    to: now,
    timeZone,
  });
  const cycle = currentOrder?.product.idealCycleTimeSeconds ?? 0;
  return {
    hourStart: new Date(hourStart),
    hourEnd: new Date(hourStart + MS_PER_HOUR),
    plannedMinutes: hour?.plannedMinutes ?? 0,
    targetCount: hour ? hour.targetCount : null,
    totalCount: hour?.totalCount ?? 0,
    goodCount: hour?.goodCount ?? 0,
    unscheduledCount: hour?.unscheduledCount ?? 0,
    idealPerHour: cycle > 0 ? MS_PER_HOUR / 1000 / cycle : null,
  };
}
