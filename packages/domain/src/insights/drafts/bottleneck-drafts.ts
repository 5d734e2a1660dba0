/**
 * Bottleneck findings as insight drafts: which work center constrained a line over the last day,
 * and the moments the constraint moved from one work center to another. The numbers come from the
 * active-period method (../bottleneck); this file only words them and picks the chart.
 */
import type { TWindow, TWorkCenterTimeline } from "../bottleneck/active-periods";
import { findAverageBottleneck, type TAverageBottleneck } from "../bottleneck/average-bottleneck";
import type { TBottleneckMove } from "../bottleneck/bottleneck-over-time";
import { explainAverage, explainMove } from "../bottleneck/explain-bottleneck";
import { formatPercent } from "../format-percent";
import type { TInsightDraft } from "../insight";

export type TLineRef = { id: string; code: string; name: string };
export type TWorkCenterRef = { id: string; code: string; name: string };

/**
 * Below this confidence (a lead of ~4.5 points of active share) the line is balanced: naming a
 * bottleneck, or a move between two, would be reading noise.
 */
export const MIN_BOTTLENECK_CONFIDENCE = 0.3;

/**
 * Per bucket, how many points of active share `leaderId` is ahead of `otherId` (negative: behind).
 * Buckets where either has no comparable time (no shift) are left out rather than drawn as 0.
 */
export function leadSeries(
  timelines: readonly TWorkCenterTimeline[],
  boundaries: readonly number[],
  leaderId: string,
  otherId: string,
): { t: number; value: number }[] {
  const points: { t: number; value: number }[] = [];
  for (let i = 0; i + 1 < boundaries.length; i++) {
    const window = { from: boundaries[i] as number, to: boundaries[i + 1] as number };
    const { shares } = findAverageBottleneck(timelines, window);
    const leader = shares.find((share) => share.workCenterId === leaderId)?.activeShare ?? null;
    const other = shares.find((share) => share.workCenterId === otherId)?.activeShare ?? null;
    if (leader === null || other === null) continue;
    points.push({ t: window.from, value: Math.round((leader - other) * 1000) / 10 });
  }
  return points;
}

export type TAverageBottleneckDraftInput = {
  line: TLineRef;
  workCenters: readonly TWorkCenterRef[];
  average: TAverageBottleneck;
  window: TWindow;
  /** The site's local date the period ends on, "2026-03-07": one insight per line and day. */
  dayKey: string;
  /** From leadSeries over the window (bottleneck vs runner-up). */
  lead: { t: number; value: number }[];
};

/** Null when the line is balanced or has nothing to compare: then there is no constraint to name. */
export function buildAverageBottleneckDraft(input: TAverageBottleneckDraftInput): TInsightDraft | null {
  const { average, line } = input;
  const top = average.shares[0];
  const second = average.shares[1];
  if (
    !average.bottleneckId ||
    !average.runnerUpId ||
    average.margin === null ||
    average.confidence < MIN_BOTTLENECK_CONFIDENCE ||
    top?.activeShare == null ||
    second?.activeShare == null
  ) {
    return null;
  }
  const nameOf = nameLookup(input.workCenters);
  const bottleneck = nameOf(average.bottleneckId);
  return {
    kind: "BOTTLENECK",
    subject: { kind: "LINE", id: line.id, workCenterId: average.bottleneckId, lineId: line.id },
    dedupeKey: `bottleneck:${line.id}:${input.dayKey}`,
    title: `${bottleneck} is the bottleneck of ${line.name}`,
    explanation:
      `Over the last ${hoursOf(input.window)} hours ${explainAverage(average, nameOf)} ` +
      `Active means running or under repair: the rest of ${line.name} waits on it.`,
    recommendation:
      `Protect ${bottleneck}'s running time: keep it staffed through breaks and shift changes, keep a buffer of material in front of it, ` +
      `and give its breakdowns and changeovers first call on maintenance. Extra speed on other machines of ${line.name} will not raise output.`,
    evidence: {
      figures: [
        { label: `${bottleneck} active share`, value: percent(top.activeShare), unit: "%" },
        { label: `${nameOf(average.runnerUpId)} active share`, value: percent(second.activeShare), unit: "%" },
        { label: "Lead over the runner-up", value: percent(average.margin), unit: "pts" },
      ],
      chart: {
        unit: "pts",
        points: input.lead,
        lines: [{ label: "Even with the runner-up", value: 0 }],
        marked: [],
      },
    },
    confidence: clamp01(average.confidence),
    spanStart: input.window.from,
    spanEnd: input.window.to,
  };
}

