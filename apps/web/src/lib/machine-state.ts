import { findDefaultReason } from "@gemba/domain/reasons/default-reasons";
import { z } from "zod";

export const MACHINE_STATES = ["RUNNING", "IDLE", "DOWN", "PLANNED_STOP", "NO_SHIFT", "UNKNOWN"] as const;
export type TMachineState = (typeof MACHINE_STATES)[number];

export const machineStateLabels: Record<TMachineState, string> = {
  RUNNING: "Running",
  IDLE: "Idle",
  DOWN: "Down",
  PLANNED_STOP: "Planned stop",
  NO_SHIFT: "No shift",
  UNKNOWN: "Unknown",
};

const ZStatePayload = z.object({
  state: z.enum(MACHINE_STATES).catch("UNKNOWN"),
  /** Free text from an operator or a connector. */
  reason: z.string().min(1).optional().catch(undefined),
  /** A reason code such as MATERIAL_STARVED, from the simulator and most MES. */
  reasonCode: z.string().min(1).optional().catch(undefined),
});

/** The reason's label from the default reason tree; unknown codes read MATERIAL_STARVED → "Material starved". */
function labelForCode(code: string): string {
  const known = findDefaultReason(code);
  if (known) return known.label;
  const words = code.replaceAll(/[_-]+/g, " ").trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Reads a `machine.state` event payload; anything unreadable is shown as UNKNOWN, not hidden. */
export function parseMachineState(payload: unknown): { state: TMachineState; reason: string | null } {
  const parsed = ZStatePayload.safeParse(payload);
  if (!parsed.success) return { state: "UNKNOWN", reason: null };
  const { state, reason, reasonCode } = parsed.data;
  return { state, reason: reason ?? (reasonCode ? labelForCode(reasonCode) : null) };
}
