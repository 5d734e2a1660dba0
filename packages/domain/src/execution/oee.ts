/**
 * OEE from a state timeline and production counts, as DESIGN.md defines it:
 *
 *   PPT          = scheduled time (in shifts, minus breaks, planned maintenance, no-shift and
 *                  stops whose reason is excluded from planned time)
 *   Run time     = PPT − availability losses (stops counted as EQUIPMENT_FAILURE or
 *                  SETUP_ADJUSTMENT, and UNKNOWN time inside PPT)
 *   Availability = run / PPT
 *   Performance  = Σ(ideal cycle × total count) / run   — never capped here, see displayRatio
 *   Quality      = good / total
 *   OEE          = A × P × Q
 *
 * Minor stops (and IDLE time generally) stay inside run time: they are performance losses.
 * With the default reasons this is exactly "scheduled DOWN at or above the minor-stop threshold
 * + scheduled reported PLANNED_STOP that is not excluded + UNKNOWN inside PPT"; a tenant reason
 * or an operator's classification moves a stop between factors through its loss category.
 *
 * Components are sums, so a line, a site, a day or a shift is always "add the components, then
 * divide" (sumOeeComponents → oeeRatios), never an average of OEEs. Every field except the derived
 * reduced-speed loss is additive, and ideal times are whole milliseconds, so sums are exact.
 */
import { LOSS_CATEGORIES, LOSS_FACTOR, type TLossCategory } from "../reasons/default-reasons";
import { DEFAULT_REASON_LOOKUP, scrapLossCategory, stopLossCategory, type TReasonLookup } from "./reason-lookup";
import { isStopState, type TStateInterval } from "./state-interval";

/** A production.count event: units since the previous count event (delta, not a running total). */
export type TCountEvent = { time: number; total: number; good: number };
export type TScrapEvent = { time: number; quantity: number; reasonCode: string };
/** Ideal cycle time in seconds of the product running at an instant; null when unknown. */
export type TIdealCycleAt = (time: number) => number | null;

export type TOeeComponents = {
  /** Planned production time (scheduled time). */
  plannedMs: number;
  runMs: number;
  /**
   * Loss time per big loss. Availability: stop time. MINOR_STOPS: stop time inside run time.
   * REDUCED_SPEED: run − ideal − minor stops, floored at 0 (raw value in reducedSpeedRawMs).
   * Quality: ideal time of the scrapped units (from scrap events).
   */
  lossMs: Record<TLossCategory, number>;
  /** run − ideal − minor stops; negative when the machine beats its ideal cycle (check the master data). */
  reducedSpeedRawMs: number;
  /** UNKNOWN time inside PPT (an availability loss: we cannot show the machine ran). */
  unknownMs: number;
  /** RUNNING outside planned time: reported, never part of OEE. */
  unscheduledRunMs: number;
  totalCount: number;
  goodCount: number;
  /** Units counted outside planned time; not in totalCount. */
  unscheduledCount: number;
  /** Σ ideal cycle × total, with the ideal cycle of the product running at each count's time. */
  idealMs: number;
  /** Units in totalCount without a known ideal cycle (no product or no master data): they make performance too low. */
  countWithoutIdealCycle: number;
  /** Scrapped units inside planned time, per reason code. */
  scrapByReason: Record<string, number>;
};

export type ComputeOeeComponentsInput = {
  intervals: readonly TStateInterval[];
  counts: readonly TCountEvent[];
  scrap: readonly TScrapEvent[];
  idealCycleAt: TIdealCycleAt;
  reasons?: TReasonLookup;
};

export function emptyOeeComponents(): TOeeComponents {
  return {
    plannedMs: 0,
    runMs: 0,
    lossMs: emptyLosses(),
    reducedSpeedRawMs: 0,
    unknownMs: 0,
    unscheduledRunMs: 0,
    totalCount: 0,
    goodCount: 0,
    unscheduledCount: 0,
    idealMs: 0,
    countWithoutIdealCycle: 0,
    scrapByReason: {},
  };
}

function emptyLosses(): Record<TLossCategory, number> {
  return {
    EQUIPMENT_FAILURE: 0,
    SETUP_ADJUSTMENT: 0,
    MINOR_STOPS: 0,
    REDUCED_SPEED: 0,
    PROCESS_DEFECTS: 0,
    STARTUP_REJECTS: 0,
  };
}

/**
 * Components of the given intervals (taken whole; clip them first for a sub-range) and of the
 * counts and scrap that fall into them. A count or scrap event at time t reports what was made up
 * to t, so it belongs to the interval with start < t ≤ end — a count flushed at the instant a
 * break begins belongs to the production before it. Events no interval claims are ignored.
 */
