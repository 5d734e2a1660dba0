import type { TBottleneckInterval, TWorkCenterTimeline } from "@gemba/domain/insights/bottleneck/active-periods";
import type { Tx } from "../../tenant-scope";

/**
 * No stored interval is longer than a day (the refresh cuts them at UTC midnights), so a lower
 * bound on `start` lets range queries use the (work center, start) key.
 */
export const LONGEST_STORED_INTERVAL_MS = 86_400_000;

export type TDetectorWorkCenter = { id: string; code: string; name: string; sequence: number; lineId: string };
export type TDetectorLine = {
  id: string;
  code: string;
  name: string;
  timeZone: string;
  /** In material-flow order. */
  workCenters: TDetectorWorkCenter[];
};

/** The tenant's lines with their work centers and site time zone; `lineIds` null: every line. */
export async function loadDetectorLines(tx: Tx, lineIds: readonly string[] | null): Promise<TDetectorLine[]> {
  const lines = await tx.line.findMany({
    where: lineIds === null ? {} : { id: { in: [...lineIds] } },
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      area: { select: { site: { select: { timeZone: true } } } },
      workCenters: {
        orderBy: [{ sequence: "asc" }, { code: "asc" }],
        select: { id: true, code: true, name: true, sequence: true, lineId: true },
      },
    },
  });
  return lines.map(({ area, ...line }) => ({ ...line, timeZone: area.site.timeZone }));
}

/** The lines a detector pass should look at: all, or those holding a just-changed work center. */
export async function linesOfRun(tx: Tx, workCenterIds: readonly string[] | null): Promise<TDetectorLine[]> {
  if (workCenterIds === null) return loadDetectorLines(tx, null);
  const rows = await tx.workCenter.findMany({ where: { id: { in: [...workCenterIds] } }, select: { lineId: true } });
  return loadDetectorLines(tx, [...new Set(rows.map((row) => row.lineId))]);
}

/** Each work center's stored state intervals overlapping [from, to), as the bottleneck detectors read them. */
export async function loadTimelines(
  tx: Tx,
  workCenterIds: readonly string[],
  from: number,
  to: number,
): Promise<TWorkCenterTimeline[]> {
  const rows = await tx.stateInterval.findMany({
    where: {
      workCenterId: { in: [...workCenterIds] },
      start: { lt: new Date(to), gte: new Date(from - LONGEST_STORED_INTERVAL_MS) },
      end: { gt: new Date(from) },
    },
    orderBy: [{ workCenterId: "asc" }, { start: "asc" }],
    select: { workCenterId: true, start: true, end: true, state: true, reasonCode: true },
  });
  const byWorkCenter = new Map<string, TBottleneckInterval[]>(workCenterIds.map((id) => [id, []]));
  for (const row of rows) {
    byWorkCenter.get(row.workCenterId)?.push({
      state: row.state,
      start: row.start.getTime(),
      end: row.end.getTime(),
      reasonCode: row.reasonCode,
    });
  }
  return [...byWorkCenter].map(([workCenterId, intervals]) => ({ workCenterId, intervals }));
}