export type TBottleneckMoveDraftInput = {
  line: TLineRef;
  workCenters: readonly TWorkCenterRef[];
  move: TBottleneckMove;
  /** Averages over the stretch before the move (up to it) and after it, computed by the caller. */
  before: TAverageBottleneck;
  after: TAverageBottleneck;
  /** The bucket length of the tracking: moves are keyed by the bucket they happened in. */
  stepMs: number;
  /** From leadSeries: the new bottleneck's lead over the old one, bucket by bucket. */
  lead: { t: number; value: number }[];
  formatTime: (ms: number) => string;
};

/**
 * A move is reported only when the stretch before it clearly belonged to the old bottleneck and
 * the stretch after it to the new one; a handover that neither side confirms is a balanced line
 * trading the lead back and forth, which is noise to a plant manager.
 */
export function buildBottleneckMoveDraft(input: TBottleneckMoveDraftInput): TInsightDraft | null {
  const { move, before, after, line } = input;
  if (before.bottleneckId !== move.fromId || after.bottleneckId !== move.toId) return null;
  const confidence = Math.min(before.confidence, after.confidence);
  if (confidence < MIN_BOTTLENECK_CONFIDENCE) return null;
  const nameOf = nameLookup(input.workCenters);
  const from = nameOf(move.fromId);
  const to = nameOf(move.toId);
  const shareBefore = before.shares.find((share) => share.workCenterId === move.fromId)?.activeShare ?? 0;
  const shareAfter = after.shares.find((share) => share.workCenterId === move.toId)?.activeShare ?? 0;
  return {
    kind: "BOTTLENECK",
    subject: { kind: "LINE", id: line.id, workCenterId: move.toId, lineId: line.id },
    dedupeKey: `bottleneck-move:${line.id}:${move.fromId}:${move.toId}:${Math.floor(move.at / input.stepMs)}`,
    title: `${line.name}: the bottleneck moved from ${from} to ${to}`,
    explanation:
      `${explainMove(move, nameOf, input.formatTime)} Before, ${from} was active ${formatPercent(shareBefore)} of its comparable time; ` +
      `since then ${to} is, at ${formatPercent(shareAfter)}, ${Math.round((after.margin ?? 0) * 100)} points ahead of the next work center.`,
    recommendation:
      `Find out what changed at ${to} around ${input.formatTime(move.at)} (a new product, slower cycles, more stops, fewer people) ` +
      `and move the line's attention with the constraint: buffers, maintenance priority and staffing now belong at ${to}, not ${from}.`,
    evidence: {
      figures: [
        { label: `${from} active share before`, value: percent(shareBefore), unit: "%" },
        { label: `${to} active share after`, value: percent(shareAfter), unit: "%" },
        { label: "Lead before the move", value: percent(before.margin ?? 0), unit: "pts" },
        { label: "Lead after the move", value: percent(after.margin ?? 0), unit: "pts" },
      ],
      chart: {
        unit: "pts",
        points: input.lead,
        lines: [{ label: `${to} even with ${from}`, value: 0 }],
        marked: [move.at],
      },
    },
    confidence: clamp01(confidence),
    spanStart: move.at,
    spanEnd: null,
  };
}

function nameLookup(workCenters: readonly TWorkCenterRef[]): (id: string) => string {
  const names = new Map(workCenters.map((workCenter) => [workCenter.id, workCenter.code]));
  return (id) => names.get(id) ?? "an unknown work center";
}

function percent(share: number): number {
  return Math.round(share * 1000) / 10;
}

function hoursOf(window: TWindow): number {
  return Math.round((window.to - window.from) / 3_600_000);
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
