import { MS_PER_MINUTE } from "../calendar/zoned-time";
import type { TTaskPriority } from "../decisions/decision-kinds";
import { oeeRatios, sumOeeComponents, type TOeeComponents } from "../execution/oee";
import {
  HANDOVER_SUMMARY_VERSION,
  type THandoverDecision,
  type THandoverDowntime,
  type THandoverOee,
  type THandoverOrder,
  type THandoverSummary,
  type THandoverTask,
  type THandoverUnclassifiedDowntime,
} from "./handover-summary";

/** How many of each list a handover shows: one page, read in a minute at the shift change. */
export const HANDOVER_LIMITS = { downtimes: 5, tasks: 5, unclassified: 10, orders: 20, decisions: 20 } as const;

/** A shift instance; epoch milliseconds. */
export type THandoverShift = { key: string; name: string; start: number; end: number };

export type THandoverSources = {
  site: { id: string; name: string; timeZone: string };
  shift: THandoverShift;
  /** When the draft is made; the figures cover the shift up to min(now, shift end). */
  now: number;
  /** OEE components of each line over the shift (lines without planned time too). */
  lines: { lineId: string; code: string; name: string; components: TOeeComponents }[];
  /** Scheduled stop time inside the shift by work center and reason, minor stops left out. */
  downtimes: {
    workCenterId: string;
    workCenterCode: string;
    workCenterName: string;
    reasonCode: string | null;
    /** The reason's label from the plant's reason tree; null for an unknown code. */
    reasonLabel: string | null;
    unclassified: boolean;
    stopMs: number;
    stops: number;
  }[];
  /** Orders that ran at the site during the shift, with what was made in it. */
  orders: (Omit<THandoverOrder, "dueAt" | "producedGoodInShift"> & {
    dueAt: Date;
    producedGoodInShift: number;
    producedTotalInShift: number;
  })[];
  /** Every open task of the site (and plant-wide ones), in any order. */
  openTasks: (Omit<THandoverTask, "dueAt" | "overdue"> & { dueAt: Date | null; createdAt: Date })[];
  decisions: (Omit<THandoverDecision, "decidedAt"> & { decidedAt: Date })[];
  unclassified: (Omit<THandoverUnclassifiedDowntime, "since" | "minutes"> & { since: Date; stopMs: number })[];
};

const PRIORITY_RANK: Record<TTaskPriority, number> = { URGENT: 0, HIGH: 1, NORMAL: 2, LOW: 3 };

/**
 * The handover's figures from what the database holds for the shift. OEE is summed per line and
 * for the site from components ("add, then divide"), never averaged; the lists are ordered by
 * what the next shift must look at first and cut to HANDOVER_LIMITS.
 */
