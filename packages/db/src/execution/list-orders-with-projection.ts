import { MS_PER_DAY } from "@gemba/domain/calendar/zoned-time";
import { plannedProductionMs, type TCalendarSegment } from "@gemba/domain/execution/calendar-timeline";
import { projectOrderCompletion, type TOrderProjectionStatus } from "@gemba/domain/execution/order-projection";
import { z } from "zod";
import type { Tx } from "../tenant-scope";
import { loadCalendarInTx } from "./load-calendar-in-tx";
import { recentGoodRatePerHour, sumOrderProduction, type TOrderSpan } from "./order-production";

export const ZOrdersInput = z.object({
  status: z.enum(["open", "all"]).default("open"),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type TOrdersInput = z.infer<typeof ZOrdersInput>;

const OPEN_STATUSES = ["PLANNED", "RELEASED", "IN_PROGRESS"] as const;
/** How far ahead a finish is looked for; the calendar is read that far. */
const PROJECTION_HORIZON_MS = 92 * MS_PER_DAY;

export type TOrderRow = {
  id: string;
  externalId: string;
  status: string;
  quantity: number;
  /** Good units counted on the order's work center since it started (see sumOrderProduction). */
  producedGood: number;
  producedTotal: number;
  /** producedGood / quantity, not capped. */
  progress: number;
  dueAt: Date;
  plannedStart: Date | null;
  startedAt: Date | null;
  completedAt: Date | null;
  product: { sku: string; name: string };
  workCenter: { id: string; code: string; name: string } | null;
  /** Good units per planned hour over the running order's last 2 h of planned time. */
  recentRatePerHour: number | null;
  /** For orders not completed or cancelled. */
  projection: {
    status: TOrderProjectionStatus;
    projectedFinish: Date | null;
    earliestFinish: Date | null;
    latestFinish: Date | null;
    reason: string;
  } | null;
  atRisk: boolean;
  /** Open and past (or bound to miss) its due date, or completed after it. */
  late: boolean;
};

/**
 * Production orders with what has been made and when each open one will
 * finish at its work center's recent pace through the site calendar's planned time. Orders not
 * started yet have no pace of their own: they are only flagged late once their due date passes.
 */
export async function listOrdersWithProjection(tx: Tx, input: TOrdersInput, now = Date.now()): Promise<TOrderRow[]> {
  const orders = await tx.productionOrder.findMany({
    where: input.status === "open" ? { status: { in: [...OPEN_STATUSES] } } : {},
    // Open: soonest due first. All: latest due first, so the limit keeps the recent ones.
    orderBy:
      input.status === "open" ? [{ dueAt: "asc" }, { externalId: "asc" }] : [{ dueAt: "desc" }, { externalId: "desc" }],
    take: input.limit,
    select: {
      id: true,
      externalId: true,
      status: true,
      quantity: true,
      dueAt: true,
      plannedStart: true,
      startedAt: true,
      completedAt: true,
      product: { select: { sku: true, name: true } },
      workCenter: {
        select: {
          id: true,
          code: true,
          name: true,
          line: { select: { area: { select: { site: { select: { id: true, timeZone: true } } } } } },
        },
      },
    },
  });

  const spans: TOrderSpan[] = orders.flatMap((order) =>
    order.startedAt && order.workCenter
      ? [
          {
            orderId: order.id,
            workCenterId: order.workCenter.id,
            startedAt: order.startedAt,
            completedAt: order.completedAt,
          },
        ]
      : [],
  );
  const produced = await sumOrderProduction(tx, spans, now);
  const running = spans.filter((span) => span.completedAt === null);
  const rates = await recentGoodRatePerHour(tx, running, now);
  const calendars = await loadCalendarsAhead(tx, orders, now);

  return orders.map((order) => {
    const made = produced.get(order.id) ?? { good: 0, total: 0 };
    const recentRatePerHour = rates.get(order.id) ?? null;
    const open = (OPEN_STATUSES as readonly string[]).includes(order.status);
    const site = order.workCenter?.line.area.site;
    const calendar = site ? calendars.get(site.id) : undefined;
    const projection = open
      ? projectOrderCompletion({
          quantity: order.quantity,
          produced: made.good,
          now,
          dueAt: order.dueAt.getTime(),
          recentRatePerHour,
          // Without a work center there is no calendar to plan in: any time counts.
          plannedProductionMsAhead: (from, to) => (calendar ? plannedProductionMs(calendar, from, to) : to - from),
          horizonMs: PROJECTION_HORIZON_MS,
        })
      : null;
    const toDate = (time: number | null) => (time === null ? null : new Date(time));
    return {
      id: order.id,
      externalId: order.externalId,
      status: order.status,
      quantity: order.quantity,
      producedGood: made.good,
      producedTotal: made.total,
      progress: order.quantity > 0 ? made.good / order.quantity : 0,
      dueAt: order.dueAt,
      plannedStart: order.plannedStart,
      startedAt: order.startedAt,
      completedAt: order.completedAt,
      product: order.product,
      workCenter: order.workCenter
        ? { id: order.workCenter.id, code: order.workCenter.code, name: order.workCenter.name }
        : null,
      recentRatePerHour,
      projection: projection && {
        status: projection.status,
        projectedFinish: toDate(projection.projectedFinish),
        earliestFinish: toDate(projection.earliest),
        latestFinish: toDate(projection.latest),
        reason: projection.reason,
      },
      atRisk: projection?.status === "AT_RISK",
      late: projection
        ? projection.status === "LATE"
        : order.completedAt !== null && order.completedAt.getTime() > order.dueAt.getTime(),
    };
  });
}

/** The planned time ahead of every site with an open order, read once per site. */
async function loadCalendarsAhead(
  tx: Tx,
  orders: readonly {
    status: string;
    workCenter: { line: { area: { site: { id: string; timeZone: string } } } } | null;
  }[],
  now: number,
): Promise<Map<string, TCalendarSegment[]>> {
  const sites = new Map<string, { siteId: string; timeZone: string }>();
  for (const order of orders) {
    const site = order.workCenter?.line.area.site;
    if (site && (OPEN_STATUSES as readonly string[]).includes(order.status)) {
      sites.set(site.id, { siteId: site.id, timeZone: site.timeZone });
    }
  }
  const calendars = new Map<string, TCalendarSegment[]>();
  for (const site of sites.values()) {
    calendars.set(site.siteId, await loadCalendarInTx(tx, site, now, now + PROJECTION_HORIZON_MS));
  }
  return calendars;
}
