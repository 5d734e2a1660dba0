import { z } from "zod";

/** Longest range a chart or list may span: a quarter, so a day chart stays readable and queries stay small. */
export const MAX_RANGE_DAYS = 92;
/** A work-center timeline draws every interval: a week at most. */
export const MAX_TIMELINE_DAYS = 7;

/**
 * Which work centers a query covers: one work center, a line, a site, or (nothing given) the whole
 * plant. Ids that do not belong to the caller's tenant are simply not found (row-level security).
 */
export const ZExecutionScope = z.object({
  siteId: z.uuid().optional(),
  lineId: z.uuid().optional(),
  workCenterId: z.uuid().optional(),
});
export type TExecutionScopeInput = z.infer<typeof ZExecutionScope>;

/**
 * Local dates of the site ("2026-03-08"), both included. Left out: `to` is today at the site and
 * `from` a week before it.
 */
export const ZLocalDateRange = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type TLocalDateRangeInput = z.infer<typeof ZLocalDateRange>;

/** Instants with an offset ("2026-03-08T06:00:00-06:00" or "…Z"), end exclusive. */
export const ZInstantRange = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

type TRangeFields = { from?: string; to?: string };
const MS_PER_DAY = 86_400_000;

/**
 * The same check as the services make after filling in defaults, reported on the field when both
 * ends are given. `dates`: `to` is the last day included; `instants`: `to` is the exclusive end.
 */
export function withRangeCheck<T extends z.ZodType<TRangeFields>>(
  schema: T,
  kind: "dates" | "instants",
  maxDays: number,
): T {
  return schema.superRefine((value, ctx) => {
    if (!value.from || !value.to) return;
    const endMs = Date.parse(value.to) + (kind === "dates" ? MS_PER_DAY : 0);
    const problem = describeRangeProblem(Date.parse(value.from), endMs, maxDays);
    if (problem) ctx.addIssue({ code: "custom", path: ["to"], message: problem });
  });
}

/** Why [fromMs, endMs) cannot be shown, or null. */
export function describeRangeProblem(fromMs: number, endMs: number, maxDays: number): string | null {
  if (endMs <= fromMs) return "The end of the range must come after its start.";
  const days = Math.ceil((endMs - fromMs) / MS_PER_DAY);
  if (days > maxDays) {
    return `Pick at most ${maxDays} days (this range spans ${days}); export longer periods in several parts.`;
  }
  return null;
}
