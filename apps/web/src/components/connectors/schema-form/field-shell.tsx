import type { ReactNode } from "react";
import styles from "./schema-form.module.css";

type TFieldShellProps = {
  id: string;
  label: string;
  required: boolean;
  hint?: ReactNode;
  errors: string[] | undefined;
  /** In table rows the column header is the visible label. */
  compact?: boolean;
  children: ReactNode;
};

/** Label, control, help text and messages of one field, in the same order everywhere. */
export function FieldShell({ id, label, required, hint, errors, compact = false, children }: TFieldShellProps) {
  return (
    <div className={`field ${styles.field}`} data-invalid={errors && errors.length > 0 ? true : undefined}>
      {compact ? null : (
        <label className="field-label" htmlFor={id}>
          {label}
          {required ? <RequiredMark /> : null}
        </label>
      )}
      {children}
      {hint && !compact ? (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {errors && errors.length > 0 ? (
        <span className="field-error" id={`${id}-error`}>
          {errors.join(" ")}
        </span>
      ) : null}
    </div>
  );
}

export function RequiredMark() {
  return (
    // Screen readers hear "required" from the control itself (aria-required / required).
    <span className={styles.required} aria-hidden="true">
      {" "}
      *
    </span>
  );
}

/** aria-describedby for a control: its help text and its messages, when shown. */
export function describedBy(id: string, hasHint: boolean, hasErrors: boolean): string | undefined {
  const ids = [hasHint ? `${id}-hint` : null, hasErrors ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}
