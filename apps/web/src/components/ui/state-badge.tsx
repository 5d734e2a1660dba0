import { machineStateLabels, type TMachineState } from "~/lib/machine-state";
import styles from "./state-badge.module.css";

type TStateBadgeProps = { state: TMachineState; size?: "md" | "lg" };

/** A machine state in its fixed color: the same green/amber/red everywhere in Gemba. */
export function StateBadge({ state, size = "md" }: TStateBadgeProps) {
  return (
    <span className={`${styles.badge} ${size === "lg" ? styles.large : ""}`} data-state={state}>
      <span className={styles.dot} aria-hidden="true" />
      {machineStateLabels[state]}
    </span>
  );
}