export function buildHandoverSummary(sources: THandoverSources): THandoverSummary {
  const { site, shift, now } = sources;
  const lines = [...sources.lines].sort((a, b) => a.code.localeCompare(b.code));
  const orders = sources.orders
    .filter((order) => order.producedTotalInShift > 0)
    .sort(
      (a, b) =>
        Number(b.late) - Number(a.late) ||
        Number(b.atRisk) - Number(a.atRisk) ||
        a.dueAt.getTime() - b.dueAt.getTime() ||
        a.externalId.localeCompare(b.externalId),
    )
    .slice(0, HANDOVER_LIMITS.orders);
  const tasks = [...sources.openTasks].sort(
    (a, b) =>
      PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
      (a.dueAt?.getTime() ?? Number.POSITIVE_INFINITY) - (b.dueAt?.getTime() ?? Number.POSITIVE_INFINITY) ||
      a.createdAt.getTime() - b.createdAt.getTime(),
  );
  const isOverdue = (task: { dueAt: Date | null }) => task.dueAt !== null && task.dueAt.getTime() < now;

  return {
    version: HANDOVER_SUMMARY_VERSION,
    site,
    shift: { key: shift.key, name: shift.name, start: iso(shift.start), end: iso(shift.end) },
    draftedAt: iso(now),
    coveredUntil: iso(Math.min(now, shift.end)),
    oee: {
      site: oeeFigures(sumOeeComponents(lines.map((line) => line.components))),
      lines: lines.map((line) => ({
        lineId: line.lineId,
        code: line.code,
        name: line.name,
        ...oeeFigures(line.components),
      })),
    },
    topDowntimes: topDowntimes(sources.downtimes),
    orders: orders.map(({ producedTotalInShift: _total, ...order }) => ({
      ...order,
      dueAt: order.dueAt.toISOString(),
    })),
    tasks: {
      openCount: tasks.length,
      urgentCount: tasks.filter((task) => task.priority === "URGENT").length,
      overdueCount: tasks.filter(isOverdue).length,
      top: tasks.slice(0, HANDOVER_LIMITS.tasks).map(({ createdAt: _created, ...task }) => ({
        ...task,
        dueAt: task.dueAt?.toISOString() ?? null,
        overdue: isOverdue(task),
      })),
    },
    decisions: [...sources.decisions]
      .sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime())
      .slice(-HANDOVER_LIMITS.decisions)
      .map((decision) => ({ ...decision, decidedAt: decision.decidedAt.toISOString() })),
    unclassifiedDowntimes: [...sources.unclassified]
      .sort((a, b) => b.stopMs - a.stopMs || a.since.getTime() - b.since.getTime())
      .slice(0, HANDOVER_LIMITS.unclassified)
      .map(({ stopMs, ...stop }) => ({ ...stop, since: stop.since.toISOString(), minutes: minutesOf(stopMs) })),
  };
}

/** A line's or the site's OEE and losses in minutes (ratios raw: the screen caps them for display). */
export function oeeFigures(components: TOeeComponents): THandoverOee {
  const { lossMs } = components;
  return {
    plannedMinutes: minutesOf(components.plannedMs),
    runMinutes: minutesOf(components.runMs),
    totalCount: components.totalCount,
    goodCount: components.goodCount,
    countWithoutIdealCycle: components.countWithoutIdealCycle,
    ...oeeRatios(components),
    lossMinutes: {
      EQUIPMENT_FAILURE: minutesOf(lossMs.EQUIPMENT_FAILURE),
      SETUP_ADJUSTMENT: minutesOf(lossMs.SETUP_ADJUSTMENT),
      UNKNOWN: minutesOf(components.unknownMs),
      MINOR_STOPS: minutesOf(lossMs.MINOR_STOPS),
      REDUCED_SPEED: minutesOf(lossMs.REDUCED_SPEED),
      PROCESS_DEFECTS: minutesOf(lossMs.PROCESS_DEFECTS),
      STARTUP_REJECTS: minutesOf(lossMs.STARTUP_REJECTS),
    },
  };
}

/** The longest downtimes of the shift, one row per work center and reason. */
function topDowntimes(rows: THandoverSources["downtimes"]): THandoverDowntime[] {
  return [...rows]
    .filter((row) => row.stopMs > 0)
    .sort((a, b) => b.stopMs - a.stopMs || a.workCenterCode.localeCompare(b.workCenterCode))
    .slice(0, HANDOVER_LIMITS.downtimes)
    .map((row) => ({
      workCenterId: row.workCenterId,
      workCenterCode: row.workCenterCode,
      workCenterName: row.workCenterName,
      reasonCode: row.unclassified ? null : row.reasonCode,
      reasonLabel: row.unclassified
        ? "Unclassified"
        : row.reasonCode
          ? (row.reasonLabel ?? row.reasonCode)
          : "No reason given",
      unclassified: row.unclassified,
      minutes: minutesOf(row.stopMs),
      count: row.stops,
    }));
}

/** Minutes to a tenth: enough for a report, and stable when a summary is drafted again. */
function minutesOf(ms: number): number {
  return Math.round((ms / MS_PER_MINUTE) * 10) / 10;
}

function iso(time: number): string {
  return new Date(time).toISOString();
}