export function computeOeeComponents(input: ComputeOeeComponentsInput): TOeeComponents {
  const reasons = input.reasons ?? DEFAULT_REASON_LOOKUP;
  const components = emptyOeeComponents();
  const intervals = [...input.intervals].sort((a, b) => a.start - b.start);
  for (const interval of intervals) addIntervalTime(components, interval);

  for (const count of input.counts) {
    const owner = intervalEndingAtOrAfter(intervals, count.time);
    if (!owner) continue;
    if (!owner.scheduled) {
      components.unscheduledCount += count.total;
      continue;
    }
    components.totalCount += count.total;
    components.goodCount += count.good;
    const idealMs = idealMsOf(input.idealCycleAt(count.time), count.total);
    if (idealMs === null) components.countWithoutIdealCycle += count.total;
    else components.idealMs += idealMs;
  }

  for (const scrap of input.scrap) {
    const owner = intervalEndingAtOrAfter(intervals, scrap.time);
    // Scrap outside planned time belongs with the unscheduled production it came from.
    if (!owner?.scheduled) continue;
    components.scrapByReason[scrap.reasonCode] = (components.scrapByReason[scrap.reasonCode] ?? 0) + scrap.quantity;
    const idealMs = idealMsOf(input.idealCycleAt(scrap.time), scrap.quantity);
    if (idealMs !== null) components.lossMs[scrapLossCategory(reasons.get(scrap.reasonCode))] += idealMs;
  }
  return withReducedSpeed(components);
}

function addIntervalTime(components: TOeeComponents, interval: TStateInterval): void {
  const ms = interval.end - interval.start;
  if (ms <= 0) return;
  if (!interval.scheduled) {
    if (interval.state === "RUNNING") components.unscheduledRunMs += ms;
    return;
  }
  components.plannedMs += ms;
  if (interval.state === "RUNNING") {
    components.runMs += ms;
  } else if (isStopState(interval.state)) {
    const category = stopLossCategory(interval.state, interval.lossCategory);
    components.lossMs[category] += ms;
    if (LOSS_FACTOR[category] !== "availability") components.runMs += ms;
  } else {
    // UNKNOWN (or a NO_SHIFT interval someone marked scheduled): planned time we cannot account for.
    components.unknownMs += ms;
  }
}

// Whole milliseconds per event: sums over any grouping of events are then exact.
function idealMsOf(cycleSeconds: number | null, units: number): number | null {
  if (cycleSeconds === null || !Number.isFinite(cycleSeconds) || cycleSeconds < 0) return null;
  return Math.round(cycleSeconds * 1000 * units);
}

/** Binary search in intervals sorted by start: the one with start < t ≤ end. */
function intervalEndingAtOrAfter(intervals: readonly TStateInterval[], time: number): TStateInterval | undefined {
  let low = 0;
  let high = intervals.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const interval = intervals[middle];
    if (interval && interval.end < time) low = middle + 1;
    else high = middle;
  }
  const owner = intervals[low];
  return owner && owner.start < time && time <= owner.end ? owner : undefined;
}

function withReducedSpeed(components: TOeeComponents): TOeeComponents {
  const raw = components.runMs - components.idealMs - components.lossMs.MINOR_STOPS;
  return {
    ...components,
    reducedSpeedRawMs: raw,
    lossMs: { ...components.lossMs, REDUCED_SPEED: Math.max(0, raw) },
  };
}

/** Adds components; the derived reduced-speed loss is computed again from the sums. */
export function sumOeeComponents(list: readonly TOeeComponents[]): TOeeComponents {
  const sum = emptyOeeComponents();
  for (const item of list) {
    sum.plannedMs += item.plannedMs;
    sum.runMs += item.runMs;
    for (const category of LOSS_CATEGORIES) {
      if (category !== "REDUCED_SPEED") sum.lossMs[category] += item.lossMs[category];
    }
    sum.unknownMs += item.unknownMs;
    sum.unscheduledRunMs += item.unscheduledRunMs;
    sum.totalCount += item.totalCount;
    sum.goodCount += item.goodCount;
    sum.unscheduledCount += item.unscheduledCount;
    sum.idealMs += item.idealMs;
    sum.countWithoutIdealCycle += item.countWithoutIdealCycle;
    for (const [reasonCode, quantity] of Object.entries(item.scrapByReason)) {
      sum.scrapByReason[reasonCode] = (sum.scrapByReason[reasonCode] ?? 0) + quantity;
    }
  }
  return withReducedSpeed(sum);
}

export type TOeeRatios = {
  /** run / PPT; null without planned time. */
  availability: number | null;
  /** ideal / run, may exceed 1; null without run time. */
  performance: number | null;
  /** good / total; null without counts. */
  quality: number | null;
  /**
   * A × P × Q; null only without planned time. Planned time with no run time or no counts is an
   * OEE of 0 (nothing good was made), not "undefined": a shift lost to one breakdown must show 0 %.
   */
  oee: number | null;
};

export function oeeRatios(components: TOeeComponents): TOeeRatios {
  const { plannedMs, runMs, idealMs, totalCount, goodCount } = components;
  const availability = plannedMs > 0 ? runMs / plannedMs : null;
  const performance = runMs > 0 ? idealMs / runMs : null;
  const quality = totalCount > 0 ? goodCount / totalCount : null;
  let oee: number | null = null;
  if (availability !== null) {
    oee = performance === null || quality === null ? 0 : availability * performance * quality;
  }
  return { availability, performance, quality, oee };
}

/** A ratio as shown to people: capped at 100 %. Storage and sums always keep the raw value. */
export function displayRatio(ratio: number | null): number | null {
  return ratio === null ? null : Math.min(1, ratio);
}
