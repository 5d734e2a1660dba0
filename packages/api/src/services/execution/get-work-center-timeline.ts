import type { Tx } from "@gemba/db/tenant-scope";
import { MS_PER_DAY } from "@gemba/domain/calendar/zoned-time";
import { AppError } from "@gemba/domain/errors";
import { z } from "zod";
import { describeRangeProblem, MAX_TIMELINE_DAYS, withRangeCheck, ZInstantRange } from "./execution-inputs";
import { countsPerHour, localHourStartOf, type THourlyCount } from "./hourly-counts";
import { LONGEST_STORED_INTERVAL_MS } from "./longest-stored-interval";
import { mergeTimelinePieces, type TTimelinePiece } from "./merge-timeline-pieces";

export const ZWorkCenterTimelineInput = withRangeCheck(
  z.object({ workCenterId: z.uuid(), ...ZInstantRange.shape }),
  "instants",
  MAX_TIMELINE_DAYS,
);
export type TWorkCenterTimelineInput = z.infer<typeof ZWorkCenterTimelineInput>;

export type TTimelineInterval = TTimelinePiece & { reasonLabel: string | null };

export type TTimelineOrder = {
  id: string;
  externalId: string;
  status: string;
  quantity: number;
  startedAt: Date | null;
  completedAt: Date | null;
  dueAt: Date;
  product: { sku: string; name: string; idealCycleTimeSeconds: number };
};

export type TWorkCenterTimeline = {
  workCenter: { id: string; code: string; name: string; lineName: string; timeZone: string };
  from: Date;
  to: Date;
  intervals: TTimelineInterval[];
  hours: THourlyCount[];
  orders: TTimelineOrder[];
};

/**
 * One work center over [from, to) (default: the last 24 hours): its state intervals, counts per
 * local hour against the ideal-rate target, and the orders that ran. Reads the intervals, the
 * buckets and the orders of that one work center by their primary-key ranges: a day is ~100 rows.
 */
export async function getWorkCenterTimeline(
  tx: Tx,
  input: TWorkCenterTimelineInput,
  now = Date.now(),
): Promise<TWorkCenterTimeline> {
  const to = input.to ? Date.parse(input.to) : now;
  const from = input.from ? Date.parse(input.from) : to - MS_PER_DAY;
  const problem = describeRangeProblem(from, to, MAX_TIMELINE_DAYS);
  if (problem) throw new AppError("BAD_REQUEST", problem);

  const workCenter = await tx.workCenter.findFirst({
    where: { id: input.workCenterId },
    select: {
      id: true,
      code: true,
      name: true,
      line: { select: { name: true, area: { select: { site: { select: { timeZone: true } } } } } },
    },
  });
  if (!workCenter) throw new AppError("NOT_FOUND", "This work center does not exist in your plant.");
  const timeZone = workCenter.line.area.site.timeZone;
  const fromDate = new Date(from);
  const toDate = new Date(to);

  const pieces = await tx.stateInterval.findMany({
    where: {
      workCenterId: workCenter.id,
      start: { lt: toDate, gte: new Date(from - LONGEST_STORED_INTERVAL_MS) },
      end: { gt: fromDate },
    },
    orderBy: { start: "asc" },
    select: {
      start: true,
      end: true,
      state: true,
      reasonCode: true,
      scheduled: true,
      unclassified: true,
      microStop: true,
      lossCategory: true,
      stopStart: true,
    },
  });
  const buckets = await tx.workCenterBucket.findMany({
    // From the start of the first hour shown, so every hour row sums whole hours.
    where: {
      workCenterId: workCenter.id,
      bucketStart: { gte: new Date(localHourStartOf(from, timeZone)), lt: toDate },
    },
    orderBy: { bucketStart: "asc" },
    select: { bucketStart: true, plannedMs: true, totalCount: true, goodCount: true, unscheduledCount: true },
  });
  const orders = await tx.productionOrder.findMany({
    where: {
      workCenterId: workCenter.id,
      startedAt: { lt: toDate },
      OR: [{ completedAt: null }, { completedAt: { gt: fromDate } }],
    },
    orderBy: { startedAt: "asc" },
    select: {
      id: true,
      externalId: true,
      status: true,
      quantity: true,
      startedAt: true,
      completedAt: true,
      dueAt: true,
      product: { select: { sku: true, name: true, idealCycleTimeSeconds: true } },
    },
  });

  const intervals = mergeTimelinePieces(pieces, fromDate, toDate);
  const labels = await reasonLabels(tx, intervals);
  return {
    workCenter: {
      id: workCenter.id,
      code: workCenter.code,
      name: workCenter.name,
      lineName: workCenter.line.name,
      timeZone,
    },
    from: fromDate,
    to: toDate,
    intervals: intervals.map((interval) => ({
      ...interval,
      reasonLabel: interval.reasonCode ? (labels.get(interval.reasonCode) ?? interval.reasonCode) : null,
    })),
    hours: countsPerHour({
      buckets,
      runs: orders.map((order) => ({
        start: order.startedAt?.getTime() ?? Number.POSITIVE_INFINITY,
        end: order.completedAt?.getTime() ?? Number.POSITIVE_INFINITY,
        idealCycleTimeSeconds: order.product.idealCycleTimeSeconds,
      })),
      from,
      to,
      timeZone,
    }),
    orders,
  };
}

async function reasonLabels(tx: Tx, intervals: readonly TTimelinePiece[]): Promise<Map<string, string>> {
  const codes = [...new Set(intervals.flatMap((interval) => (interval.reasonCode ? [interval.reasonCode] : [])))];
  if (codes.length === 0) return new Map();
  const reasons = await tx.reasonCode.findMany({ where: { code: { in: codes } }, select: { code: true, label: true } });
  return new Map(reasons.map((reason) => [reason.code, reason.label]));
}
