import { DEFAULT_REASONS, type ReasonDefinition, type TLossCategory } from "../reasons/default-reasons";
import type { TStopState } from "./state-interval";

/** What the execution logic needs to know about a reason code. */
export type TReasonRule = Pick<ReasonDefinition, "appliesTo" | "lossCategory" | "excludedFromPlannedTime">;

/** Reason code → rule. A code missing here is still a reason (the stop is classified) with default losses. */
export type TReasonLookup = ReadonlyMap<string, TReasonRule>;

export const DEFAULT_REASON_LOOKUP: TReasonLookup = new Map(
  DEFAULT_REASONS.map((definition) => [definition.code, definition]),
);

/** The defaults overlaid with a tenant's own reasons (a tenant may redefine a default code). */
export function buildReasonLookup(tenantReasons: Iterable<TReasonRule & { code: string }>): TReasonLookup {
  const lookup = new Map<string, TReasonRule>(DEFAULT_REASON_LOOKUP);
  for (const { code, appliesTo, lossCategory, excludedFromPlannedTime } of tenantReasons) {
    lookup.set(code, { appliesTo, lossCategory, excludedFromPlannedTime });
  }
  return lookup;
}

/** The loss of a stop nobody gave a (usable) reason for: what the machine's own state implies. */
export const DEFAULT_STOP_LOSS: Readonly<Record<TStopState, TLossCategory>> = {
  DOWN: "EQUIPMENT_FAILURE",
  PLANNED_STOP: "SETUP_ADJUSTMENT",
  IDLE: "MINOR_STOPS",
};

/**
 * Stop time can only be an availability loss (failure, setup) or a minor stop. Reduced speed is
 * derived from counts and quality losses from scrap, so a reason pointing there — or at no loss —
 * cannot explain lost time: the state's default applies instead. This keeps every millisecond of a
 * stop in exactly one loss bucket, which the waterfall relies on.
 */
export function stopLossCategory(state: TStopState, category: TLossCategory | null | undefined): TLossCategory {
  if (category === "EQUIPMENT_FAILURE" || category === "SETUP_ADJUSTMENT" || category === "MINOR_STOPS") {
    return category;
  }
  return DEFAULT_STOP_LOSS[state];
}

/** Scrap counts as a process defect unless its reason says start-up reject. */
export function scrapLossCategory(rule: TReasonRule | undefined): "PROCESS_DEFECTS" | "STARTUP_REJECTS" {
  return rule?.lossCategory === "STARTUP_REJECTS" ? "STARTUP_REJECTS" : "PROCESS_DEFECTS";
}
