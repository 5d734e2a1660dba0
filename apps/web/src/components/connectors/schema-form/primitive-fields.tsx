"use client";

import { useEffect, useState } from "react";
import { describedBy, FieldShell } from "./field-shell";
import { useSchemaForm } from "./form-context";
import type { TFieldNode } from "./json-schema";
import { formatHint, rangeHint } from "./labels";
import styles from "./schema-form.module.css";
import { fieldId, pathKey, type TPath } from "./values";

export type TFieldProps<TKind extends TFieldNode["kind"]> = {
  node: Extract<TFieldNode, { kind: TKind }>;
  value: unknown;
  onChange: (next: unknown) => void;
  path: TPath;
  label: string;
  required: boolean;
  /** The same field in the kind's example config, shown as a placeholder. */
  example?: unknown;
  compact?: boolean;
};

/** The shared wiring of a field: id, messages, help text, aria attributes. */
function useFieldWiring(path: TPath, hint: string | null | undefined, compact: boolean) {
  const { errors, disabled } = useSchemaForm();
  const id = fieldId(path);
  const fieldErrors = errors[pathKey(path)];
  const hasErrors = Boolean(fieldErrors && fieldErrors.length > 0);
  const hasHint = Boolean(hint) && !compact;
  return {
    id,
    fieldErrors,
    disabled,
    aria: {
      "aria-invalid": hasErrors || undefined,
      "aria-describedby": describedBy(id, hasHint, hasErrors),
    },
  };
}

const joinHints = (...hints: (string | null | undefined)[]) => hints.filter(Boolean).join(" ") || undefined;

const placeholderOf = (example: unknown) =>
  typeof example === "string" || typeof example === "number" ? `e.g. ${example}` : undefined;

export function StringField({
  node,
  value,
  onChange,
  path,
  label,
  required,
  example,
  compact = false,
}: TFieldProps<"string">) {
  const hint = joinHints(node.description, formatHint(node.format));
  const { id, fieldErrors, disabled, aria } = useFieldWiring(path, hint, compact);
  return (
    <FieldShell id={id} label={label} required={required} hint={hint} errors={fieldErrors} compact={compact}>
      <input
        id={id}
        className={`input ${node.pattern || node.format ? "mono" : ""}`}
        type="text"
        inputMode={node.format === "uri" ? "url" : undefined}
        value={typeof value === "string" ? value : ""}
        placeholder={placeholderOf(example)}
        maxLength={node.maxLength}
        spellCheck={false}
        autoComplete="off"
        disabled={disabled}
        aria-label={compact ? label : undefined}
        aria-required={required || undefined}
        title={node.pattern ? `Expected form: ${node.pattern}` : undefined}
        {...aria}
        // Empty means "not set": optional fields then fall back to their default on the server.
        onChange={(event) => onChange(event.target.value === "" ? undefined : event.target.value)}
      />
    </FieldShell>
  );
}

export function NumberField({
  node,
  value,
  onChange,
  path,
  label,
  required,
  example,
  compact = false,
}: TFieldProps<"number">) {
  const hint = joinHints(node.description, rangeHint(node));
  const { id, fieldErrors, disabled, aria } = useFieldWiring(path, hint, compact);
  const committed = typeof value === "number" ? String(value) : "";
  // The text as typed ("1." or "-") is kept while it is not a number yet.
  const [draft, setDraft] = useState(committed);
  useEffect(() => {
    setDraft((current) => (Number(current) === Number(committed) && current !== "" ? current : committed));
  }, [committed]);
  return (
    <FieldShell id={id} label={label} required={required} hint={hint} errors={fieldErrors} compact={compact}>
      <input
        id={id}
        className={`input ${styles.number}`}
        type="number"
        inputMode={node.integer ? "numeric" : "decimal"}
        step={node.integer ? 1 : "any"}
        min={node.minimum}
        max={node.maximum}
        value={draft}
        placeholder={placeholderOf(example ?? node.default)}
        disabled={disabled}
        aria-label={compact ? label : undefined}
        aria-required={required || undefined}
        {...aria}
        onChange={(event) => {
          setDraft(event.target.value);
          const parsed = event.target.value === "" ? undefined : Number(event.target.value);
          onChange(parsed === undefined || Number.isNaN(parsed) ? undefined : parsed);
        }}
      />
    </FieldShell>
  );
}

export function BooleanField({ node, value, onChange, path, label, compact = false }: TFieldProps<"boolean">) {
  const { id, fieldErrors, disabled, aria } = useFieldWiring(path, node.description, compact);
  return (
    <div className={`field ${styles.field}`}>
      <label className={styles.checkbox} htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          disabled={disabled}
          {...aria}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span>{label}</span>
      </label>
      {node.description && !compact ? (
        <span className={`field-hint ${styles.checkboxHint}`} id={`${id}-hint`}>
          {node.description}
        </span>
      ) : null}
      {fieldErrors ? (
        <span className="field-error" id={`${id}-error`}>
          {fieldErrors.join(" ")}
        </span>
      ) : null}
    </div>
  );
}

export function EnumField({ node, value, onChange, path, label, required, compact = false }: TFieldProps<"enum">) {
  const { id, fieldErrors, disabled, aria } = useFieldWiring(path, node.description, compact);
  const current = typeof value === "string" ? value : "";
  // Without a default, an optional select needs a way back to "not set".
  const allowEmpty = !required && node.default === undefined;
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
        {...aria}
        onChange={(event) => onChange(event.target.value === "" ? undefined : event.target.value)}
      >
        {allowEmpty || current === "" ? <option value="">{allowEmpty ? "Not set" : "Choose…"}</option> : null}
        {node.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** Anything the form has no control for: edited as JSON, parsed as the admin types. */
export function JsonField({ node, value, onChange, path, label, required }: TFieldProps<"json">) {
  const { id, fieldErrors, disabled, aria } = useFieldWiring(path, node.description, false);
  const [text, setText] = useState(() => (value === undefined ? "" : JSON.stringify(value, null, 2)));
  const [invalid, setInvalid] = useState(false);
  const errors = [...(invalid ? ["Not valid JSON yet."] : []), ...(fieldErrors ?? [])];
  return (
    <FieldShell
      id={id}
      label={label}
      required={required}
      hint={joinHints(node.description, "Written as JSON.")}
      errors={errors.length > 0 ? errors : undefined}
    >
      <textarea
        id={id}
        className={`input mono ${styles.jsonArea}`}
        rows={4}
        value={text}
        disabled={disabled}
        spellCheck={false}
        {...aria}
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value.trim() === "") {
            setInvalid(false);
            onChange(undefined);
            return;
          }
          try {
            onChange(JSON.parse(event.target.value));
            setInvalid(false);
          } catch {
            setInvalid(true);
          }
        }}
      />
    </FieldShell>
  );
}
