"use client";

import { type CSSProperties, useEffect, useRef, useState } from "react";
import { CloseIcon } from "~/components/ui/icons";
import { useSchemaForm } from "./form-context";
import type { TFieldProps } from "./primitive-fields";
import { SchemaField } from "./schema-field";
import styles from "./schema-form.module.css";
import { defaultValue, fieldId, isRecord, pathKey } from "./values";

type TEntry = { id: number; key: string; value: unknown };

const toRecord = (entries: TEntry[]) =>
  Object.fromEntries(entries.filter((entry) => entry.key !== "").map((entry) => [entry.key, entry.value]));

/**
 * A map such as "raw value → machine state": rows of key and value. Rows are kept locally so a
 * row whose key is still empty (or a duplicate being retyped) does not vanish while typing.
 */
export function RecordField({ node, value, onChange, path, label, example }: TFieldProps<"record">) {
  const { errors, disabled } = useSchemaForm();
  const nextId = useRef(0);
  const fromValue = (record: unknown): TEntry[] =>
    Object.entries(isRecord(record) ? record : {}).map(([key, entry]) => ({ id: nextId.current++, key, value: entry }));
  const [entries, setEntries] = useState<TEntry[]>(() => fromValue(value));
  const emitted = useRef(JSON.stringify(value ?? {}));

  // Replaced from outside (JSON editor, example): start over from the new value.
  // biome-ignore lint/correctness/useExhaustiveDependencies: fromValue only reads a ref; re-sync on value only
  useEffect(() => {
    const serialized = JSON.stringify(value ?? {});
    if (serialized !== emitted.current) {
      emitted.current = serialized;
      setEntries(fromValue(value));
    }
  }, [value]);

  const commit = (next: TEntry[]) => {
    setEntries(next);
    const record = toRecord(next);
    emitted.current = JSON.stringify(record);
    onChange(record);
  };

  const listErrors = errors[pathKey(path)];
  const keyLabel = "Value sent";
  const valueLabel = node.value.title ?? "Becomes";
  const placeholder = isRecord(example) ? Object.keys(example)[0] : undefined;

  return (
    <fieldset className={styles.group} id={fieldId(path)}>
      <legend className={styles.legend}>{label}</legend>
      {node.description ? <p className="field-hint">{node.description}</p> : null}
      {listErrors ? <p className="field-error">{listErrors.join(" ")}</p> : null}
      {entries.length === 0 ? (
        <p className={styles.emptyList}>No rows yet.</p>
      ) : (
        <div className={styles.table} style={{ "--columns": 2 } as CSSProperties}>
          <div className={styles.tableHead} aria-hidden="true">
            <div className={styles.tableHeadCell}>
              <span className="field-label">{keyLabel}</span>
            </div>
            <div className={styles.tableHeadCell}>
              <span className="field-label">{valueLabel}</span>
            </div>
            <div />
          </div>
          {entries.map((entry, index) => {
            const duplicate = entries.findIndex((other) => other.key === entry.key) !== index;
            return (
              <fieldset key={entry.id} className={styles.tableRow} aria-label={`${label}, row ${index + 1}`}>
                <div className={`field ${styles.field}`}>
                  <input
                    className="input mono"
                    aria-label={keyLabel}
                    value={entry.key}
                    placeholder={placeholder ? `e.g. ${placeholder}` : undefined}
                    disabled={disabled}
                    aria-invalid={duplicate || entry.key === "" || undefined}
                    onChange={(event) =>
                      commit(
                        entries.map((other) => (other.id === entry.id ? { ...other, key: event.target.value } : other)),
                      )
                    }
                  />
                  {duplicate ? <span className="field-error">Already listed above.</span> : null}
                </div>
                <SchemaField
                  node={node.value}
                  value={entry.value}
                  onChange={(next) =>
                    commit(entries.map((other) => (other.id === entry.id ? { ...other, value: next } : other)))
                  }
                  path={[...path, entry.key]}
                  label={valueLabel}
                  required
                  compact
                />
                <button
                  type="button"
                  className={`btn btn-ghost ${styles.remove}`}
                  disabled={disabled}
                  aria-label={`Remove row ${index + 1}`}
                  title={`Remove row ${index + 1}`}
                  onClick={() => commit(entries.filter((other) => other.id !== entry.id))}
                >
                  <CloseIcon size={16} />
                </button>
              </fieldset>
            );
          })}
        </div>
      )}
      <div>
        <button
          type="button"
          className="btn"
          disabled={disabled}
          onClick={() => commit([...entries, { id: nextId.current++, key: "", value: defaultValue(node.value) }])}
        >
          Add row
        </button>
      </div>
    </fieldset>
  );
}
