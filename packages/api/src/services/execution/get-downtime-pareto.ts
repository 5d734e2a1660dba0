import type { Tx } from "@gemba/db/tenant-scope";
import { MS_PER_MINUTE } from "@gemba/domain/calendar/zoned-time";
import { LONGEST_STORED_INTERVAL_MS } from "./longest-stored-interval";
import type { TScopeSite } from "./resolve-execution-scope";
import { type TLocalDateRange, utcBoundsOf } from "./resolve-local-date-range";

export type TParetoBar = {
  /** The reason code, "UNCLASSIFIED" for stops waiting for a reason, "NO_REASON" for others without one. */
  key: string;
  reasonCode: string | null;
  label: string;
  /** The reason's category in the plant's reason tree; null for unknown codes and the two special bars. */
  category: string | null;
  unclassified: boolean;
  minutes: number;
  /** Distinct stops (work center + stop start) with time in the range. */
  occurrences: number;
  /** Of all Pareto minutes, 0..1, and the running total in bar order (the Pareto line). */
  share: number;
  cumulativeShare: number;
};

type TParetoRow = { reasonCode: string | null; unclassified: boolean; stopMs: number; occurrences: number };

/**
 * Downtime by reason: scheduled stop time (DOWN, IDLE, PLANNED_STOP inside planned production time)
 * without minor stops, which are a performance loss and would drown the bars. Stops nobody has
 * classified yet are one bar of their own. Minutes are the parts inside the range; a stop cut by a
 * break or a shift change is still one occurrence.
 */
export async function getDowntimePareto(
  tx: Tx,
  sites: readonly TScopeSite[],
  range: Pick<TLocalDateRange, "from" | "to">,
): Promise<TParetoBar[]> {
  const bars = new Map<string, Omit<TParetoBar, "label" | "category" | "share" | "cumulativeShare">>();
  for (const site of sites) {
    const bounds = utcBoundsOf(range, site.timeZone);
    const from = new Date(bounds.from);
    const to = new Date(bounds.to);
    const rows = await tx.$queryRaw<TParetoRow[]>`
      SELECT si."reasonCode", si.unclassified,
             sum(extract(epoch FROM least(si."end", ${to}) - greatest(si.start, ${from})) * 1000)::float8 AS "stopMs",
             count(DISTINCT (si."workCenterId", si."stopStart"))::int AS occurrences
        FROM "StateInterval" si
       WHERE si."workCenterId" = ANY(${site.workCenterIds}::uuid[])
         AND si.start < ${to} AND si."end" > ${from} AND si.start >= ${new Date(from.getTime() - LONGEST_STORED_INTERVAL_MS)}
         AND si.scheduled AND NOT si."microStop" AND si.state IN ('DOWN', 'IDLE', 'PLANNED_STOP')
       GROUP BY si."reasonCode", si.unclassified`;
    for (const row of rows) {
      const key = row.unclassified ? "UNCLASSIFIED" : (row.reasonCode ?? "NO_REASON");
      const bar = bars.get(key) ?? {
        key,
        reasonCode: row.unclassified ? null : row.reasonCode,
        unclassified: row.unclassified,
        minutes: 0,
        occurrences: 0,
      };
      bar.minutes += Math.round(row.stopMs) / MS_PER_MINUTE;
      bar.occurrences += row.occurrences;
      bars.set(key, bar);
    }
  }

  const codes = [...bars.values()].flatMap((bar) => (bar.reasonCode ? [bar.reasonCode] : []));
  const reasons = await tx.reasonCode.findMany({
    where: { code: { in: codes } },
    select: { code: true, label: true, category: { select: { name: true } } },
  });
  const reasonByCode = new Map(reasons.map((reason) => [reason.code, reason]));
  const total = [...bars.values()].reduce((sum, bar) => sum + bar.minutes, 0);
  let running = 0;
  return [...bars.values()]
    .sort((a, b) => b.minutes - a.minutes || a.key.localeCompare(b.key))
    .map((bar) => {
      running += bar.minutes;
      const reason = bar.reasonCode ? reasonByCode.get(bar.reasonCode) : undefined;
      return {
        ...bar,
        label: bar.unclassified
          ? "Unclassified"
          : bar.reasonCode
            ? (reason?.label ?? bar.reasonCode)
            : "No reason given",
        category: reason?.category.name ?? null,
        share: total > 0 ? bar.minutes / total : 0,
        cumulativeShare: total > 0 ? running / total : 0,
      };
    });
}
