import type { Tx } from "@gemba/db/tenant-scope";
import { sumOeeComponents } from "@gemba/domain/execution/oee";
import { sixBigLossesWaterfall, type TWaterfallStep } from "@gemba/domain/execution/six-big-losses-waterfall";
import { z } from "zod";
import { BUCKET_SUMS, componentsFromSums, summarizeOee, type TBucketSums, type TOeeSummary } from "./bucket-sums";
import { MAX_RANGE_DAYS, withRangeCheck, ZExecutionScope, ZLocalDateRange } from "./execution-inputs";
import { getDowntimePareto, type TParetoBar } from "./get-downtime-pareto";
import { primaryTimeZone, resolveExecutionScope } from "./resolve-execution-scope";
import { resolveLocalDateRange, utcBoundsOf } from "./resolve-local-date-range";

export const ZLossesInput = withRangeCheck(
  z.object({ ...ZExecutionScope.shape, ...ZLocalDateRange.shape }),
  "dates",
  MAX_RANGE_DAYS,
);
export type TLossesInput = z.infer<typeof ZLossesInput>;

export type TLosses = {
  from: string;
  to: string;
  summary: TOeeSummary;
  /** Planned production time down to fully productive time, in minutes. */
  waterfall: TWaterfallStep[];
  pareto: TParetoBar[];
};

/** Where the planned time went: the six big losses over the range, and downtime by reason. */
export async function getLosses(tx: Tx, input: TLossesInput, now = Date.now()): Promise<TLosses> {
  const scope = await resolveExecutionScope(tx, input);
  const range = resolveLocalDateRange(input, primaryTimeZone(scope), now);
  const perSite = [];
  for (const site of scope.sites) {
    const bounds = utcBoundsOf(range, site.timeZone);
    const [sums] = await tx.$queryRaw<TBucketSums[]>`
      SELECT ${BUCKET_SUMS}
        FROM "WorkCenterBucket" b
       WHERE b."workCenterId" = ANY(${site.workCenterIds}::uuid[])
         AND b."bucketStart" >= ${new Date(bounds.from)} AND b."bucketStart" < ${new Date(bounds.to)}`;
    perSite.push(componentsFromSums(sums));
  }
  const components = sumOeeComponents(perSite);
  return {
    from: range.from,
    to: range.to,
    summary: summarizeOee(components),
    waterfall: sixBigLossesWaterfall(components),
    pareto: await getDowntimePareto(tx, scope.sites, range),
  };
}
