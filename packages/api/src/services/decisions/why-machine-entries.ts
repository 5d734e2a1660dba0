import type { Tx } from "@gemba/db/tenant-scope";
import { HIGH_VOLUME_EVENT_KINDS, summarizeEvent } from "@gemba/domain/decisions/event-summary";
import {
  collapseStateChanges,
  formatSpan,
  type TTimelineItem,
  type TTimelineTone,
  type TWindow,
  WHY_LIMITS,
} from "@gemba/domain/decisions/why-timeline";
import { loadPeople } from "../tasks/load-people";

export type TEntries = { items: TTimelineItem[]; truncated: boolean };

const stateLabels: Record<string, string> = {
  RUNNING: "Running",
  IDLE: "Idle",
  DOWN: "Down",
  PLANNED_STOP: "Planned stop",
  NO_SHIFT: "No shift",
  UNKNOWN: "No signal",
};

const stateTones: Record<string, TTimelineTone> = {
  RUNNING: "success",
  IDLE: "warning",
  DOWN: "danger",
  PLANNED_STOP: "info",
};

/**
 * What the work center reported in the window, newest first, through the (tenantId, workCenterId,
 * eventTime) index. Counts and telemetry arrive many times a minute and say nothing a state change
 * does not: they are left out.
 */
export async function loadEventEntries(tx: Tx, workCenter: { id: string; code: string }, window: TWindow) {
  const rows = await tx.event.findMany({
    where: {
      workCenterId: workCenter.id,
      eventTime: { gte: new Date(window.from), lte: new Date(window.to) },
      kind: { notIn: [...HIGH_VOLUME_EVENT_KINDS] },
    },
    orderBy: [{ eventTime: "desc" }, { id: "desc" }],
    take: WHY_LIMITS.events + 1,
    select: { id: true, kind: true, eventTime: true, payload: true },
  });
  const items = rows.slice(0, WHY_LIMITS.events).map(
    (event): TTimelineItem => ({
      id: `event:${event.id}`,
      kind: "EVENT",
      at: event.eventTime,
      title: summarizeEvent(event.kind, event.payload),
      detail: null,
      tone: event.kind === "production.scrap" ? "warning" : "neutral",
      workCenterCode: workCenter.code,
      actor: null,
      ref: null,
    }),
  );
  return { items, truncated: rows.length > WHY_LIMITS.events } satisfies TEntries;
}

/** State changes overlapping the window (stored pieces joined where nothing changed), through the primary key. */
export async function loadStateEntries(
  tx: Tx,
  workCenter: { id: string; code: string },
  window: TWindow,
): Promise<TEntries> {
  // Pieces outnumber changes (shift edges, refreshes): read twice the cap, then join.
  const pieceCap = WHY_LIMITS.states * 2;
  const pieces = await tx.stateInterval.findMany({
    where: { workCenterId: workCenter.id, start: { lt: new Date(window.to) }, end: { gt: new Date(window.from) } },
    orderBy: { start: "desc" },
    take: pieceCap + 1,
    select: { start: true, end: true, state: true, reasonCode: true, stopStart: true, unclassified: true },
  });
  const runs = collapseStateChanges(
    pieces.slice(0, pieceCap).map((piece) => ({
      start: piece.start.getTime(),
      end: piece.end.getTime(),
      state: piece.state,
      reasonCode: piece.reasonCode,
      stopStart: piece.stopStart?.getTime() ?? null,
      unclassified: piece.unclassified,
    })),
  ).slice(-WHY_LIMITS.states);
  const codes = [...new Set(runs.flatMap((run) => (run.reasonCode ? [run.reasonCode] : [])))];
  const reasons = codes.length
    ? await tx.reasonCode.findMany({ where: { code: { in: codes } }, select: { code: true, label: true } })
    : [];
  const labels = new Map(reasons.map((reason) => [reason.code, reason.label]));
  const items = runs.map((run): TTimelineItem => {
    const reason = run.reasonCode ? (labels.get(run.reasonCode) ?? run.reasonCode) : null;
    const span = formatSpan(run.end - run.start);
    return {
      id: `state:${workCenter.id}:${run.start}`,
      kind: "STATE",
      at: new Date(run.start),
      title: `${stateLabels[run.state] ?? run.state}${reason ? ` · ${reason}` : ""}`,
      detail: run.unclassified ? `${span}, waiting for a reason` : span,
      tone: stateTones[run.state] ?? "neutral",
      workCenterCode: workCenter.code,
      actor: null,
      ref:
        run.stopStart !== null
          ? { type: "downtime", workCenterId: workCenter.id, stopStart: new Date(run.stopStart).toISOString() }
          : null,
    };
  });
  return { items, truncated: pieces.length > pieceCap };
}

/** Reasons people gave for stops: of one stop, or of the stops that began in the window. */
export async function loadReasonEntries(
  tx: Tx,
  workCenter: { id: string; code: string },
  target: { stopStart: Date } | { window: TWindow },
): Promise<TEntries> {
  const rows = await tx.downtimeClassification.findMany({
    where: {
      workCenterId: workCenter.id,
      stopStart:
        "stopStart" in target
          ? target.stopStart
          : { gte: new Date(target.window.from), lte: new Date(target.window.to) },
    },
    orderBy: { classifiedAt: "desc" },
    take: WHY_LIMITS.reasons + 1,
    select: { id: true, stopStart: true, reasonCode: true, note: true, classifiedAt: true, classifiedById: true },
  });
  const page = rows.slice(0, WHY_LIMITS.reasons);
  const codes = [...new Set(page.map((row) => row.reasonCode))];
  const [reasons, person] = await Promise.all([
    codes.length
      ? tx.reasonCode.findMany({ where: { code: { in: codes } }, select: { code: true, label: true } })
      : Promise.resolve([]),
    loadPeople(
      tx,
      page.map((row) => row.classifiedById),
    ),
  ]);
  const labels = new Map(reasons.map((reason) => [reason.code, reason.label]));
  const items = page.map(
    (row): TTimelineItem => ({
      id: `reason:${row.id}`,
      kind: "REASON",
      at: row.classifiedAt,
      title: `Stop classified as ${labels.get(row.reasonCode) ?? row.reasonCode}`,
      detail: row.note,
      tone: "info",
      workCenterCode: workCenter.code,
      actor: person(row.classifiedById)?.name ?? null,
      ref: { type: "downtime", workCenterId: workCenter.id, stopStart: row.stopStart.toISOString() },
    }),
  );
  return { items, truncated: rows.length > WHY_LIMITS.reasons };
}
