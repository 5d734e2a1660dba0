import type { TConnectorState, TRuntime } from "./types";

export type TStatusTone = "success" | "warning" | "danger" | "neutral" | "accent";
export type TStatusView = { label: string; tone: TStatusTone; explanation: string };

/**
 * One status per connector, in words and color: "Connected", "Reconnecting", "Not running"…
 * Paused wins over health (a paused connector is not supposed to run).
 */
export function describeStatus({ enabled, runtime, health }: TConnectorState): TStatusView {
  if (!enabled) return { label: "Paused", tone: "neutral", explanation: "Paused: receives nothing until resumed." };
  if (!health) {
    return {
      label: "Unknown",
      tone: "neutral",
      explanation: "Health could not be read just now (Redis unreachable). Data may still be flowing.",
    };
  }
  switch (health.status) {
    case "connected":
      return { label: "Connected", tone: "success", explanation: "Connected and receiving." };
    case "connecting":
      return runtime === "poll"
        ? { label: "Polling", tone: "accent", explanation: "Reading from the source right now." }
        : { label: "Connecting", tone: "warning", explanation: "Opening the connection." };
    case "reconnecting":
      return {
        label: "Reconnecting",
        tone: "warning",
        explanation: "The connection dropped; retrying by itself. Data sent meanwhile may arrive late.",
      };
    case "disconnected":
      return { label: "Disconnected", tone: "danger", explanation: "Not connected to the source." };
    case "not running":
      return {
        label: "Not running",
        tone: "danger",
        explanation:
          "No Gemba worker has reported for this connector in the last 30 s. Check that the worker is running.",
      };
    case "idle":
      return idleView(runtime);
    default:
      return { label: String(health.status), tone: "neutral", explanation: "" };
  }
}

function idleView(runtime: TRuntime): TStatusView {
  if (runtime === "poll")
    return { label: "Idle", tone: "neutral", explanation: "Waiting for the next scheduled poll." };
  if (runtime === "push") return { label: "Idle", tone: "neutral", explanation: "Waiting for the next delivery." };
  return { label: "Idle", tone: "neutral", explanation: "Running, nothing to do." };
}

export const runtimeLabels: Record<TRuntime, string> = {
  stream: "Live connection",
  poll: "Polled on a schedule",
  push: "Pushed to Gemba",
};

export const runTriggerLabels: Record<string, string> = {
  schedule: "Schedule",
  manual: "Sync now",
  upload: "Upload",
};

/** Runs exist for polled kinds and for uploads (CSV). */
export function hasRuns(kind: string, runtime: TRuntime): boolean {
  return runtime === "poll" || kind === "CSV_UPLOAD";
}
