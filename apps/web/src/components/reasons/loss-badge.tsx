import { LOSS_FACTOR } from "@gemba/domain/reasons/default-reasons";
import { LOSS_LABELS } from "@gemba/domain/reasons/reason-rules";
import type { TReason } from "./reason-types";
import styles from "./reasons.module.css";

export const FACTOR_LABELS = { availability: "Availability", performance: "Performance", quality: "Quality" } as const;

type TLossBadgeProps = Pick<TReason, "appliesTo" | "lossCategory" | "excludedFromPlannedTime">;

/** Which big loss a reason counts against, in the colour of the OEE factor it lowers. */
export function LossBadge({ appliesTo, lossCategory, excludedFromPlannedTime }: TLossBadgeProps) {
  if (appliesTo !== "SCRAP" && excludedFromPlannedTime) {
    return (
      <div className={styles.lossCell}>
        <span className={`${styles.loss} ${styles.factor}`} data-factor="off">
          Planned time off
        </span>
        <small>Excluded from planned production time</small>
      </div>
    );
  }
  if (lossCategory === null) return <span className="subtle">No loss category</span>;
  const factor = LOSS_FACTOR[lossCategory];
  return (
    <div className={styles.lossCell}>
      <span className={`${styles.loss} ${styles.factor}`} data-factor={factor}>
        {LOSS_LABELS[lossCategory]}
      </span>
      <small>{FACTOR_LABELS[factor]} loss</small>
    </div>
  );
}
