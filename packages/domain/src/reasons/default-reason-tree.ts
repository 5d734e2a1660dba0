import { DEFAULT_REASONS, type ReasonDefinition } from "./default-reasons";

/** The reason tree a new plant starts with: categories in the order operators see them, each with its reasons. */
export type TReasonTreeCategory = { name: string; reasons: readonly ReasonDefinition[] };

const CATEGORY_OF: Record<string, string> = {
  EQUIPMENT_FAILURE: "Breakdowns",
  SETUP_ADJUSTMENT: "Setup and changeover",
  MINOR_STOPS: "Flow and minor stops",
  PROCESS_DEFECTS: "Quality",
  STARTUP_REJECTS: "Quality",
};
const PLANNED = "Planned time off";
const ORDER = ["Breakdowns", "Setup and changeover", "Flow and minor stops", "Quality", PLANNED];

export const DEFAULT_REASON_TREE: readonly TReasonTreeCategory[] = ORDER.map((name) => ({
  name,
  reasons: DEFAULT_REASONS.filter(
    (reason) => (reason.lossCategory === null ? PLANNED : CATEGORY_OF[reason.lossCategory]) === name,
  ),
}));
