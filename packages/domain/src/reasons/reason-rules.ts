import { LOSS_FACTOR, type ReasonDefinition, type TLossCategory } from "./default-reasons";

/**
 * What makes a plant's reason consistent with how the execution derivation counts it (see
 * execution/reason-lookup.ts and the rules in execution/derive-state-intervals.ts). A reason the
 * derivation would silently count differently from what the admin chose is refused here, so the
 * reason tree always says what OEE does.
 */

export const REASON_APPLIES_TO = ["DOWN", "IDLE", "PLANNED_STOP", "SCRAP"] as const;
export type TReasonAppliesTo = ReasonDefinition["appliesTo"];

/** Stop time can only be an availability loss or a minor stop (stopLossCategory ignores anything else). */
export const STOP_LOSS_CATEGORIES = ["EQUIPMENT_FAILURE", "SETUP_ADJUSTMENT", "MINOR_STOPS"] as const;
/** Scrap is a quality loss: a process defect or a start-up reject (scrapLossCategory). */
export const SCRAP_LOSS_CATEGORIES = ["PROCESS_DEFECTS", "STARTUP_REJECTS"] as const;

/**
 * Reasons the shift calendar books by itself: a break or planned maintenance in the calendar is
 * always planned time off, whatever the reason row says, so the row must say the same.
 */
export const CALENDAR_REASON_CODES = ["BREAK", "PLANNED_MAINTENANCE"] as const;

export const REASON_CODE_MAX_LENGTH = 40;
export const REASON_LABEL_MAX_LENGTH = 80;
export const CATEGORY_NAME_MAX_LENGTH = 60;

const CODE_PATTERN = /^[A-Z][A-Z0-9_]*$/;

export const LOSS_LABELS: Readonly<Record<TLossCategory, string>> = {
  EQUIPMENT_FAILURE: "Equipment failure",
  SETUP_ADJUSTMENT: "Setup and adjustment",
  MINOR_STOPS: "Idling and minor stops",
  REDUCED_SPEED: "Reduced speed",
  PROCESS_DEFECTS: "Process defects",
  STARTUP_REJECTS: "Start-up rejects",
};

export const APPLIES_TO_LABELS: Readonly<Record<TReasonAppliesTo, string>> = {
  DOWN: "Down (breakdown)",
  IDLE: "Idle (starved, blocked)",
  PLANNED_STOP: "Planned stop",
  SCRAP: "Scrapped parts",
};

export type TReasonRuleInput = {
  code: string;
  appliesTo: TReasonAppliesTo;
  lossCategory: TLossCategory | null;
  excludedFromPlannedTime: boolean;
};

export type TReasonIssue = {
  field: "code" | "appliesTo" | "lossCategory" | "excludedFromPlannedTime";
  message: string;
};

/** What an admin types ("tool wear", "tool-wear") as the code it becomes ("TOOL_WEAR"). */
export function normalizeReasonCode(raw: string): string {
  return raw
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, "_");
}

/** Why a (normalized) code cannot be a reason code, or null when it can. */
export function reasonCodeIssue(code: string): string | null {
  if (code.length < 2) return "Give the reason a code of at least 2 characters, e.g. TOOL_WEAR.";
  if (code.length > REASON_CODE_MAX_LENGTH) return `Keep the code to ${REASON_CODE_MAX_LENGTH} characters or fewer.`;
  if (!CODE_PATTERN.test(code)) {
    return "Use capital letters, digits and underscores only, starting with a letter (e.g. TOOL_WEAR).";
  }
  return null;
}

export function isCalendarReason(code: string): boolean {
  return (CALENDAR_REASON_CODES as readonly string[]).includes(code);
}

/** The big losses a reason that explains `appliesTo` may count against. */
export function allowedLossCategories(appliesTo: TReasonAppliesTo): readonly TLossCategory[] {
  return appliesTo === "SCRAP" ? SCRAP_LOSS_CATEGORIES : STOP_LOSS_CATEGORIES;
}

/** Every inconsistency of a reason's settings, each on the field to fix; empty when it is consistent. */
export function reasonRuleIssues(reason: TReasonRuleInput): TReasonIssue[] {
  const issues: TReasonIssue[] = [];
  const codeIssue = reasonCodeIssue(reason.code);
  if (codeIssue) issues.push({ field: "code", message: codeIssue });

  if (isCalendarReason(reason.code)) {
    if (reason.appliesTo !== "PLANNED_STOP") {
      issues.push({
        field: "appliesTo",
        message: `${reason.code} is booked by the shift calendar as a planned stop; it must stay a planned stop.`,
      });
    }
    if (!reason.excludedFromPlannedTime) {
      issues.push({
        field: "excludedFromPlannedTime",
        message: `${reason.code} is booked by the shift calendar, which always takes it out of planned production time.`,
      });
    }
  }

  if (reason.appliesTo === "SCRAP") {
    if (reason.excludedFromPlannedTime) {
      issues.push({
        field: "excludedFromPlannedTime",
        message: "Scrap is counted in parts, not time: it cannot be taken out of planned production time.",
      });
    }
    if (!isOneOf(reason.lossCategory, SCRAP_LOSS_CATEGORIES)) {
      issues.push({
        field: "lossCategory",
        message: "A scrap reason counts against a quality loss: process defects or start-up rejects.",
      });
    }
    return issues;
  }

  if (reason.excludedFromPlannedTime) {
    if (reason.lossCategory !== null) {
      issues.push({
        field: "lossCategory",
        message:
          "Time taken out of planned production time is not a loss: a reason excluded from planned time has no loss category.",
      });
    }
    return issues;
  }
  if (reason.lossCategory === null) {
    issues.push({
      field: "lossCategory",
      message: "Choose the loss this stop counts against, or mark it as planned time off.",
    });
  } else if (!isOneOf(reason.lossCategory, STOP_LOSS_CATEGORIES)) {
    issues.push({
      field: "lossCategory",
      message:
        LOSS_FACTOR[reason.lossCategory] === "quality"
          ? "Quality losses come from scrapped parts; a stop counts against equipment failure, setup and adjustment, or idling and minor stops."
          : "Reduced speed is measured from the counts against the ideal cycle time; a stop counts against equipment failure, setup and adjustment, or idling and minor stops.",
    });
  }
  return issues;
}

/** True when a change of these settings changes how past stops or scrap are counted. */
export function changesDerivation(before: TReasonRuleInput, after: TReasonRuleInput): boolean {
  return (
    before.appliesTo !== after.appliesTo ||
    before.lossCategory !== after.lossCategory ||
    before.excludedFromPlannedTime !== after.excludedFromPlannedTime
  );
}

/** One sentence on how a reason counts, for the tree and the audit log. */
export function describeReasonEffect(reason: Omit<TReasonRuleInput, "code">): string {
  if (reason.appliesTo !== "SCRAP" && reason.excludedFromPlannedTime) {
    return "Planned time off: not part of planned production time, not a loss";
  }
  if (reason.lossCategory === null) return "No loss category";
  return `${LOSS_LABELS[reason.lossCategory]} (${LOSS_FACTOR[reason.lossCategory]})`;
}

function isOneOf<T extends string>(value: string | null, options: readonly T[]): value is T {
  return value !== null && (options as readonly string[]).includes(value);
}
