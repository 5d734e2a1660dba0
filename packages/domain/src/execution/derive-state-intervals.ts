/**
 * A work center's state timeline, derived from its raw events and the site calendar. Pure: the
 * same inputs always give the same intervals, so a late or corrected event is handled by deriving
 * the affected span again (see rederive-window.ts) and replacing the stored intervals there.
 *
 * Rules (they define what the product shows and what OEE counts):
 *
 * 1. The last reported state holds until the next state signal (signals may come in any order;
 *    see buildMachineEpisodes for repeats, late reasons and ties). Before the first signal the
 *    state is UNKNOWN.
 * 2. Silence: no event at all (state signal or heartbeat) for `unknownTimeoutMs` → UNKNOWN from
 *    the last event + timeout until the next event. After a heartbeat the reported state resumes,
 *    and a stop that resumes is still the same stop (same stopStart).
 * 3. Calendar: in NO_SHIFT time the state is NO_SHIFT; in a BREAK it is PLANNED_STOP "BREAK"; in
 *    PLANNED_MAINTENANCE it is PLANNED_STOP "PLANNED_MAINTENANCE"; all unscheduled — unless the
 *    machine reports RUNNING there: then RUNNING, unscheduled (production outside planned time,
 *    kept out of OEE and reported on its own). Calendar time is never part of a machine stop
 *    (stopStart null, never unclassified); the stop's pieces either side keep its stopStart.
 * 4. A stop (DOWN, IDLE or reported PLANNED_STOP) is judged on its whole length, stopStart to the
 *    signal that ended it, breaks and silences included. Shorter than `microStopThresholdMs` →
 *    microStop, loss MINOR_STOPS. An ongoing stop is judged on its length so far (until `now`),
 *    so it shows as a minor stop until it passes the threshold.
 * 5. Reason: the latest operator classification of the stop (by stopStart) beats the machine's
 *    reason. A DOWN or IDLE stop at or above the threshold without either is unclassified.
 * 6. A reason that is excluded from planned time (NO_ORDER, PLANNED_MAINTENANCE, …) takes the
 *    stop out of PPT: unscheduled, no loss, never a minor stop (it is not a loss at all).
 * 7. Loss of a scheduled stop: the reason's category, else the state's default (DOWN →
 *    EQUIPMENT_FAILURE, PLANNED_STOP → SETUP_ADJUSTMENT, IDLE → MINOR_STOPS); see stopLossCategory.
 *    RUNNING and UNKNOWN carry no loss category (UNKNOWN is reported as unknown time).
 */
import type { TCalendarSegment } from "./calendar-timeline";
import { resolveExecutionSettings, type TExecutionSettings } from "./execution-settings";
import { buildMachineEpisodes, findSilentGaps, type TMachineEpisode, type TStateSignal } from "./machine-episodes";
import { DEFAULT_REASON_LOOKUP, stopLossCategory, type TReasonLookup } from "./reason-lookup";
import type { TStateInterval, TStopState } from "./state-interval";

/** An operator's answer to "why did it stop?". The latest (by classifiedAt) per stop wins. */
export type TStopClassification = { stopStart: number; reasonCode: string; classifiedAt: number; by?: string };

export type DeriveStateIntervalsInput = {
  from: number;
  to: number;
  /** Nothing is derived past this instant; events after it are ignored. */
  now: number;
  /**
   * State signals in any order. Include those since the start of the stop in progress at `from`
   * (at least the last one before `from`), and the first one after `to` if there is one, so a
   * stop crossing either edge is judged on its whole length.
   */
  signals: readonly TStateSignal[];
  /** Times of any event of the work center. Include the last one before `from`. */
  heartbeats: readonly number[];
  /** Must cover [from, min(to, now)); build it with buildCalendarTimeline. */
  calendar: readonly TCalendarSegment[];
  classifications?: readonly TStopClassification[];
  reasons?: TReasonLookup;
  settings?: Partial<TExecutionSettings>;
};

type PieceFacts = Omit<TStateInterval, "start" | "end" | "shiftKey">;

/** Intervals covering exactly [from, min(to, now)), adjacent identical ones merged. */
export function deriveStateIntervals(input: DeriveStateIntervalsInput): TStateInterval[] {
  const settings = resolveExecutionSettings(input.settings);
  const { from, now } = input;
  const end = Math.min(input.to, now);
  if (end <= from) return [];

  const calendar = checkCalendarCovers(input.calendar, from, end);
  const signals = input.signals.filter((signal) => signal.time <= now);
  const episodes = buildMachineEpisodes(signals);
  const gaps = findSilentGaps(
    [...signals.map((signal) => signal.time), ...input.heartbeats.filter((time) => time <= now)],
    settings.unknownTimeoutMs,
  );
  const describeStop = createStopDescriber({
    now,
    settings,
    reasons: input.reasons ?? DEFAULT_REASON_LOOKUP,
    classifications: latestClassifications(input.classifications ?? []),
  });

  const edges = new Set<number>([from, end]);
  const addEdge = (time: number) => {
    if (time > from && time < end) edges.add(time);
  };
  for (const episode of episodes) addEdge(episode.start);
  for (const gap of gaps) {
    addEdge(gap.start);
    addEdge(gap.end);
  }
  for (const segment of calendar) addEdge(segment.start);
  const sortedEdges = [...edges].sort((a, b) => a - b);

  const intervals: TStateInterval[] = [];
  const episodeAt = pointer(episodes, (episode, time) => episode.start <= time);
  const gapAt = pointer(gaps, (gap, time) => gap.start <= time);
  const segmentAt = pointer(calendar, (segment, time) => segment.start <= time);
  let start = from;
  for (const pieceEnd of sortedEdges.slice(1)) {
    const episode = episodeAt(start);
    const gap = gapAt(start);
    const silent = gap !== undefined && start < gap.end;
    const segment = segmentAt(start);
    const machine = silent || !episode ? null : episode;
    const facts = segment ? describePiece(segment, machine, describeStop) : unknownFacts(true);
    const piece: TStateInterval = { start, end: pieceEnd, ...facts, shiftKey: segment?.shift?.key ?? null };
    const last = intervals[intervals.length - 1];
    if (last && sameFacts(last, piece)) last.end = pieceEnd;
    else intervals.push(piece);
    start = pieceEnd;
  }
  return intervals;
}

