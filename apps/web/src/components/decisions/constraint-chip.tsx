import { constraintKindLabels, type TConstraintKind } from "@gemba/domain/decisions/decision-kinds";
import { CloseIcon } from "~/components/ui/icons";
import styles from "./decisions.module.css";

type TConstraintChipProps = { kind: TConstraintKind; detail?: string; onRemove?: () => void };

/** A constraint as a chip: its kind in its own tint, then what it was. */
export function ConstraintChip({ kind, detail, onRemove }: TConstraintChipProps) {
  return (
    <span className={styles.chip} data-kind={kind} data-testid="constraint-chip">
      <span className={styles.chipKind}>{constraintKindLabels[kind]}</span>
      {detail ? <span>{detail}</span> : null}
      {onRemove ? (
        <button
          type="button"
          className={styles.chipRemove}
          onClick={onRemove}
          aria-label={`Remove the ${constraintKindLabels[kind].toLowerCase()} constraint`}
        >
          <CloseIcon size={14} />
        </button>
      ) : null}
    </span>
  );
}
