"use client";

import { type CSSProperties, useRef } from "react";
import { CloseIcon } from "~/components/ui/icons";
import { RequiredMark } from "./field-shell";
import { useSchemaForm } from "./form-context";
import type { TFieldNode, TObjectProperty } from "./json-schema";
import { inSentence, labelOf, rowNoun } from "./labels";
import { ObjectFields } from "./object-field";
import type { TFieldProps } from "./primitive-fields";
import { isInlineField, SchemaField } from "./schema-field";
import styles from "./schema-form.module.css";
import { UnionField } from "./union-field";
import { defaultValue, fieldId, getIn, isRecord, pathKey, setKey, type TPath } from "./values";

const MAX_TABLE_COLUMNS = 5;

/** Rows keep their identity when one above them is removed (inputs hold what is being typed). */
function useRowKeys(length: number) {
  const next = useRef(0);
  const keys = useRef<number[]>([]);
  while (keys.current.length < length) keys.current.push(next.current++);
  if (keys.current.length > length) keys.current.length = length;
  return {
    keys: keys.current,
    remove: (index: number) => keys.current.splice(index, 1),
  };
}

function tableColumns(item: TFieldNode): TObjectProperty[] | null {
  if (item.kind !== "object") return null;
  const visible = item.properties.filter((property) => property.node.kind !== "const");
  const simple = visible.length <= MAX_TABLE_COLUMNS && visible.every((property) => isInlineField(property.node));
  return simple ? visible : null;
}

/**
 * A list: short rows (a device and its work center) as an editable table, rows with nested
 * parts (mapping rules) as cards. Each row is a labelled group: "Device 2", "Rule 1".
 */
export function ArrayField({ node, value, onChange, path, label, required, example }: TFieldProps<"array">) {
  const { errors, disabled, listActions } = useSchemaForm();
  const items = Array.isArray(value) ? value : [];
  const rows = useRowKeys(items.length);
  const noun = rowNoun(label);
  const listErrors = errors[pathKey(path)];
  const columns = tableColumns(node.item);
  const itemExample = Array.isArray(example) ? example[0] : undefined;
  const full = node.maxItems !== undefined && items.length >= node.maxItems;

  const update = (index: number, next: unknown) => onChange(items.map((item, at) => (at === index ? next : item)));
  const remove = (index: number) => {
    rows.remove(index);
    onChange(items.filter((_, at) => at !== index));
  };
  const removeButton = (index: number) => (
    <button
      type="button"
      className={`btn btn-ghost ${styles.remove}`}
      disabled={disabled}
      aria-label={`Remove ${inSentence(noun)} ${index + 1}`}
      title={`Remove ${inSentence(noun)} ${index + 1}`}
      onClick={() => remove(index)}
    >
      <CloseIcon size={16} />
    </button>
  );

  return (
    <fieldset className={styles.group} id={fieldId(path)}>
      <legend className={styles.legend}>
        {label}
        {required || (node.minItems ?? 0) > 0 ? <RequiredMark /> : null}
      </legend>
      {node.description ? <p className="field-hint">{node.description}</p> : null}
      {listErrors ? <p className="field-error">{listErrors.join(" ")}</p> : null}

      {items.length === 0 ? (
        <p className={styles.emptyList}>No {inSentence(label)} yet.</p>
      ) : isInlineField(node.item) ? (
        <ol className={styles.valueList}>
          {items.map((item, index) => (
            <li key={rows.keys[index]} className={styles.valueRow}>
              <SchemaField
                node={node.item}
                value={item}
                onChange={(next) => update(index, next)}
                path={[...path, index]}
                label={`${noun} ${index + 1}`}
                required
                example={itemExample}
                compact
              />
              {removeButton(index)}
            </li>
          ))}
        </ol>
      ) : columns ? (
        <div className={styles.table} style={{ "--columns": columns.length } as CSSProperties}>
          <div className={styles.tableHead} aria-hidden="true">
            {columns.map((column) => (
              <div key={column.key} className={styles.tableHeadCell}>
                <span className="field-label">
                  {labelOf(column.key, column.node)}
                  {column.required ? <RequiredMark /> : null}
                </span>
                {column.node.description ? <span className="field-hint">{column.node.description}</span> : null}
              </div>
            ))}
            <div />
          </div>
          {items.map((item, index) => (
            <fieldset key={rows.keys[index]} className={styles.tableRow} aria-label={`${noun} ${index + 1}`}>
              {columns.map((column) => (
                <SchemaField
                  key={column.key}
                  node={column.node}
                  value={isRecord(item) ? item[column.key] : undefined}
                  onChange={(next) => update(index, setKey(item, column.key, next))}
                  path={[...path, index, column.key]}
                  label={labelOf(column.key, column.node)}
                  required={column.required}
                  example={getIn(itemExample, [column.key])}
                  compact
                />
              ))}
              {removeButton(index)}
            </fieldset>
          ))}
        </div>
      ) : (
        <ol className={styles.cards}>
          {items.map((item, index) => (
            <li key={rows.keys[index]}>
              <fieldset className={styles.card} aria-label={`${noun} ${index + 1}`}>
                <div className={styles.cardHead}>
                  <span className={styles.cardTitle}>
                    {noun} {index + 1}
                  </span>
                  {removeButton(index)}
                </div>
                <ItemBody
                  node={node.item}
                  value={item}
                  onChange={(next) => update(index, next)}
                  path={[...path, index]}
                  label={`${noun} ${index + 1}`}
                  example={itemExample}
                />
              </fieldset>
            </li>
          ))}
        </ol>
      )}

      <div className={styles.listActions}>
        <button
          type="button"
          className="btn"
          disabled={disabled || full}
          onClick={() => onChange([...items, defaultValue(node.item) ?? (node.item.kind === "object" ? {} : "")])}
        >
          Add {inSentence(noun)}
        </button>
        {listActions?.[pathKey(path)]}
      </div>
    </fieldset>
  );
}

type TItemBodyProps = {
  node: TFieldNode;
  value: unknown;
  onChange: (next: unknown) => void;
  path: TPath;
  label: string;
  example: unknown;
};

/** The inside of a card row: the row itself is the frame, so objects and unions render bare. */
function ItemBody({ node, value, onChange, path, label, example }: TItemBodyProps) {
  if (node.kind === "union") {
    return (
      <UnionField
        node={node}
        value={value}
        onChange={onChange}
        path={path}
        label={label}
        required
        example={example}
        bare
      />
    );
  }
  if (node.kind === "object") {
    return (
      <ObjectFields properties={node.properties} value={value} onChange={onChange} path={path} example={example} />
    );
  }
  return (
    <SchemaField
      node={node}
      value={value}
      onChange={onChange}
      path={path}
      label={label}
      required
      example={example}
      compact
    />
  );
}
