"use client";

import { DECISION_LIMITS } from "@gemba/domain/decisions/decision-draft";
import { CONSTRAINT_KINDS, constraintKindLabels, type TConstraintKind } from "@gemba/domain/decisions/decision-kinds";
import { FieldErrors } from "~/components/ui/field-errors";
import { ConstraintChip } from "./constraint-chip";
import { rowKey, type TConstraintDraft } from "./decision-form";
import styles from "./decisions.module.css";

type TConstraintsEditorProps = {
  constraints: TConstraintDraft[];
  /** What is typed but not added yet: it is logged too, so nothing typed is lost. */
  pending: { kind: TConstraintKind; detail: string };
  errors: string[] | undefined;
  onChange: (constraints: TConstraintDraft[]) => void;
  onPendingChange: (pending: { kind: TConstraintKind; detail: string }) => void;
};

/** Constraints the decision was taken under, typed so decisions can later be found by them. */
export function ConstraintsEditor(props: TConstraintsEditorProps) {
  const { constraints, pending, errors, onChange, onPendingChange } = props;
  const { kind, detail } = pending;
  const add = () => {
    if (!detail.trim()) return;
    onChange([...constraints, { key: rowKey("constraint"), kind, detail: detail.trim() }]);
    onPendingChange({ kind, detail: "" });
  };
  return (
    <fieldset className={styles.fieldset}>
      <legend className="field-label">Constraints</legend>
      <span className="field-hint">What limited the choice: material, staffing, a due date, quality or safety.</span>
      {constraints.length > 0 ? (
        <div className={styles.chips}>
          {constraints.map((constraint) => (
            <ConstraintChip
              key={constraint.key}
              kind={constraint.kind}
              detail={constraint.detail}
              onRemove={() => onChange(constraints.filter((other) => other.key !== constraint.key))}
            />
          ))}
        </div>
      ) : null}
      {constraints.length < DECISION_LIMITS.constraints ? (
        <div className={styles.addRow}>
          <select
            className="select"
            value={kind}
            aria-label="Constraint kind"
            onChange={(event) => onPendingChange({ kind: event.target.value as TConstraintKind, detail })}
          >
            {CONSTRAINT_KINDS.map((option) => (
              <option key={option} value={option}>
                {constraintKindLabels[option]}
              </option>
            ))}
          </select>
          <input
            className="input"
            value={detail}
            maxLength={DECISION_LIMITS.constraintDetail}
            placeholder="e.g. Coil stock for 2 hours only"
            aria-label="Constraint detail"
            onChange={(event) => onPendingChange({ kind, detail: event.target.value })}
            onKeyDown={(event) => {
              // Enter adds the constraint rather than submitting the whole decision.
              if (event.key === "Enter") {
                event.preventDefault();
                add();
              }
            }}
          />
          <button type="button" className="btn" onClick={add} disabled={!detail.trim()}>
            Add constraint
          </button>
        </div>
      ) : null}
      <FieldErrors messages={errors} />
    </fieldset>
  );
}
