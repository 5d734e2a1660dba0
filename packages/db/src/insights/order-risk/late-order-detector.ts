import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from "@gemba/domain/calendar/zoned-time";
import { plannedProductionMs, type TCalendarSegment } from "@gemba/domain/execution/calendar-timeline";
import { buildLateOrderDraft } from "@gemba/domain/insights/drafts/late-order-drafts";
import type { TInsightDraft } from "@gemba/domain/insights/insight";
import { assessLateOrderRisk } from "@gemba/domain/insights/order-risk/late-order-risk";
import { loadCalendarInTx } from "../../execution/load-calendar-in-tx";
import { sumOrderProduction, type TOrderSpan } from "../../execution/order-production";
import type { TInsightDetector } from "../detector";
import { loadOrderRates } from "./load-order-rates";

const OPEN_STATUSES = ["PLANNED", "RELEASED", "IN_PROGRESS"] as const;
/** How far ahead a finish is looked for (as the orders page does). */
const HORIZON_MS = 92 * MS_PER_DAY;

/**
 * Late-order risk for every open order: running ones are projected from the spread of their own
 * recent quarter hours through the site's planned time (assessLateOrderRisk); orders not started
 * have no pace of their own and are only flagged once their due date has passed, as the orders page does.
 */
export const lateOrderDetector: TInsightDetector = {
  kind: "LATE_ORDER",
  name: "Late-order risk from recent rates and planned time",
  everyMs: 15 * MS_PER_MINUTE,
  eventDriven: true,
  async detect(tx, run) {
    const { now } = run;
    const orders = await tx.productionOrder.findMany({
      where: {
        status: { in: [...OPEN_STATUSES] },
        ...(run.workCenterIds === null ? {} : { workCenterId: { in: [...run.workCenterIds] } }),
      },
      orderBy: [{ dueAt: "asc" }, { externalId: "asc" }],
      select: {
        id: true,
        externalId: true,
        quantity: true,
        dueAt: true,
        startedAt: true,
        product: { select: { name: true } },
        workCenter: {
          select: {
            id: true,
            code: true,
            lineId: true,
            line: { select: { area: { select: { site: { select: { id: true, timeZone: true } } } } } },
          },
        },
      },
    });
    const spans: TOrderSpan[] = orders.flatMap((order) =>
      order.startedAt && order.workCenter
        ? [{ orderId: order.id, workCenterId: order.workCenter.id, startedAt: order.startedAt, completedAt: null }]
        : [],
    );
    const produced = await sumOrderProduction(tx, spans, now);
    const rates = await loadOrderRates(tx, spans, now);
    const calendars = new Map<string, TCalendarSegment[]>();
    const drafts: TInsightDraft[] = [];
    for (const order of orders) {
      const site = order.workCenter?.line.area.site;
      if (site && !calendars.has(site.id)) {
        calendars.set(
          site.id,
          await loadCalendarInTx(tx, { siteId: site.id, timeZone: site.timeZone }, now, now + HORIZON_MS),
        );
      }
      const calendar = site ? calendars.get(site.id) : undefined;
      // Without a work center there is no calendar to plan in: any time counts.
      const plannedAhead = (from: number, to: number) =>
        calendar ? plannedProductionMs(calendar, from, to) : Math.max(0, to - from);
      const made = produced.get(order.id)?.good ?? 0;
      const orderRates = rates.get(order.id);
      const dueAt = order.dueAt.getTime();
      const timeZone = site?.timeZone ?? "UTC";
      const risk = assessLateOrderRisk({
        orderLabel: `Order ${order.externalId}`,
        remaining: Math.max(0, order.quantity - made),
        now,
        dueAt,
        rateSamplesPerHour: order.startedAt ? (orderRates?.samplesPerHour ?? []) : [],
        plannedProductionMsAhead: plannedAhead,
        horizonMs: HORIZON_MS,
        timeZone,
      });
      const draft = buildLateOrderDraft({
        order: {
          id: order.id,
          externalId: order.externalId,
          quantity: order.quantity,
          produced: made,
          dueAt,
          startedAt: order.startedAt?.getTime() ?? null,
          productName: order.product.name,
          workCenter: order.workCenter && {
            id: order.workCenter.id,
            code: order.workCenter.code,
            lineId: order.workCenter.lineId,
          },
        },
        risk,
        progress: orderRates?.progress ?? [],
        plannedHoursToDue: dueAt > now ? plannedAhead(now, dueAt) / MS_PER_HOUR : 0,
        now,
        timeZone,
      });
      if (draft) drafts.push(draft);
    }
    return drafts;
  },
};
