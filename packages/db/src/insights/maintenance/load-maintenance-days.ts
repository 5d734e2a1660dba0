import {
  addDays,
  formatLocalDate,
  type LocalDate,
  MS_PER_DAY,
  startOfLocalDay,
  utcToZoned,
} from "@gemba/domain/calendar/zoned-time";
import type { TWorkCenterDay } from "@gemba/domain/insights/maintenance/maintenance-features";
import type { Tx } from "../../tenant-scope";
import { LONGEST_STORED_INTERVAL_MS } from "../bottleneck/load-line-timelines";

export type TMaintenanceWorkCenter = { id: string; code: string; lineId: string; timeZone: string };
export type TMaintenanceDay = TWorkCenterDay & { dayStart: number; localDate: string };

/** Days since 1970-01-01 of a local date: consecutive integers per calendar day, whatever the zone. */
export function dayIndexOf(instant: number, timeZone: string): number {
  const local = utcToZoned(instant, timeZone);
  return Math.round(Date.UTC(local.year, local.month - 1, local.day) / MS_PER_DAY);
}

export async function loadMaintenanceWorkCenters(tx: Tx): Promise<TMaintenanceWorkCenter[]> {
  const rows = await tx.workCenter.findMany({
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      lineId: true,
      line: { select: { area: { select: { site: { select: { timeZone: true } } } } } },
    },
  });
  return rows.map(({ line, ...wc }) => ({ ...wc, timeZone: line.area.site.timeZone }));
}

/**
 * Every local day of [firstDay, lastDay] per work center, zeros included: breakdowns (DOWN stops
 * with an equipment-failure loss, past the minor-stop threshold), micro-stops, and the telemetry
 * as the average of its tags' daily means relative to each tag's own median (%). Relative, because
 * one model serves presses in bar and mills in % load; a day without telemetry (no running) keeps
 * the last known reading, since the sensor's state did not change while the machine stood.
 */
export async function loadMaintenanceDays(
  tx: Tx,
  workCenter: TMaintenanceWorkCenter,
  range: { firstDayStart: number; lastDayStart: number },
): Promise<TMaintenanceDay[]> {
  const { timeZone } = workCenter;
  const from = range.firstDayStart;
  const to = startOfLocalDay(addDays(utcToZoned(range.lastDayStart, timeZone), 1), timeZone).getTime();
  const stops = await tx.stateInterval.findMany({
    where: {
      workCenterId: workCenter.id,
      start: { lt: new Date(to), gte: new Date(from - LONGEST_STORED_INTERVAL_MS) },
      stopStart: { gte: new Date(from), lt: new Date(to) },
      OR: [{ microStop: true }, { state: "DOWN", lossCategory: "EQUIPMENT_FAILURE" }],
    },
    select: { stopStart: true, microStop: true },
  });
  const failures = new Map<number, Set<number>>();
  const microStops = new Map<number, Set<number>>();
  for (const stop of stops) {
    const at = stop.stopStart?.getTime() ?? 0;
    const table = stop.microStop ? microStops : failures;
    const day = dayIndexOf(at, timeZone);
    table.set(day, (table.get(day) ?? new Set()).add(at));
  }
  const telemetry = await loadRelativeTelemetry(tx, workCenter, from, to);
  const days: TMaintenanceDay[] = [];
  let lastTelemetry: { mean: number; max: number } | null = null;
  for (let local: LocalDate = utcToZoned(from, timeZone); ; local = addDays(local, 1)) {
    const dayStart = startOfLocalDay(local, timeZone).getTime();
    if (dayStart > range.lastDayStart) break;
    const dayIndex = dayIndexOf(dayStart, timeZone);
    lastTelemetry = telemetry.get(dayIndex) ?? lastTelemetry;
    days.push({
      workCenterId: workCenter.id,
      workCenterLabel: workCenter.code,
      dayIndex,
      dayStart,
      localDate: formatLocalDate(local),
      failures: failures.get(dayIndex)?.size ?? 0,
      microStops: microStops.get(dayIndex)?.size ?? 0,
      telemetry: lastTelemetry,
    });
  }
  return days;
}

type TTelemetryRow = { day: string; tag: string; mean: number; max: number };

async function loadRelativeTelemetry(tx: Tx, workCenter: TMaintenanceWorkCenter, from: number, to: number) {
  const rows = await tx.$queryRaw<TTelemetryRow[]>`
    SELECT (("eventTime" AT TIME ZONE ${workCenter.timeZone})::date)::text AS day,
           payload->>'tag' AS tag,
           avg((payload->>'value')::float8) AS mean,
           max((payload->>'value')::float8) AS max
      FROM "Event"
     WHERE "workCenterId" = ${workCenter.id}::uuid AND kind = 'telemetry'
       AND "eventTime" >= ${new Date(from)} AND "eventTime" < ${new Date(to)}
       AND jsonb_typeof(payload->'value') = 'number'
     GROUP BY 1, 2`;
  const medians = new Map<string, number>();
  for (const tag of new Set(rows.map((row) => row.tag))) {
    const means = rows
      .filter((row) => row.tag === tag)
      .map((row) => row.mean)
      .sort((a, b) => a - b);
    medians.set(tag, means[Math.floor(means.length / 2)] ?? 0);
  }
  const byDay = new Map<number, { means: number[]; maxima: number[] }>();
  for (const row of rows) {
    const median = medians.get(row.tag) ?? 0;
    if (median === 0) continue;
    const dayIndex = Math.round(Date.parse(`${row.day}T00:00:00Z`) / MS_PER_DAY);
    const entry = byDay.get(dayIndex) ?? { means: [], maxima: [] };
    entry.means.push((row.mean / median - 1) * 100);
    entry.maxima.push((row.max / median - 1) * 100);
    byDay.set(dayIndex, entry);
  }
  return new Map(
    [...byDay].map(([dayIndex, { means, maxima }]) => [
      dayIndex,
      { mean: means.reduce((sum, value) => sum + value, 0) / means.length, max: Math.max(...maxima) },
    ]),
  );
}
