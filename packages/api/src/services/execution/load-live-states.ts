import type { Tx } from "@gemba/db/tenant-scope";

export type TLiveState = {
  state: string;
  /** When this state began: the stop's start, else where the run of identical intervals began. */
  since: Date;
  /** How far the timeline goes: the worker's last refresh of this work center. */
  asOf: Date;
  reasonCode: string | null;
  reasonLabel: string | null;
  unclassified: boolean;
  scheduled: boolean;
};

type TRow = Omit<TLiveState, "since" | "reasonLabel"> & {
  workCenterId: string;
  start: Date;
  stopStart: Date | null;
  sameSince: Date | null;
};

/**
 * The latest stored interval of every work center, one index probe each (a LATERAL "latest row"
 * rather than DISTINCT ON over the whole interval table). Stored intervals are cut at shift changes
 * and at the edges of each refresh, so `since` for a state that is not a stop looks back to the
 * last interval that differs.
 */
export async function loadLiveStates(tx: Tx, workCenterIds: readonly string[]): Promise<Map<string, TLiveState>> {
  if (workCenterIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<TRow[]>`
    SELECT wc.id AS "workCenterId", latest.state::text AS state, latest.start, latest."end" AS "asOf",
           latest."reasonCode", latest.unclassified, latest.scheduled, latest."stopStart",
           (SELECT before."end" FROM "StateInterval" before
             WHERE before."workCenterId" = wc.id AND before.start < latest.start
               AND (before.state, before."reasonCode", before."stopStart")
                   IS DISTINCT FROM (latest.state, latest."reasonCode", latest."stopStart")
             ORDER BY before.start DESC LIMIT 1) AS "sameSince"
      FROM unnest(${[...workCenterIds]}::uuid[]) AS wc(id)
     CROSS JOIN LATERAL (
       SELECT si.state, si.start, si."end", si."reasonCode", si.unclassified, si.scheduled, si."stopStart"
         FROM "StateInterval" si WHERE si."workCenterId" = wc.id ORDER BY si.start DESC LIMIT 1
     ) latest`;
  const codes = [...new Set(rows.flatMap((row) => (row.reasonCode ? [row.reasonCode] : [])))];
  const reasons = codes.length
    ? await tx.reasonCode.findMany({ where: { code: { in: codes } }, select: { code: true, label: true } })
    : [];
  const labels = new Map(reasons.map((reason) => [reason.code, reason.label]));
  return new Map(
    rows.map((row) => [
      row.workCenterId,
      {
        state: row.state,
        since: row.stopStart ?? row.sameSince ?? row.start,
        asOf: row.asOf,
        reasonCode: row.reasonCode,
        reasonLabel: row.reasonCode ? (labels.get(row.reasonCode) ?? row.reasonCode) : null,
        unclassified: row.unclassified,
        scheduled: row.scheduled,
      },
    ]),
  );
}
