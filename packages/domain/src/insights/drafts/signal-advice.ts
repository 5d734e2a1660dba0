import type { TProductRef, TSignalRef, TWorkCenterRef } from "./draft-parts";

/**
 * What a plant manager should do when a signal moved, by what the signal is and which way it went.
 * Concrete first steps, in the order a shift lead would take them; `since` is the site-time text of
 * when the change began, so the check can be limited to the parts made after it.
 */
export function recommendSignalAction(input: {
  signal: TSignalRef;
  direction: "UP" | "DOWN";
  workCenter: TWorkCenterRef;
  product: TProductRef | null;
  since: string;
}): string {
  const { signal, workCenter, product, since } = input;
  const part = product ? product.name : "the current part";
  if (signal.kind === "CYCLE_TIME") {
    return input.direction === "UP"
      ? `Have the shift lead check ${workCenter.code} for what slowed the cycle since ${since}: tool wear, a feed or speed override, material feeding, a program or operator change. Compare with the last normal run of ${part}; if it is wear, plan the tool change before the cycle drifts further.`
      : `Cycles on ${workCenter.code} got faster since ${since}. Confirm no operation or inspection is being skipped on ${part} and that the program was not changed without approval; if the change is a real improvement, record it and reset the baseline.`;
  }
  if (signal.kind === "SCRAP_RATE") {
    return input.direction === "UP"
      ? `Hold and inspect ${part} made on ${workCenter.code} since ${since}; check the scrap reasons, the tooling, the process settings and the material lot, and log what was found as a decision so the fix is kept.`
      : `Scrap on ${workCenter.code} dropped since ${since}. Find out what changed (material lot, setting, operator) and make it the standard if it holds.`;
  }
  const way = input.direction === "UP" ? "rising" : "falling";
  return `Ask maintenance to look at what drives ${signal.label.toLowerCase()} on ${workCenter.code} (${way} since ${since}): check the sensor first, then the equipment behind it (cooling, lubrication, hydraulics, spindle). Schedule the check before the next planned stop if it keeps ${way}.`;
}
