/**
 * "Why did this happen?": one timeline joining what the machines said (events, state changes),
 * what people answered and decided (reasons, decisions with their constraints) and what they
 * were asked to do (tasks). The API loads each source with its own bound; this file merges,
 * orders and filters them, and fixes the windows the sources are read in.
 */
export const TIMELINE_KINDS = ["DECISION", "CONSTRAINT", "TASK", "REASON", "STATE", "EVENT"] as const;
export type TTimelineKind = (typeof TIMELINE_KINDS)[number];

export const timelineKindLabels: Record<TTimelineKind, string> = {
  DECISION: "Decisions",
  CONSTRAINT: "Constraints",
  TASK: "Tasks",
  REASON: "Reasons",
  STATE: "State changes",
  EVENT: "Events",
};

export type TTimelineTone = "neutral" | "danger" | "warning" | "success" | "info";

/** What a timeline entry opens. */
export type TTimelineRef =
  | { type: "decision"; id: string }
  | { type: "task"; id: string }
  | { type: "order"; id: string }
  | { type: "insight"; id: string }
  | { type: "downtime"; workCenterId: string; stopStart: string };

export type TTimelineItem = {
  /** Unique within one timeline ("event:123", "task:<id>:done"): the same thing reached twice shows once. */
  id: string;
  kind: TTimelineKind;
  at: Date;
  title: string;
  detail: string | null;
  tone: TTimelineTone;
  workCenterCode: string | null;
  /** Who did it, for people's entries. */
  actor: string | null;
  ref: TTimelineRef | null;
};

export const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;
const MS_PER_DAY = 24 * MS_PER_HOUR;

/** Every source is read with a cap and inside a window, so a timeline costs the same on a busy plant. */
export const WHY_LIMITS = {
  events: 200,
  states: 200,
  decisions: 50,
  tasks: 100,
  reasons: 50,
  items: 500,
  /** Looked at before a stop began and after it ended: what led to it, what followed. */
  downtimeMarginMs: 60 * MS_PER_MINUTE,
  downtimeMaxMs: MS_PER_DAY,
  orderMaxMs: 7 * MS_PER_DAY,
  decisionMarginMs: 4 * MS_PER_HOUR,
} as const;

export type TWindow = { from: number; to: number };

/**
 * Around a stop: from an hour before it to an hour after it ended (or now). A stop longer than a
 * day keeps its first day: why it happened lies at its start.
 */
export function downtimeWindow(stopStart: number, stopEnd: number, now: number): TWindow {
  const from = stopStart - WHY_LIMITS.downtimeMarginMs;
  const to = Math.max(stopStart, Math.min(now, stopEnd + WHY_LIMITS.downtimeMarginMs));
  return { from, to: Math.min(to, from + WHY_LIMITS.downtimeMaxMs) };
}

/**
 * An order's run: from its start (or release, or creation) to its completion (or now). A run
 * longer than a week keeps its last week: what matters is what is slowing it now.
 */
export function orderWindow(
  order: { startedAt: number | null; releasedAt: number | null; createdAt: number; completedAt: number | null },
  now: number,
): TWindow {
  const to = Math.min(order.completedAt ?? now, now);
  const begin = order.startedAt ?? order.releasedAt ?? order.createdAt;
  const from = Math.min(begin, to);
  return { from: Math.max(from, to - WHY_LIMITS.orderMaxMs), to };
}

/** Four hours either side of a decision (the future cut at now). */
export function decisionWindow(decidedAt: number, now: number): TWindow {
  return {
    from: decidedAt - WHY_LIMITS.decisionMarginMs,
    to: Math.max(decidedAt, Math.min(now, decidedAt + WHY_LIMITS.decisionMarginMs)),
  };
}

export type TStatePiece = {
  start: number;
  end: number;
  state: string;
  reasonCode: string | null;
  stopStart: number | null;
  unclassified: boolean;
};

/**
 * Stored intervals are cut at shift changes, breaks and refresh edges; a person reads a state
 * change only where the state, its reason or the stop changes. Pieces in any order; the result
 * runs oldest first.
 */
export function collapseStateChanges(pieces: readonly TStatePiece[]): TStatePiece[] {
  const sorted = [...pieces].sort((a, b) => a.start - b.start);
  const runs: TStatePiece[] = [];
  for (const piece of sorted) {
    const last = runs[runs.length - 1];
    if (
      last &&
      last.end === piece.start &&
      last.state === piece.state &&
      last.reasonCode === piece.reasonCode &&
      last.stopStart === piece.stopStart
    ) {
      runs[runs.length - 1] = { ...last, end: piece.end, unclassified: last.unclassified || piece.unclassified };
    } else {
      runs.push({ ...piece });
    }
  }
  return runs;
}

export type TMergedTimeline = {
  items: TTimelineItem[];
  /** Entries per kind before the kind filter: the filter chips show what each would add. */
  counts: Record<TTimelineKind, number>;
  /** More entries existed than were kept (a source hit its cap, or the merged list did). */
  truncated: boolean;
};

const kindRank = new Map(TIMELINE_KINDS.map((kind, index) => [kind, index]));

/** Newest first; at the same instant a decision comes before its constraints, people before machines. */
export function compareTimelineItems(a: TTimelineItem, b: TTimelineItem): number {
  return (
    b.at.getTime() - a.at.getTime() ||
    (kindRank.get(a.kind) ?? 0) - (kindRank.get(b.kind) ?? 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * The sources' entries as one list: duplicates (the same id reached through two sources) kept
 * once, newest first, only the kinds asked for, at most `limit`.
 */
export function mergeTimeline(
  sources: readonly (readonly TTimelineItem[])[],
  options: { kinds?: readonly TTimelineKind[] | undefined; limit?: number; sourcesTruncated?: boolean } = {},
): TMergedTimeline {
  const byId = new Map<string, TTimelineItem>();
  for (const source of sources) for (const item of source) if (!byId.has(item.id)) byId.set(item.id, item);
  const all = [...byId.values()];
  const counts = Object.fromEntries(TIMELINE_KINDS.map((kind) => [kind, 0])) as Record<TTimelineKind, number>;
  for (const item of all) counts[item.kind] += 1;
  const wanted = options.kinds && options.kinds.length > 0 ? new Set(options.kinds) : null;
  const limit = options.limit ?? WHY_LIMITS.items;
  const items = filterTimeline(all, wanted ? [...wanted] : undefined).sort(compareTimelineItems);
  return {
    items: items.slice(0, limit),
    counts,
    truncated: (options.sourcesTruncated ?? false) || items.length > limit,
  };
}

/** Only the kinds asked for; none asked for means all. */
export function filterTimeline<T extends { kind: TTimelineKind }>(
  items: readonly T[],
  kinds: readonly TTimelineKind[] | undefined,
): T[] {
  if (!kinds || kinds.length === 0) return [...items];
  const wanted = new Set(kinds);
  return items.filter((item) => wanted.has(item.kind));
}

/** "42 min", "3 h 05 min", "2 d 4 h": how long a state lasted, short enough for a timeline line. */
export function formatSpan(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / MS_PER_MINUTE));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${String(minutes % 60).padStart(2, "0")} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
