import { describeStatus } from "./connector-status";
import { PauseIcon } from "./icons";
import type { TConnectorState } from "./types";

const toneClass = {
  success: "badge badge-success",
  warning: "badge badge-warning",
  danger: "badge badge-danger",
  accent: "badge badge-accent",
  neutral: "badge",
} as const;

/** The connector's status in color and words; the explanation is in the tooltip. */
export function StatusBadge({ connector }: { connector: TConnectorState }) {
  const status = describeStatus(connector);
  // Paused is a choice, not a health state: its own mark, so it never reads as "idle".
  const paused = !connector.enabled;
  return (
    <span
      className={`${toneClass[status.tone]} ${paused ? "" : "badge-dot"}`}
      title={status.explanation}
      data-status={status.label}
    >
      {paused ? <PauseIcon size={12} strokeWidth={2.6} /> : null}
      {status.label}
    </span>
  );
}
