import { MS_PER_MINUTE } from "../calendar/zoned-time";
import type { TLossCategory } from "../reasons/default-reasons";
import type { TOeeComponents } from "./oee";

export type TWaterfallStepId =
  | "PLANNED_PRODUCTION_TIME"
  | "EQUIPMENT_FAILURE"
  | "SETUP_ADJUSTMENT"
  | "UNKNOWN"
  | "RUN_TIME"
  | "MINOR_STOPS"
  | "REDUCED_SPEED"
  | "NET_RUN_TIME"
  | "PROCESS_DEFECTS"
  | "STARTUP_REJECTS"
  | "FULLY_PRODUCTIVE_TIME";

export type TWaterfallStep = {
  id: TWaterfallStepId;
  label: string;
  /** TOTAL: a level (bar from 0); LOSS: a drop from the previous level. */
  kind: "TOTAL" | "LOSS";
  factor: "availability" | "performance" | "quality" | null;
  /** Length of the bar: the level for a TOTAL, the loss for a LOSS. */
  minutes: number;
  /** The level after this step. */
  remainingMinutes: number;
};

type StepDefinition =
  | { id: TWaterfallStepId; label: string; kind: "TOTAL" }
  | { id: TWaterfallStepId; label: string; kind: "LOSS"; factor: TWaterfallStep["factor"]; lossMs: number };

/**
 * Planned production time down to fully productive time (valuable operating time), in minutes:
 * availability losses (including unknown time) lead to run time, performance losses to net run
 * time, quality losses to fully productive time. Each TOTAL equals the one before minus the
 * losses between them. Reduced speed never goes negative here (reducedSpeedRawMs keeps the sign).
 * Quality losses are the ideal time of scrap events, so with scrap reported consistently with the
 * counts the last step is the ideal time of the good units, i.e. OEE × planned time.
 */
export function sixBigLossesWaterfall(components: TOeeComponents): TWaterfallStep[] {
  const loss = (category: TLossCategory) => components.lossMs[category];
  const definitions: StepDefinition[] = [
    { id: "PLANNED_PRODUCTION_TIME", label: "Planned production time", kind: "TOTAL" },
    lossStep("EQUIPMENT_FAILURE", "Equipment failure", "availability", loss("EQUIPMENT_FAILURE")),
    lossStep("SETUP_ADJUSTMENT", "Setup and adjustment", "availability", loss("SETUP_ADJUSTMENT")),
    lossStep("UNKNOWN", "Unknown (no signal)", "availability", components.unknownMs),
    { id: "RUN_TIME", label: "Run time", kind: "TOTAL" },
    lossStep("MINOR_STOPS", "Idling and minor stops", "performance", loss("MINOR_STOPS")),
    lossStep("REDUCED_SPEED", "Reduced speed", "performance", loss("REDUCED_SPEED")),
    { id: "NET_RUN_TIME", label: "Net run time", kind: "TOTAL" },
    lossStep("PROCESS_DEFECTS", "Process defects", "quality", loss("PROCESS_DEFECTS")),
    lossStep("STARTUP_REJECTS", "Start-up rejects", "quality", loss("STARTUP_REJECTS")),
    { id: "FULLY_PRODUCTIVE_TIME", label: "Fully productive time", kind: "TOTAL" },
  ];

  // Whole milliseconds until the end, so each total is exactly the previous one minus its losses.
  let remainingMs = components.plannedMs;
  return definitions.map((definition) => {
    if (definition.kind === "TOTAL") {
      const minutes = remainingMs / MS_PER_MINUTE;
      return { ...definition, factor: null, minutes, remainingMinutes: minutes };
    }
    remainingMs -= definition.lossMs;
    const { lossMs, ...step } = definition;
    return { ...step, minutes: lossMs / MS_PER_MINUTE, remainingMinutes: remainingMs / MS_PER_MINUTE };
  });
}

function lossStep(
  id: TWaterfallStepId,
  label: string,
  factor: TWaterfallStep["factor"],
  lossMs: number,
): StepDefinition {
  return { id, label, kind: "LOSS", factor, lossMs };
}
