import { formatNumber } from "~/lib/format";
import { humanize } from "./schema-form/labels";

/** { events: 42, requests: 3, gaps: 0 } → "42 events · 3 requests"; zeros are left out. */
export function describeCounts(counts: Record<string, number>): string {
  const parts = Object.entries(counts)
    .filter(([, value]) => typeof value === "number" && value !== 0)
    .map(([key, value]) => {
      const words = humanize(key).toLowerCase();
      return `${formatNumber(value)} ${value === 1 ? words.replace(/s$/, "") : words}`;
    });
  return parts.length > 0 ? parts.join(" · ") : "Nothing new";
}

/** "0.8 s", "42 s", "3 min 5 s"; null while the run is still going. */
export function describeDuration(startedAt: Date, finishedAt: Date | null): string | null {
  if (!finishedAt) return null;
  const seconds = (finishedAt.getTime() - startedAt.getTime()) / 1000;
  if (seconds < 0.1) return "< 0.1 s";
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

export const runStatusView = {
  RUNNING: { label: "Running", className: "badge badge-accent badge-dot" },
  SUCCEEDED: { label: "Succeeded", className: "badge badge-success badge-dot" },
  FAILED: { label: "Failed", className: "badge badge-danger badge-dot" },
} as const;

export function runStatusOf(status: string) {
  return runStatusView[status as keyof typeof runStatusView] ?? { label: status, className: "badge" };
}

/** "Nov 24, 09:54:31": polls run seconds apart, so runs show seconds. */
export function formatRunStart(value: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).format(value);
}
