import { MS_PER_DAY } from "@gemba/domain/calendar/zoned-time";
import { AppError } from "@gemba/domain/errors";
import { findAverageBottleneck } from "@gemba/domain/insights/bottleneck/average-bottleneck";
import { evenBoundaries, trackBottleneckOverTime } from "@gemba/domain/insights/bottleneck/bottleneck-over-time";
import { explainAverage } from "@gemba/domain/insights/bottleneck/explain-bottleneck";
import type { Tx } from "../../tenant-scope";
import type { TBottleneckChart } from "../charts";
import { loadDetectorLines, loadTimelines } from "./load-line-timelines";

/** A chart of more buckets than this is unreadable and slow; the caller should pick a longer step. */
export const MAX_CHART_BUCKETS = 1_000;
export const MAX_CHART_DAYS = 93;

/** One line's bottleneck bucket by bucket over [from, to), its moves and the period's average. */
export async function loadBottleneckChart(
  tx: Tx,
  input: { lineId: string; from: number; to: number; stepMs: number },
): Promise<TBottleneckChart> {
  const { lineId, from, to, stepMs } = input;
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) {
    throw new AppError("BAD_REQUEST", "The period must end after it starts.");
  }
  if (to - from > MAX_CHART_DAYS * MS_PER_DAY) {
    throw new AppError("BAD_REQUEST", `Choose a period of at most ${MAX_CHART_DAYS} days.`);
  }
  if (!(stepMs >= 60_000) || (to - from) / stepMs > MAX_CHART_BUCKETS) {
    throw new AppError(
      "BAD_REQUEST",
      `Choose a bucket of at least a minute and at most ${MAX_CHART_BUCKETS} buckets for the period.`,
    );
  }
  const [line] = await loadDetectorLines(tx, [lineId]);
  if (!line) throw new AppError("NOT_FOUND", "This line does not exist in your plant.");
  const timelines = await loadTimelines(
    tx,
    line.workCenters.map((wc) => wc.id),
    from,
    to,
  );
  const { buckets, moves } = trackBottleneckOverTime(timelines, evenBoundaries({ from, to }, stepMs));
  const average = findAverageBottleneck(timelines, { from, to });
  const codes = new Map(line.workCenters.map((wc) => [wc.id, wc.code]));
  return {
    lineId,
    from,
    to,
    stepMs,
    workCenters: line.workCenters.map(({ id, code, name, sequence }) => ({ id, code, name, sequence })),
    buckets,
    moves,
    average,
    explanation: explainAverage(average, (id) => codes.get(id) ?? id),
  };
}
