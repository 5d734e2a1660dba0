import { MS_PER_DAY, MS_PER_HOUR } from "../calendar/zoned-time";

export type ProjectOrderCompletionInput = {
  /** Units the order asks for. */
  quantity: number;
  /** Units made so far (good units, if the order counts good ones). */
  produced: number;
  now: number;
  dueAt: number;
  /**
   * Units per hour over a recent window of planned production time (e.g. its last 2 h), so that
   * the stops of that window slow the projection as they would the future; null when unknown.
   */
  recentRatePerHour: number | null;
  /** Planned production time between two instants, from the calendar: nights and weekends add nothing. */
  plannedProductionMsAhead: (from: number, to: number) => number;
  /** Relative spread of the rate for the earliest/latest finish: 0.15 → rate ± 15 %. Default 0.15. */
  uncertainty?: number;
  /** How far ahead to look for enough planned time before giving up. Default 366 days. */
  horizonMs?: number;
};

export type TOrderProjectionStatus = "COMPLETE" | "ON_TIME" | "AT_RISK" | "LATE" | "CANNOT_PROJECT";

export type TOrderProjection = {
  status: TOrderProjectionStatus;
  /** Finish at the recent rate; null when it cannot be projected. */
  projectedFinish: number | null;
  /** Finish at the optimistic rate (rate × (1 + uncertainty)). */
  earliest: number | null;
  /** Finish at the pessimistic rate; null when that rate is 0 or the horizon runs out first. */
  latest: number | null;
  /** AT_RISK or LATE: the due date falls before the latest possible finish. */
  atRisk: boolean;
  remaining: number;
  /** One sentence for people; the status is what code should branch on. */
  reason: string;
};

const DEFAULT_UNCERTAINTY = 0.15;

/**
 * When will an order finish if the work center keeps its recent pace through planned production
 * time? LATE when even the earliest finish is after the due date, AT_RISK when the latest is,
 * ON_TIME otherwise. Due dates already passed with work left are LATE whatever the rate says.
 */
export function projectOrderCompletion(input: ProjectOrderCompletionInput): TOrderProjection {
  const { now, dueAt } = input;
  const remaining = Math.max(0, input.quantity - input.produced);
  const uncertainty = Math.max(0, input.uncertainty ?? DEFAULT_UNCERTAINTY);
  const horizonMs = input.horizonMs ?? 366 * MS_PER_DAY;
  const nothing = { projectedFinish: null, earliest: null, latest: null, remaining };

  if (remaining === 0) {
    return {
      ...nothing,
      status: "COMPLETE",
      projectedFinish: now,
      earliest: now,
      latest: now,
      atRisk: false,
      reason: "The order quantity has been produced.",
    };
  }
  const rate = input.recentRatePerHour;
  if (rate === null || !(rate > 0)) {
    const late = dueAt < now;
    return {
      ...nothing,
      status: late ? "LATE" : "CANNOT_PROJECT",
      atRisk: late,
      reason: late
        ? `Past its due date with ${remaining} units left, and no recent production rate to project from.`
        : "No recent production rate: the finish cannot be projected until the work center produces again.",
    };
  }

  const finishAt = (unitsPerHour: number) =>
    unitsPerHour > 0
      ? findInstantWithPlannedTime(
          now,
          (remaining / unitsPerHour) * MS_PER_HOUR,
          input.plannedProductionMsAhead,
          horizonMs,
        )
      : null;
  const projectedFinish = finishAt(rate);
  if (projectedFinish === null) {
    const late = dueAt < now;
    return {
      ...nothing,
      status: late ? "LATE" : "CANNOT_PROJECT",
      atRisk: late,
      reason: `Not enough planned production time in the next ${Math.round(horizonMs / MS_PER_DAY)} days to make ${remaining} units at ${formatRate(rate)}.`,
    };
  }
  const earliest = finishAt(rate * (1 + uncertainty)) ?? projectedFinish;
  const latest = finishAt(rate * (1 - uncertainty));
  const latestOrInfinity = latest ?? Number.POSITIVE_INFINITY;

  const status: TOrderProjectionStatus = dueAt < earliest ? "LATE" : dueAt < latestOrInfinity ? "AT_RISK" : "ON_TIME";
  const hours = (ms: number) => `${(Math.abs(ms) / MS_PER_HOUR).toFixed(1)} h`;
  const reason =
    status === "LATE"
      ? `Even at ${formatRate(rate * (1 + uncertainty))} it finishes ${hours(earliest - dueAt)} after the due date.`
      : status === "AT_RISK"
        ? `At ${formatRate(rate)} it finishes ${projectedFinish <= dueAt ? `${hours(dueAt - projectedFinish)} before` : `${hours(projectedFinish - dueAt)} after`} the due date; a ${Math.round(uncertainty * 100)} % slower pace would miss it.`
        : `At ${formatRate(rate)} it finishes ${hours(dueAt - projectedFinish)} before the due date, with margin for a ${Math.round(uncertainty * 100)} % slower pace.`;
  return { status, projectedFinish, earliest, latest, atRisk: status !== "ON_TIME", remaining, reason };
}

function formatRate(unitsPerHour: number): string {
  return `${Number(unitsPerHour.toFixed(1))} units/h`;
}

/**
 * The first instant t ≥ from with plannedMs(from, t) ≥ neededMs, or null past the horizon.
 * plannedMs only grows with t, so: double the step until enough, then bisect to the millisecond.
 */
export function findInstantWithPlannedTime(
  from: number,
  neededMs: number,
  plannedMs: (from: number, to: number) => number,
  horizonMs: number,
): number | null {
  // Whole milliseconds, so the bisection below always narrows.
  const needed = Math.ceil(neededMs);
  const start = Math.round(from);
  if (needed <= 0) return start;
  let low = start;
  let step = Math.max(needed, MS_PER_HOUR);
  const horizon = Math.round(horizonMs);
  let high = start + Math.min(step, horizon);
  while (plannedMs(start, high) < needed) {
    if (high - start >= horizon) return null;
    low = high;
    step *= 2;
    high = start + Math.min(step, horizon);
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (plannedMs(start, middle) >= needed) high = middle;
    else low = middle;
  }
  // plannedMs(start, low) < needed ≤ plannedMs(start, high) throughout.
  return high;
}
