import { z } from "zod";

/** The six big losses, grouped by the OEE factor they reduce. */
export const LOSS_CATEGORIES = [
  "EQUIPMENT_FAILURE",
  "SETUP_ADJUSTMENT",
  "MINOR_STOPS",
  "REDUCED_SPEED",
  "PROCESS_DEFECTS",
  "STARTUP_REJECTS",
] as const;
export const ZLossCategory = z.enum(LOSS_CATEGORIES);
export type TLossCategory = z.infer<typeof ZLossCategory>;

export const LOSS_FACTOR: Record<TLossCategory, "availability" | "performance" | "quality"> = {
  EQUIPMENT_FAILURE: "availability",
  SETUP_ADJUSTMENT: "availability",
  MINOR_STOPS: "performance",
  REDUCED_SPEED: "performance",
  PROCESS_DEFECTS: "quality",
  STARTUP_REJECTS: "quality",
};

export const DEFAULT_REASON_CODES = [
  "FAIL_MECH",
  "FAIL_ELEC",
  "FAIL_HYD",
  "JAM",
  "TOOL_BREAK",
  "CHANGEOVER",
  "MICRO_STOP",
  "MATERIAL_STARVED",
  "BLOCKED_DOWNSTREAM",
  "DIMENSION",
  "SURFACE",
  "STARTUP_REJECT",
  "BREAK",
  "PLANNED_MAINTENANCE",
  "NO_SHIFT",
  "NO_ORDER",
] as const;
export const ZReasonCode = z.enum(DEFAULT_REASON_CODES);
export type TReasonCode = z.infer<typeof ZReasonCode>;

export type ReasonDefinition = {
  code: TReasonCode;
  label: string;
  /** What the reason explains: a stop (with the state a machine reports for it) or scrapped parts. */
  appliesTo: "DOWN" | "IDLE" | "PLANNED_STOP" | "SCRAP";
  /** The big loss it counts against; null when it is not a loss of the machine. */
  lossCategory: TLossCategory | null;
  /**
   * Planned time off production (breaks, planned maintenance, no shift, no work scheduled) is
   * taken out of planned production time instead of counting as a loss. A changeover is a
   * planned stop too, but it stays in planned production time: it is the setup loss.
   */
  excludedFromPlannedTime: boolean;
};

export const DEFAULT_REASONS: readonly ReasonDefinition[] = [
  reason("FAIL_MECH", "Mechanical failure", "DOWN", "EQUIPMENT_FAILURE"),
  reason("FAIL_ELEC", "Electrical failure", "DOWN", "EQUIPMENT_FAILURE"),
  reason("FAIL_HYD", "Hydraulic failure", "DOWN", "EQUIPMENT_FAILURE"),
  reason("JAM", "Part jam", "DOWN", "EQUIPMENT_FAILURE"),
  reason("TOOL_BREAK", "Tool breakage", "DOWN", "EQUIPMENT_FAILURE"),
  reason("CHANGEOVER", "Changeover / setup", "PLANNED_STOP", "SETUP_ADJUSTMENT"),
  reason("MICRO_STOP", "Micro stop", "IDLE", "MINOR_STOPS"),
  reason("MATERIAL_STARVED", "Starved of material", "IDLE", "MINOR_STOPS"),
  reason("BLOCKED_DOWNSTREAM", "Blocked by downstream", "IDLE", "MINOR_STOPS"),
  reason("DIMENSION", "Out of dimensional tolerance", "SCRAP", "PROCESS_DEFECTS"),
  reason("SURFACE", "Surface defect", "SCRAP", "PROCESS_DEFECTS"),
  reason("STARTUP_REJECT", "Start-up reject", "SCRAP", "STARTUP_REJECTS"),
  { ...reason("BREAK", "Scheduled break", "PLANNED_STOP", null), excludedFromPlannedTime: true },
  { ...reason("PLANNED_MAINTENANCE", "Planned maintenance", "PLANNED_STOP", null), excludedFromPlannedTime: true },
  { ...reason("NO_SHIFT", "No shift scheduled", "IDLE", null), excludedFromPlannedTime: true },
  { ...reason("NO_ORDER", "No order scheduled", "IDLE", null), excludedFromPlannedTime: true },
];

function reason(
  code: TReasonCode,
  label: string,
  appliesTo: ReasonDefinition["appliesTo"],
  lossCategory: TLossCategory | null,
): ReasonDefinition {
  return { code, label, appliesTo, lossCategory, excludedFromPlannedTime: false };
}

const reasonsByCode = new Map<string, ReasonDefinition>(
  DEFAULT_REASONS.map((definition) => [definition.code, definition]),
);

/** The default definition of a reason code, or undefined for a tenant's own code. */
export function findDefaultReason(code: string): ReasonDefinition | undefined {
  return reasonsByCode.get(code);
}

/** Failure reasons, the ones the simulator picks from for DOWN. */
export const FAILURE_REASON_CODES = [
  "FAIL_MECH",
  "FAIL_ELEC",
  "FAIL_HYD",
  "JAM",
  "TOOL_BREAK",
] as const satisfies readonly TReasonCode[];
