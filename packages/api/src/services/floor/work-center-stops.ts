import type { Tx } from "@gemba/db/tenant-scope";
import { MS_PER_DAY } from "@gemba/domain/calendar/zoned-time";
import { LONGEST_STORED_INTERVAL_MS } from "../execution/longest-stored-interval";

/** How far back the tablet lists stops waiting for a reason: the last day (three shifts). */
export const FLOOR_STOPS_LOOKBACK_MS = MS_PER_DAY;
const MAX_STOPS = 20;

export type TFloorStop = {
  /** The stop's key: classify it with (workCenterId, stopStart). */
  stopStart: Date;
  /** End of its latest piece (for an ongoing stop: as far as the timeline goes). */
  lastEnd: Date;
  /** DOWN or IDLE, as the machine reported it last. */
  state: string;
  /** Stop time, breaks and shift changes inside the stop left out. */
  durationMinutes: number;
  ongoing: boolean;
  /**
   * Someone already answered, and the worker has not re-derived the timeline yet (seconds,
   * usually): the tablet shows the answer instead of asking again.
   */
  answer: { reasonCode: string; reasonLabel: string; classifiedAt: Date } | null;
};

type TStopRow = Omit<TFloorStop, "durationMinutes" | "answer"> & {
  stopMs: number;
  answerCode: string | null;
  answerLabel: string | null;
  classifiedAt: Date | null;
};

/**
 * One work center's stops of the last day that wait for a reason, newest first. A stop's pieces
 * (cut by breaks, shift changes, refreshes) are put together by their stop start.
 */
export async function listStopsAwaitingReason(tx: Tx, workCenterId: string, now: number): Promise<TFloorStop[]> {
  const since = new Date(now - FLOOR_STOPS_LOOKBACK_MS);
  const rows = await tx.$queryRaw<TStopRow[]>`
    WITH touching AS (
      SELECT DISTINCT si."stopStart"
        FROM "StateInterval" si
       WHERE si."workCenterId" = ${workCenterId}::uuid AND si.unclassified AND si."stopStart" IS NOT NULL
         AND si.start >= ${new Date(since.getTime() - LONGEST_STORED_INTERVAL_MS)} AND si."end" > ${since}
    ), stops AS (
      SELECT t."stopStart", max(piece."end") AS "lastEnd",
             (array_agg(piece.state::text ORDER BY piece.start DESC))[1] AS state,
             sum(extract(epoch FROM piece."end" - piece.start) * 1000)::float8 AS "stopMs"
        FROM touching t
        JOIN "StateInterval" piece
          ON piece."workCenterId" = ${workCenterId}::uuid AND piece."stopStart" = t."stopStart"
         AND piece.start >= t."stopStart" AND piece.unclassified
       GROUP BY t."stopStart"
       ORDER BY t."stopStart" DESC
       LIMIT ${MAX_STOPS}
    )
    SELECT s."stopStart", s."lastEnd", s.state, s."stopMs",
           COALESCE(latest."stopStart" = s."stopStart", false) AS ongoing,
           answer."reasonCode" AS "answerCode", reason.label AS "answerLabel", answer."classifiedAt"
      FROM stops s
      LEFT JOIN LATERAL (
        SELECT last."stopStart" FROM "StateInterval" last
         WHERE last."workCenterId" = ${workCenterId}::uuid ORDER BY last.start DESC LIMIT 1
      ) latest ON true
      LEFT JOIN LATERAL (
        SELECT dc."reasonCode", dc."classifiedAt" FROM "DowntimeClassification" dc
         WHERE dc."workCenterId" = ${workCenterId}::uuid AND dc."stopStart" = s."stopStart"
         ORDER BY dc."classifiedAt" DESC LIMIT 1
      ) answer ON true
      LEFT JOIN "ReasonCode" reason ON reason.code = answer."reasonCode"
     ORDER BY s."stopStart" DESC`;
  return rows.map((row) => ({
    stopStart: row.stopStart,
    lastEnd: row.lastEnd,
    state: row.state,
    durationMinutes: Math.round(row.stopMs / 1000) / 60,
    ongoing: row.ongoing,
    answer:
      row.answerCode && row.classifiedAt
        ? { reasonCode: row.answerCode, reasonLabel: row.answerLabel ?? row.answerCode, classifiedAt: row.classifiedAt }
        : null,
  }));
}

/** Per work center: stops of the last day with no reason and no answer waiting to be applied. */
export async function countStopsAwaitingReason(
  tx: Tx,
  workCenterIds: readonly string[],
  now: number,
): Promise<Map<string, number>> {
  if (workCenterIds.length === 0) return new Map();
  const since = new Date(now - FLOOR_STOPS_LOOKBACK_MS);
  const rows = await tx.$queryRaw<{ workCenterId: string; stops: number }[]>`
    SELECT si."workCenterId", count(DISTINCT si."stopStart")::int AS stops
      FROM "StateInterval" si
     WHERE si.unclassified AND si."stopStart" IS NOT NULL
       AND si."workCenterId" = ANY(${[...workCenterIds]}::uuid[])
       AND si.start >= ${new Date(since.getTime() - LONGEST_STORED_INTERVAL_MS)} AND si."end" > ${since}
       AND NOT EXISTS (
         SELECT 1 FROM "DowntimeClassification" dc
          WHERE dc."workCenterId" = si."workCenterId" AND dc."stopStart" = si."stopStart"
       )
     GROUP BY si."workCenterId"`;
  return new Map(rows.map((row) => [row.workCenterId, row.stops]));
}
