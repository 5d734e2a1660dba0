import { z } from "zod";

/**
 * What a plant may set. A minor stop longer than 30 minutes is no longer minor: such a threshold
 * would hide real breakdowns from operators. A signal timeout under 30 s paints ordinary gaps
 * between events UNKNOWN; over 12 hours a machine could be gone for a shift unnoticed. 0 s turns
 * minor stops off (every stop then waits for a reason).
 */
export const THRESHOLD_LIMITS = {
  microStopThresholdSeconds: { min: 0, max: 30 * 60 },
  unknownTimeoutSeconds: { min: 30, max: 12 * 60 * 60 },
} as const;

/** The schema defaults (prisma/schema.prisma) and the domain's (execution-settings.ts). */
export const THRESHOLD_DEFAULTS = { microStopThresholdSeconds: 120, unknownTimeoutSeconds: 600 } as const;

/** History re-derived after a threshold change: what the dashboards show by default. */
export const THRESHOLD_REDERIVE_DAYS = 7;

const micro = THRESHOLD_LIMITS.microStopThresholdSeconds;
const unknown = THRESHOLD_LIMITS.unknownTimeoutSeconds;

export const ZSetWorkCenterThresholdsInput = z.object({
  /** One work center, or every work center of a line ("apply to whole line"). */
  workCenterIds: z.array(z.uuid()).min(1, "Choose at least one work center.").max(500),
  microStopThresholdSeconds: z
    .int("Enter the minor-stop threshold in whole seconds.")
    .min(micro.min, "The minor-stop threshold cannot be negative.")
    .max(micro.max, `Keep the minor-stop threshold at ${micro.max / 60} minutes (${micro.max} s) or less.`),
  unknownTimeoutSeconds: z
    .int("Enter the signal timeout in whole seconds.")
    .min(unknown.min, `Give machines at least ${unknown.min} s of silence before their state turns unknown.`)
    .max(unknown.max, `Keep the signal timeout at ${unknown.max / 3600} hours (${unknown.max} s) or less.`),
});
