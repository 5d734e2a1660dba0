import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from "../../calendar/zoned-time";
import { findInstantWithPlannedTime } from "../../execution/order-projection";
import { formatPercent } from "../format-percent";
import { formatSiteTime, formatUnits } from "./format-order-risk";
import { probabilityRateAtLeast, rateBandFor, summarizeRateSamples, type TRateDistribution } from "./rate-distribution";

export type AssessLateOrderRiskInput = {
  /** How people name the order in the sentence: "Order 4711". */
  orderLabel: string;
  /** Units still to make. */
  remaining: number;
  now: number;
  dueAt: number;
  /** Recent units per planned hour, one per bucket of planned time (stops included, so they count). */
  rateSamplesPerHour: readonly number[];
  /** Planned time each sample covers. Default 15 min. */
  sampleBucketMs?: number;
  /** Planned production time between two instants: nights and weekends add nothing. */
  plannedProductionMsAhead: (from: number, to: number) => number;
  /** Two-sided level of the [earliest, latest] interval. Default 0.8. */
  confidenceLevel?: number;
  /** Fewer samples than this and the spread is a guess. Default 4. */
  minSamples?: number;
  /** How far ahead to search for planned time. Default 366 days. */
  horizonMs?: number;
  /** The site's zone, for the times in the sentence. */
  timeZone: string;
};

export type TLateOrderRiskStatus = "COMPLETE" | "ON_TIME" | "AT_RISK" | "LATE" | "CANNOT_PROJECT";

export type TLateOrderRisk = {
  status: TLateOrderRiskStatus;
  remaining: number;
  confidenceLevel: number;
  rate: (TRateDistribution & { halfWidthPerHour: number }) | null;
  /** Finish at the mean rate. */
  projectedFinish: number | null;
  /** Finish at the fast end of the rate band. */
  earliest: number | null;
  /** Finish at the slow end; null when the slow end is at or below zero (no upper bound). */
  latest: number | null;
  /** Chance to finish by the due date, 0–1; null when it cannot be projected. */
  probabilityOnTime: number | null;
  /** One sentence with the numbers; code branches on `status`. */
  explanation: string;
};

/**
 * Late-order risk from the spread of recent production, not a fixed ±15 %: a steady line gets a
 * tight interval, a stop-and-go one a wide interval and a lower chance to make a tight due date.
 * LATE when the due date is before the earliest finish, AT_RISK when it falls inside the interval.
 */
export function assessLateOrderRisk(input: AssessLateOrderRiskInput): TLateOrderRisk {
  const { now, dueAt, orderLabel } = input;
  if (!Number.isFinite(input.remaining) || input.remaining < 0) {
    throw new RangeError(`Remaining quantity must be a number ≥ 0; got ${input.remaining}.`);
  }
  const confidenceLevel = input.confidenceLevel ?? 0.8;
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
    throw new RangeError(`Confidence level must be between 0 and 1 (e.g. 0.8); got ${confidenceLevel}.`);
  }
  const bucketMs = input.sampleBucketMs ?? 15 * MS_PER_MINUTE;
  const minSamples = Math.max(2, input.minSamples ?? 4);
  const horizonMs = input.horizonMs ?? 366 * MS_PER_DAY;
  const remaining = input.remaining;
  const distribution = summarizeRateSamples(input.rateSamplesPerHour);
  const none = { remaining, confidenceLevel, projectedFinish: null, earliest: null, latest: null };
  const at = (instant: number) => formatSiteTime(instant, now, input.timeZone);

  if (remaining === 0) {
    return {
      ...none,
      status: "COMPLETE",
      rate: null,
      projectedFinish: now,
      earliest: now,
      latest: now,
      probabilityOnTime: 1,
      explanation: `${orderLabel} has produced its full quantity.`,
    };
  }
  const pastDue = dueAt <= now;
  const cannot = (why: string): TLateOrderRisk => ({
    ...none,
    status: pastDue ? "LATE" : "CANNOT_PROJECT",
    rate: null,
    probabilityOnTime: pastDue ? 0 : null,
    explanation: pastDue
      ? `${orderLabel} is past its due date (${at(dueAt)}) with ${formatUnits(remaining)} units left; ${why}`
      : `${orderLabel} cannot be projected: ${why}`,
  });
  if (distribution.sampleCount < minSamples) {
    return cannot(`only ${distribution.sampleCount} recent rate samples, at least ${minSamples} are needed.`);
  }
  if (!(distribution.meanPerHour > 0)) return cannot("the work center produced nothing in the recent window.");

  const finishAt = (unitsPerHour: number) =>
    unitsPerHour > 0
      ? findInstantWithPlannedTime(
          now,
          (remaining / unitsPerHour) * MS_PER_HOUR,
          input.plannedProductionMsAhead,
          horizonMs,
        )
      : null;
  const projectedFinish = finishAt(distribution.meanPerHour);
  if (projectedFinish === null) {
    return cannot(
      `not enough planned time in the next ${Math.round(horizonMs / MS_PER_DAY)} days to make ${formatUnits(remaining)} units.`,
    );
  }
  // The band describes the average rate over the remaining work, so its length sets the band's width.
  const bucketsAhead = (remaining / distribution.meanPerHour) * (MS_PER_HOUR / bucketMs);
  const band = rateBandFor(distribution, bucketsAhead, confidenceLevel);
  const fastRate = distribution.meanPerHour + band.halfWidth;
  const slowRate = distribution.meanPerHour - band.halfWidth;
  const earliest = finishAt(fastRate) ?? projectedFinish;
  const latest = finishAt(slowRate);

  const plannedHoursToDue = pastDue ? 0 : input.plannedProductionMsAhead(now, dueAt) / MS_PER_HOUR;
  const probabilityOnTime =
    plannedHoursToDue > 0 ? probabilityRateAtLeast(distribution, band, remaining / plannedHoursToDue) : 0;
  const status: TLateOrderRiskStatus =
    pastDue || dueAt < earliest ? "LATE" : latest === null || dueAt < latest ? "AT_RISK" : "ON_TIME";

  const rateText = `${formatUnits(distribution.meanPerHour)} ± ${formatUnits(band.halfWidth)} units/h`;
  const window =
    latest === null
      ? `finishes ${at(earliest)} at the earliest, with no upper bound because the slow end of its rate is near zero`
      : `finishes between ${at(earliest)} and ${at(latest)}`;
  const explanation = `${orderLabel} needs ${formatUnits(remaining)} more units; at ${rateText} it ${window}; due ${at(dueAt)} — ${formatPercent(probabilityOnTime)} chance to make it.`;
  return {
    status,
    remaining,
    confidenceLevel,
    rate: { ...distribution, halfWidthPerHour: band.halfWidth },
    projectedFinish,
    earliest,
    latest,
    probabilityOnTime,
    explanation,
  };
}
