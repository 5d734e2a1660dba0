import type { Tx } from "@gemba/db/tenant-scope";
import { MS_PER_MINUTE } from "@gemba/domain/calendar/zoned-time";
import { z } from "zod";
import { MAX_RANGE_DAYS, withRangeCheck, ZExecutionScope, ZLocalDateRange } from "./execution-inputs";
import { primaryTimeZone, resolveExecutionScope } from "./resolve-execution-scope";
import { resolveLocalDateRange, utcBoundsOf } from "./resolve-local-date-range";

export const ZUnclassifiedDowntimesInput = withRangeCheck(
  z.object({
    ...ZExecutionScope.shape,
    ...ZLocalDateRange.shape,
    limit: z.number().int().min(1).max(200).default(20),
  }),
  "dates",
  MAX_RANGE_DAYS,
);
export type TUnclassifiedDowntimesInput = z.infer<typeof ZUnclassifiedDowntimesInput>;

export type TUnclassifiedDowntime = {
  workCenterId: string;
  workCenterCode: string;
  workCenterName: string;
  lineName: string;
  /** The stop's key: classify it with (workCenterId, stopStart). */
  stopStart: Date;
  /** End of its latest piece (for an ongoing stop: as far as the timeline goes). */
  lastEnd: Date;
  /** DOWN or IDLE, as the machine reported it last. */
  state: string;
  /** Stop time, breaks and shift changes inside the stop left out. */
  durationMinutes: number;
  /** The work center is still in this stop. */
  ongoing: boolean;
};

type TRow = Omit<TUnclassifiedDowntime, "durationMinutes"> & { stopMs: number };

/**
 * The longest stops still waiting for a reason with time in the range, longest first. A stop's
 * pieces (cut by breaks, shift changes, re-derivations) are put together by work center and stop
 * start, and its whole length counts, also the part outside the range.
 */
export async function listUnclassifiedDowntimes(
  tx: Tx,
  input: TUnclassifiedDowntimesInput,
  now = Date.now(),
): Promise<TUnclassifiedDowntime[]> {
  const scope = await resolveExecutionScope(tx, input);
  const range = resolveLocalDateRange(input, primaryTimeZone(scope), now);
  const found: TRow[] = [];
  for (const site of scope.sites) {
    const bounds = utcBoundsOf(range, site.timeZone);
    const rows = await tx.$queryRaw<TRow[]>`
      WITH touching AS (
        SELECT DISTINCT si."workCenterId", si."stopStart"
          FROM "StateInterval" si
         WHERE si.unclassified AND si."workCenterId" = ANY(${site.workCenterIds}::uuid[])
           AND si.start < ${new Date(bounds.to)} AND si."end" > ${new Date(bounds.from)}
      ), stops AS (
        SELECT t."workCenterId", t."stopStart", max(piece."end") AS "lastEnd",
               (array_agg(piece.state::text ORDER BY piece.start DESC))[1] AS state,
               sum(extract(epoch FROM piece."end" - piece.start) * 1000)::float8 AS "stopMs"
          FROM touching t
          JOIN "StateInterval" piece
            ON piece."workCenterId" = t."workCenterId" AND piece."stopStart" = t."stopStart"
           AND piece.start >= t."stopStart" AND piece.unclassified
         GROUP BY t."workCenterId", t."stopStart"
         ORDER BY "stopMs" DESC, t."stopStart"
         LIMIT ${input.limit}
      )
      SELECT s."workCenterId", wc.code AS "workCenterCode", wc.name AS "workCenterName", l.name AS "lineName",
             s."stopStart", s."lastEnd", s.state, s."stopMs",
             COALESCE(latest."stopStart" = s."stopStart", false) AS ongoing
        FROM stops s
        JOIN "WorkCenter" wc ON wc.id = s."workCenterId"
        JOIN "Line" l ON l.id = wc."lineId"
        CROSS JOIN LATERAL (
          SELECT last."stopStart" FROM "StateInterval" last
           WHERE last."workCenterId" = s."workCenterId" ORDER BY last.start DESC LIMIT 1
        ) latest`;
    found.push(...rows);
  }
  return found
    .sort((a, b) => b.stopMs - a.stopMs || a.stopStart.getTime() - b.stopStart.getTime())
    .slice(0, input.limit)
    .map(({ stopMs, ...row }) => ({ ...row, durationMinutes: Math.round(stopMs) / MS_PER_MINUTE }));
}
