"use client";

import { describedBy, FieldShell } from "./field-shell";
import { useSchemaForm } from "./form-context";
import type { TFieldProps } from "./primitive-fields";
import { fieldId, pathKey } from "./values";

/** `widget: "workCenter"`: the plant's work centers, grouped by line; this is the work-center mapping. */
export function WorkCenterSelect({
  node,
  value,
  onChange,
  path,
  label,
  required,
  compact = false,
}: TFieldProps<"workCenter">) {
  const { errors, disabled, workCenterGroups } = useSchemaForm();
  const id = fieldId(path);
  const fieldErrors = errors[pathKey(path)];
  const current = typeof value === "string" ? value : "";
  const known = workCenterGroups.some((group) => group.options.some((option) => option.id === current));
  const hasHint = Boolean(node.description) && !compact;
  return (
    <FieldShell
      id={id}
      label={label}
      required={required}
      hint={node.description}
      errors={fieldErrors}
      compact={compact}
    >
      <select
        id={id}
        className="select"
        value={current}
        disabled={disabled}
        aria-label={compact ? label : undefined}
        aria-required={required || undefined}
        aria-invalid={fieldErrors ? true : undefined}
        aria-describedby={describedBy(id, hasHint, Boolean(fieldErrors))}
        onChange={(event) => onChange(event.target.value === "" ? undefined : event.target.value)}
      >
        <option value="">{required ? "Choose a work center…" : "None"}</option>
        {current !== "" && !known ? (
          <option value={current}>Unknown work center ({current.slice(0, 8)}…)</option>
        ) : null}
        {workCenterGroups.map((group) => (
          <optgroup key={group.id} label={group.label}>
            {group.options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </FieldShell>
  );
}
