import { MS_PER_MINUTE } from "@gemba/domain/calendar/zoned-time";
import { emptyOeeComponents, oeeRatios, sumOeeComponents, type TOeeComponents } from "@gemba/domain/execution/oee";
import { Prisma } from "../generated/prisma/client";

/** The additive columns of WorkCenterBucket, as summed by BUCKET_SUMS. */
export type TBucketSums = {
  plannedMs: number;
  runMs: number;
  equipmentFailureMs: number;
  setupAdjustmentMs: number;
  minorStopsMs: number;
  processDefectsMs: number;
  startupRejectsMs: number;
  unknownMs: number;
  unscheduledRunMs: number;
  totalCount: number;
  goodCount: number;
  unscheduledCount: number;
  idealMs: number;
  countWithoutIdealCycle: number;
};

const SUMMED_COLUMNS: readonly (keyof TBucketSums)[] = [
  "plannedMs",
  "runMs",
  "equipmentFailureMs",
  "setupAdjustmentMs",
  "minorStopsMs",
  "processDefectsMs",
  "startupRejectsMs",
  "unknownMs",
  "unscheduledRunMs",
  "totalCount",
  "goodCount",
  "unscheduledCount",
  "idealMs",
  "countWithoutIdealCycle",
];

/**
 * `sum(b."<column>") AS "<column>"` for every additive column of a bucket aliased `b`. float8, not
 * the bigint Postgres gives for sums of int4: whole numbers stay exact up to 2^53 (a century of
 * milliseconds), and they arrive as plain numbers. The unfloored reduced-speed column is left out:
 * it is derived again from the sums (run − ideal − minor stops), as sumOeeComponents does.
 */
export const BUCKET_SUMS = Prisma.raw(
  SUMMED_COLUMNS.map((column) => `COALESCE(sum(b."${column}"), 0)::float8 AS "${column}"`).join(", "),
);

/** Summed bucket columns as OEE components (scrap per reason is not summed here). */
export function componentsFromSums(sums: TBucketSums | undefined): TOeeComponents {
  const components = emptyOeeComponents();
  if (!sums) return components;
  return sumOeeComponents([
    {
      ...components,
      plannedMs: sums.plannedMs,
      runMs: sums.runMs,
      lossMs: {
        EQUIPMENT_FAILURE: sums.equipmentFailureMs,
        SETUP_ADJUSTMENT: sums.setupAdjustmentMs,
        MINOR_STOPS: sums.minorStopsMs,
        REDUCED_SPEED: 0,
        PROCESS_DEFECTS: sums.processDefectsMs,
        STARTUP_REJECTS: sums.startupRejectsMs,
      },
      unknownMs: sums.unknownMs,
      unscheduledRunMs: sums.unscheduledRunMs,
      totalCount: sums.totalCount,
      goodCount: sums.goodCount,
      unscheduledCount: sums.unscheduledCount,
      idealMs: sums.idealMs,
      countWithoutIdealCycle: sums.countWithoutIdealCycle,
    },
  ]);
}

/** What a chart point or a tile shows of a range: sums, then the ratios (raw: the UI caps for display). */
export type TOeeSummary = {
  plannedMinutes: number;
  runMinutes: number;
  /** Σ ideal cycle × total count: the time the counted units need at the ideal pace. */
  idealMinutes: number;
  totalCount: number;
  goodCount: number;
  /** Units counted without a known ideal cycle: performance is understated by them. */
  countWithoutIdealCycle: number;
  availability: number | null;
  performance: number | null;
  quality: number | null;
  oee: number | null;
};

export function summarizeOee(components: TOeeComponents): TOeeSummary {
  return {
    plannedMinutes: components.plannedMs / MS_PER_MINUTE,
    runMinutes: components.runMs / MS_PER_MINUTE,
    idealMinutes: components.idealMs / MS_PER_MINUTE,
    totalCount: components.totalCount,
    goodCount: components.goodCount,
    countWithoutIdealCycle: components.countWithoutIdealCycle,
    ...oeeRatios(components),
  };
}
