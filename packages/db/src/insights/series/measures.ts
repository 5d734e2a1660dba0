import type { TSignalRef } from "@gemba/domain/insights/drafts/draft-parts";
import type { TSpcMeasure } from "../charts";

/** The stable key of a signal, used in dedupe keys: "cycle_time", "scrap_rate", "telemetry:<tag>". */
export function measureKey(measure: TSpcMeasure): string {
  return measure.kind === "TELEMETRY" ? `telemetry:${measure.tag}` : measure.kind.toLowerCase();
}

export function sameMeasure(a: TSpcMeasure, b: TSpcMeasure): boolean {
  return measureKey(a) === measureKey(b);
}

/** "spindle_load" → "Spindle load": tags are machine names, the cards speak the plant's language. */
export function tagLabel(tag: string): string {
  const words = tag.replace(/[_.\-/]+/g, " ").trim();
  return words.length === 0 ? tag : words[0]?.toUpperCase() + words.slice(1);
}

export function signalRefOf(measure: TSpcMeasure, telemetryUnit: string | null): TSignalRef {
  if (measure.kind === "CYCLE_TIME")
    return { key: measureKey(measure), kind: "CYCLE_TIME", label: "Cycle time", unit: "s" };
  if (measure.kind === "SCRAP_RATE")
    return { key: measureKey(measure), kind: "SCRAP_RATE", label: "Scrap rate", unit: "%" };
  return {
    key: measureKey(measure),
    kind: "TELEMETRY",
    label: tagLabel(measure.tag),
    ...(telemetryUnit ? { unit: telemetryUnit } : {}),
  };
}
