import { formatLocalDate, MS_PER_DAY, MS_PER_HOUR, utcToZoned } from "@gemba/domain/calendar/zoned-time";
import type { TWorkCenterTimeline } from "@gemba/domain/insights/bottleneck/active-periods";
import { findAverageBottleneck } from "@gemba/domain/insights/bottleneck/average-bottleneck";
import { evenBoundaries, trackBottleneckOverTime } from "@gemba/domain/insights/bottleneck/bottleneck-over-time";
import {
  buildAverageBottleneckDraft,
  buildBottleneckMoveDraft,
  leadSeries,
} from "@gemba/domain/insights/drafts/bottleneck-drafts";
import type { TInsightDraft } from "@gemba/domain/insights/insight";
import { formatSiteTime } from "@gemba/domain/insights/order-risk/format-order-risk";
import type { TInsightDetector } from "../detector";
import { linesOfRun, loadTimelines, type TDetectorLine } from "./load-line-timelines";

/** The day's bottleneck looks back 24 hours; moves are tracked over a week in 2-hour buckets. */
export const AVERAGE_WINDOW_MS = MS_PER_DAY;
export const MOVE_WINDOW_MS = 7 * MS_PER_DAY;
export const MOVE_STEP_MS = 2 * MS_PER_HOUR;
/** Three buckets (6 h, most of a shift) in the lead before a new work center counts as the bottleneck. */
export const MOVE_MIN_CONSECUTIVE_BUCKETS = 3;

export const bottleneckDetector: TInsightDetector = {
  kind: "BOTTLENECK",
  name: "Bottleneck per line (active-period method) and its moves over the last week",
  everyMs: MS_PER_HOUR,
  eventDriven: false,
  async detect(tx, run) {
    const lines = (await linesOfRun(tx, run.workCenterIds)).filter((line) => line.workCenters.length >= 2);
    const drafts: TInsightDraft[] = [];
    for (const line of lines) {
      const to = Math.floor(run.now / MOVE_STEP_MS) * MOVE_STEP_MS;
      const from = to - MOVE_WINDOW_MS;
      const timelines = await loadTimelines(
        tx,
        line.workCenters.map((wc) => wc.id),
        from,
        run.now,
      );
      const average = averageDraft(line, timelines, run.now);
      if (average) drafts.push(average);
      drafts.push(...moveDrafts(line, timelines, { from, to }, run.now));
    }
    return drafts;
  },
};

function averageDraft(line: TDetectorLine, timelines: TWorkCenterTimeline[], now: number): TInsightDraft | null {
  const window = { from: now - AVERAGE_WINDOW_MS, to: now };
  const average = findAverageBottleneck(timelines, window);
  if (!average.bottleneckId || !average.runnerUpId) return null;
  return buildAverageBottleneckDraft({
    line,
    workCenters: line.workCenters,
    average,
    window,
    dayKey: formatLocalDate(utcToZoned(now, line.timeZone)),
    lead: leadSeries(timelines, evenBoundaries(window, MS_PER_HOUR), average.bottleneckId, average.runnerUpId),
  });
}

/**
 * Each move is checked against the stretch before it (since the previous move) and after it
 * (until the next one): only a handover both sides confirm becomes an insight.
 */
function moveDrafts(
  line: TDetectorLine,
  timelines: TWorkCenterTimeline[],
  window: { from: number; to: number },
  now: number,
): TInsightDraft[] {
  const boundaries = evenBoundaries(window, MOVE_STEP_MS);
  const { moves } = trackBottleneckOverTime(timelines, boundaries, {
    minConsecutiveBuckets: MOVE_MIN_CONSECUTIVE_BUCKETS,
  });
  const drafts: TInsightDraft[] = [];
  moves.forEach((move, index) => {
    const before = findAverageBottleneck(timelines, { from: moves[index - 1]?.at ?? window.from, to: move.at });
    const after = findAverageBottleneck(timelines, { from: move.at, to: moves[index + 1]?.at ?? window.to });
    const draft = buildBottleneckMoveDraft({
      line,
      workCenters: line.workCenters,
      move,
      before,
      after,
      stepMs: MOVE_STEP_MS,
      lead: leadSeries(timelines, boundaries, move.toId, move.fromId),
      formatTime: (ms) => formatSiteTime(ms, now, line.timeZone),
    });
    if (draft) drafts.push(draft);
  });
  return drafts;
}
