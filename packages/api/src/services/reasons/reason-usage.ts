import type { Tx } from "@gemba/db/tenant-scope";
import { BUCKET_MS } from "@gemba/domain/execution/buckets";
import type { TRefreshSpan } from "./settings-actor";

/**
 * Where a reason code has been counted, per work center: the stored state intervals carrying it
 * (stops, classified or reported with it) and the 15-minute buckets whose scrap it explains.
 * Re-deriving exactly these spans moves their time or scrap to the reason's new loss; nothing
 * else in the timeline depends on the reason. Runs under the tenant's row-level security.
 */
export async function findReasonUsage(tx: Tx, code: string): Promise<TRefreshSpan[]> {
  const intervals = await tx.$queryRaw<{ workCenterId: string; from: Date; to: Date }[]>`
    SELECT "workCenterId", min(start) AS "from", max("end") AS "to"
      FROM "StateInterval" WHERE "reasonCode" = ${code}
     GROUP BY "workCenterId"`;
  // Scrap never shows on the timeline: its loss is split per bucket from scrapByReason.
  const scrap = await tx.$queryRaw<{ workCenterId: string; from: Date; to: Date }[]>`
    SELECT "workCenterId", min("bucketStart") AS "from", max("bucketStart") AS "to"
      FROM "WorkCenterBucket" WHERE ("scrapByReason" -> ${code}) IS NOT NULL
     GROUP BY "workCenterId"`;

  const spans = new Map<string, TRefreshSpan>();
  const widen = (workCenterId: string, from: number, to: number) => {
    const known = spans.get(workCenterId);
    spans.set(workCenterId, {
      workCenterId,
      from: Math.min(from, known?.from ?? from),
      to: Math.max(to, known?.to ?? to),
    });
  };
  for (const row of intervals) widen(row.workCenterId, row.from.getTime(), row.to.getTime());
  for (const row of scrap) widen(row.workCenterId, row.from.getTime(), row.to.getTime() + BUCKET_MS);
  return [...spans.values()].sort((a, b) => a.workCenterId.localeCompare(b.workCenterId));
}
