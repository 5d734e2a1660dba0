/**
 * Stops and planned time with the attributes the recurring-downtime detector compares: shift,
 * product, weekday, hour, right after a changeover. Pure: the detector loads the rows and hands
 * them over, so this is tested without a database.
 */
import { MS_PER_MINUTE, utcToZoned } from "@gemba/domain/calendar/zoned-time";
import type { TDowntimeStop, TPlannedExposure } from "@gemba/domain/insights/patterns/recurring-downtime";

/** A stop within this long after an order started (the changeover finished) counts as "after a changeover". */
export const AFTER_CHANGEOVER_MS = 60 * MS_PER_MINUTE;
// Every time zone's offset is a multiple of 15 minutes, so cutting at UTC quarter hours also cuts at local hours.
const QUARTER_HOUR_MS = 15 * MS_PER_MINUTE;

export type TScheduledPiece = { start: number; end: number; shiftKey: string | null };
export type TStopPiece = {
  start: number;
  end: number;
  stopStart: number;
  reasonCode: string | null;
  shiftKey: string | null;
};
/** When each order ran on the work center; `end` null while it still runs. */
export type TOrderRun = { productId: string; start: number; end: number | null };

export function shiftNameOf(shiftKey: string | null): string | null {
  if (shiftKey === null) return null;
  const bar = shiftKey.indexOf("|");
  return bar < 0 ? shiftKey : shiftKey.slice(bar + 1);
}

function orderAt(orders: readonly TOrderRun[], time: number): TOrderRun | null {
  let found: TOrderRun | null = null;
  for (const order of orders) {
    if (order.start > time) break;
    if (order.end === null || order.end > time) found = order;
  }
  return found;
}

function afterChangeover(orders: readonly TOrderRun[], time: number): boolean {
  return orders.some((order) => order.start <= time && time < order.start + AFTER_CHANGEOVER_MS);
}

/** Pieces of one stop (cut by breaks or shift changes) folded into one stop, dated by its start. */
export function buildDowntimeStops(
  workCenterId: string,
  pieces: readonly TStopPiece[],
  orders: readonly TOrderRun[],
  timeZone: string,
): TDowntimeStop[] {
  const byStart = new Map<number, TStopPiece & { end: number }>();
  for (const piece of pieces) {
    const seen = byStart.get(piece.stopStart);
    if (seen) seen.end = Math.max(seen.end, piece.end);
    else byStart.set(piece.stopStart, { ...piece });
  }
  return [...byStart.values()]
    .sort((a, b) => a.stopStart - b.stopStart)
    .map((stop) => {
      const local = utcToZoned(stop.stopStart, timeZone);
      return {
        workCenterId,
        start: stop.stopStart,
        end: stop.end,
        reasonCode: stop.reasonCode,
        shiftName: shiftNameOf(stop.shiftKey),
        productId: orderAt(orders, stop.stopStart)?.productId ?? null,
        weekday: local.isoWeekday,
        hour: Math.floor(local.minuteOfDay / 60),
        afterChangeover: afterChangeover(orders, stop.stopStart),
      };
    });
}

/** Planned milliseconds per shift, product, weekday, hour and changeover window. */
export function buildPlannedExposure(
  pieces: readonly TScheduledPiece[],
  orders: readonly TOrderRun[],
  timeZone: string,
): TPlannedExposure {
  const exposure = { shift: {}, product: {}, weekday: {}, hour: {}, afterChangeover: {} } satisfies TPlannedExposure;
  const add = (table: Record<string, number>, key: string | null, ms: number) => {
    if (key !== null) table[key] = (table[key] ?? 0) + ms;
  };
  const orderEdges = orders.flatMap((order) => [
    order.start,
    order.start + AFTER_CHANGEOVER_MS,
    order.end ?? order.start,
  ]);
  for (const piece of pieces) {
    const edges = new Set<number>([piece.start, piece.end]);
    for (
      let edge = Math.ceil(piece.start / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
      edge < piece.end;
      edge += QUARTER_HOUR_MS
    )
      edges.add(edge);
    for (const edge of orderEdges) if (edge > piece.start && edge < piece.end) edges.add(edge);
    const sorted = [...edges].sort((a, b) => a - b);
    for (let i = 0; i + 1 < sorted.length; i++) {
      const start = sorted[i] as number;
      const ms = (sorted[i + 1] as number) - start;
      const local = utcToZoned(start, timeZone);
      add(exposure.shift, shiftNameOf(piece.shiftKey), ms);
      add(exposure.product, orderAt(orders, start)?.productId ?? null, ms);
      add(exposure.weekday, String(local.isoWeekday), ms);
      add(exposure.hour, String(Math.floor(local.minuteOfDay / 60)), ms);
      add(exposure.afterChangeover, afterChangeover(orders, start) ? "yes" : "no", ms);
    }
  }
  return exposure;
}
