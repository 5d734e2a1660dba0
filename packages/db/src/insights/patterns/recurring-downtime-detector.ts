import { MS_PER_DAY, MS_PER_HOUR } from "@gemba/domain/calendar/zoned-time";
import { buildPatternDraft } from "@gemba/domain/insights/drafts/pattern-drafts";
import type { TInsightDraft } from "@gemba/domain/insights/insight";
import { findRecurringDowntime } from "@gemba/domain/insights/patterns/recurring-downtime";
import type { Tx } from "../../tenant-scope";
import { LONGEST_STORED_INTERVAL_MS } from "../bottleneck/load-line-timelines";
import type { TInsightDetector } from "../detector";
import { buildDowntimeStops, buildPlannedExposure } from "./downtime-exposure";

/** Four weeks: every weekday four times, enough stops for a shift pattern to stand out. */
export const PATTERN_WINDOW_MS = 28 * MS_PER_DAY;
/** The strongest few per work center: a list of twenty patterns is read by nobody. */
export const MAX_PATTERNS_PER_WORK_CENTER = 3;

export const recurringDowntimeDetector: TInsightDetector = {
  kind: "RECURRING_DOWNTIME",
  name: "Recurring downtime by shift, product, weekday, hour and after changeovers (last 4 weeks)",
  everyMs: 6 * MS_PER_HOUR,
  eventDriven: false,
  async detect(tx, run) {
    const window = { from: run.now - PATTERN_WINDOW_MS, to: run.now };
    const workCenters = await tx.workCenter.findMany({
      where: run.workCenterIds === null ? {} : { id: { in: [...run.workCenterIds] } },
      orderBy: { code: "asc" },
      select: {
        id: true,
        code: true,
        lineId: true,
        line: { select: { area: { select: { site: { select: { timeZone: true } } } } } },
      },
    });
    const reasons = new Map(
      (await tx.reasonCode.findMany({ select: { code: true, label: true } })).map((reason) => [
        reason.code,
        reason.label,
      ]),
    );
    const products = new Map(
      (await tx.product.findMany({ select: { id: true, name: true } })).map((product) => [product.id, product.name]),
    );
    const drafts: TInsightDraft[] = [];
    for (const workCenter of workCenters) {
      const timeZone = workCenter.line.area.site.timeZone;
      const { stops, exposure } = await loadStopsAndExposure(tx, workCenter.id, window, timeZone);
      const patterns = findRecurringDowntime(stops, exposure).slice(0, MAX_PATTERNS_PER_WORK_CENTER);
      for (const pattern of patterns) {
        drafts.push(
          buildPatternDraft({
            pattern,
            workCenter,
            labels: {
              reasonName: (code) => reasons.get(code) ?? code,
              productName: (id) => products.get(id) ?? "an unknown product",
            },
            stops,
            window,
          }),
        );
      }
    }
    return drafts;
  },
};

/**
 * Classified stops past the minor-stop threshold (micro-stops are a performance loss with their
 * own analysis) and the planned production time they happened in, with the orders that ran.
 */
async function loadStopsAndExposure(
  tx: Tx,
  workCenterId: string,
  window: { from: number; to: number },
  timeZone: string,
) {
  const rows = await tx.stateInterval.findMany({
    where: {
      workCenterId,
      start: { lt: new Date(window.to), gte: new Date(window.from - LONGEST_STORED_INTERVAL_MS) },
      end: { gt: new Date(window.from) },
      scheduled: true,
    },
    orderBy: { start: "asc" },
    select: { start: true, end: true, state: true, reasonCode: true, microStop: true, stopStart: true, shiftKey: true },
  });
  const clip = (row: (typeof rows)[number]) => ({
    start: Math.max(row.start.getTime(), window.from),
    end: Math.min(row.end.getTime(), window.to),
    shiftKey: row.shiftKey,
  });
  const stopPieces = rows
    .filter((row) => (row.state === "DOWN" || row.state === "IDLE") && !row.microStop && row.stopStart !== null)
    .map((row) => ({ ...clip(row), stopStart: row.stopStart?.getTime() ?? 0, reasonCode: row.reasonCode }))
    .filter((piece) => piece.stopStart >= window.from);
  const orders = (
    await tx.productionOrder.findMany({
      where: {
        workCenterId,
        startedAt: { not: null, lt: new Date(window.to) },
        OR: [{ completedAt: null }, { completedAt: { gt: new Date(window.from - MS_PER_DAY) } }],
      },
      orderBy: { startedAt: "asc" },
      select: { productId: true, startedAt: true, completedAt: true },
    })
  ).map((order) => ({
    productId: order.productId,
    start: order.startedAt?.getTime() ?? 0,
    end: order.completedAt?.getTime() ?? null,
  }));
  return {
    stops: buildDowntimeStops(workCenterId, stopPieces, orders, timeZone),
    exposure: buildPlannedExposure(
      rows.map(clip).filter((piece) => piece.end > piece.start),
      orders,
      timeZone,
    ),
  };
}