function describePiece(
  segment: TCalendarSegment,
  machine: TMachineEpisode | null,
  describeStop: (episode: TMachineEpisode, state: TStopState) => PieceFacts,
): PieceFacts {
  if (segment.kind !== "PRODUCTION") {
    if (machine?.state === "RUNNING") return runningFacts(false);
    if (segment.kind === "NO_SHIFT") return calendarFacts("NO_SHIFT", null);
    return calendarFacts("PLANNED_STOP", segment.kind === "BREAK" ? "BREAK" : "PLANNED_MAINTENANCE");
  }
  if (!machine) return unknownFacts(true);
  if (machine.state === "RUNNING") return runningFacts(true);
  return describeStop(machine, machine.state);
}

const base = { reasonCode: null, unclassified: false, microStop: false, lossCategory: null, stopStart: null };
const runningFacts = (scheduled: boolean): PieceFacts => ({ ...base, state: "RUNNING", scheduled });
const unknownFacts = (scheduled: boolean): PieceFacts => ({ ...base, state: "UNKNOWN", scheduled });
const calendarFacts = (state: "NO_SHIFT" | "PLANNED_STOP", reasonCode: string | null): PieceFacts => ({
  ...base,
  state,
  reasonCode,
  scheduled: false,
});

function createStopDescriber(context: {
  now: number;
  settings: TExecutionSettings;
  reasons: TReasonLookup;
  classifications: ReadonlyMap<number, TStopClassification>;
}): (episode: TMachineEpisode, state: TStopState) => PieceFacts {
  return (episode, state) => {
    const reasonCode = context.classifications.get(episode.start)?.reasonCode ?? episode.signalReasonCode;
    const rule = reasonCode === null ? undefined : context.reasons.get(reasonCode);
    const stop = { ...base, state, reasonCode, stopStart: episode.start };
    if (rule?.excludedFromPlannedTime) return { ...stop, scheduled: false };
    const lengthMs = (episode.end ?? context.now) - episode.start;
    if (lengthMs < context.settings.microStopThresholdMs) {
      return { ...stop, scheduled: true, microStop: true, lossCategory: "MINOR_STOPS" };
    }
    return {
      ...stop,
      scheduled: true,
      unclassified: reasonCode === null && state !== "PLANNED_STOP",
      lossCategory: stopLossCategory(state, rule?.lossCategory),
    };
  };
}

/** The classification that counts for each stop: the latest; equal times broken by code, for determinism. */
export function latestClassifications(
  classifications: readonly TStopClassification[],
): Map<number, TStopClassification> {
  const latest = new Map<number, TStopClassification>();
  for (const classification of classifications) {
    const current = latest.get(classification.stopStart);
    if (
      !current ||
      classification.classifiedAt > current.classifiedAt ||
      (classification.classifiedAt === current.classifiedAt && classification.reasonCode > current.reasonCode)
    ) {
      latest.set(classification.stopStart, classification);
    }
  }
  return latest;
}

/**
 * For a list sorted by start, a lookup of "the last item starting at or before t" for
 * non-decreasing t, in amortised constant time.
 */
function pointer<T>(
  items: readonly T[],
  startsBy: (item: T, time: number) => boolean,
): (time: number) => T | undefined {
  let index = -1;
  return (time) => {
    for (let next = items[index + 1]; next !== undefined && startsBy(next, time); next = items[index + 1]) index += 1;
    return items[index];
  };
}

function checkCalendarCovers(
  calendar: readonly TCalendarSegment[],
  from: number,
  to: number,
): readonly TCalendarSegment[] {
  const sorted = [...calendar].sort((a, b) => a.start - b.start).filter((s) => s.end > from && s.start < to);
  let covered = from;
  for (const segment of sorted) {
    if (segment.start > covered) break;
    covered = Math.max(covered, segment.end);
  }
  if (covered < to) {
    throw new RangeError(
      `The calendar must cover the derived range without gaps; it stops at ${new Date(covered).toISOString()}`,
    );
  }
  return sorted;
}

function sameFacts(a: TStateInterval, b: TStateInterval): boolean {
  return (
    a.state === b.state &&
    a.reasonCode === b.reasonCode &&
    a.scheduled === b.scheduled &&
    a.unclassified === b.unclassified &&
    a.microStop === b.microStop &&
    a.lossCategory === b.lossCategory &&
    a.stopStart === b.stopStart &&
    a.shiftKey === b.shiftKey
  );
}
