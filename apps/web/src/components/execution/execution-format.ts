import { displayRatio } from "@gemba/domain/execution/oee";
import { MACHINE_STATES, machineStateLabels, type TMachineState } from "~/lib/machine-state";

/** Below this OEE is poor; at or above GOOD it is world class (the plant's usual bands). */
export const OEE_LOW = 0.65;
export const OEE_GOOD = 0.85;

export type TOeeBand = "low" | "mid" | "good";

/** Ratios arrive raw (performance can exceed 1 when a cycle time is set too long): capped for display only. */
export function formatPercent(ratio: number | null, digits = 1): string {
  const shown = displayRatio(ratio);
  return shown === null ? "—" : `${(shown * 100).toFixed(digits)} %`;
}

export function oeeBandOf(ratio: number | null): TOeeBand | null {
  if (ratio === null) return null;
  if (ratio < OEE_LOW) return "low";
  return ratio < OEE_GOOD ? "mid" : "good";
}

export const oeeBandLabels: Record<TOeeBand, string> = {
  low: "below 65 %",
  mid: "65–85 %",
  good: "85 % or more",
};

export function toMachineState(state: string | null | undefined): TMachineState {
  return (MACHINE_STATES as readonly string[]).includes(state ?? "") ? (state as TMachineState) : "UNKNOWN";
}

export function stateLabel(state: string | null | undefined): string {
  return machineStateLabels[toMachineState(state)];
}

const pad = (value: number) => String(value).padStart(2, "0");

/** A time in state that ticks: "4 min 05 s" under an hour, "2 h 14 min" under a day, then "3 d 4 h". */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${pad(minutes)} min`;
  return `${minutes} min ${pad(seconds % 60)} s`;
}

/** Minutes as "3 h 05 min" or "42 min" (tables and tooltips). */
export function formatMinutes(minutes: number): string {
  const whole = Math.round(minutes);
  if (whole < 60) return `${whole} min`;
  return `${Math.floor(whole / 60)} h ${pad(whole % 60)} min`;
}

/** Today's date at the plant ("2026-03-08"), never the browser's. */
export function localDateOf(instant: Date | number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(instant),
  );
}

/** "2026-03-08" moved by whole days (calendar arithmetic, no time zone involved). */
export function shiftLocalDate(date: string, days: number): string {
  const [year = 0, month = 1, day = 1] = date.split("-").map(Number);
  const moved = new Date(Date.UTC(year, month - 1, day + days));
  return moved.toISOString().slice(0, 10);
}
