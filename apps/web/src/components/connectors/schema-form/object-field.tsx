"use client";

import { Fragment, type ReactNode } from "react";
import { useSchemaForm } from "./form-context";
import type { TObjectProperty } from "./json-schema";
import { inSentence, labelOf } from "./labels";
import type { TFieldProps } from "./primitive-fields";
import { isInlineField, SchemaField } from "./schema-field";
import styles from "./schema-form.module.css";
import { defaultValue, fieldId, getIn, isRecord, pathKey, setKey, type TPath } from "./values";

type TObjectFieldsProps = {
  properties: TObjectProperty[];
  value: unknown;
  onChange: (next: unknown) => void;
  path: TPath;
  example?: unknown;
  /** Controls rendered in place of a property (a union's discriminator select), keeping schema order. */
  slots?: Record<string, ReactNode>;
};

/** The properties of an object: short fields side by side, lists and groups on their own rows. */
export function ObjectFields({ properties, value, onChange, path, example, slots }: TObjectFieldsProps) {
  const blocks: { key: string; inline: boolean; fields: ReactNode[] }[] = [];
  for (const property of properties) {
    const slot = slots?.[property.key];
    if (slot === undefined && property.node.kind === "const") continue;
    const inline = slot !== undefined || isInlineField(property.node);
    const field =
      slot !== undefined ? (
        <Fragment key={property.key}>{slot}</Fragment>
      ) : (
        <SchemaField
          key={property.key}
          node={property.node}
          value={isRecord(value) ? value[property.key] : undefined}
          onChange={(next) => onChange(setKey(value, property.key, next))}
          path={[...path, property.key]}
          label={labelOf(property.key, property.node)}
          required={property.required}
          example={getIn(example, [property.key])}
        />
      );
    // Addresses are long: they get two columns where there is room.
    const wide =
      slot === undefined &&
      property.node.kind === "string" &&
      (property.node.format === "uri" || /url$/i.test(property.key));
    const placed = wide ? (
      <div key={property.key} className={styles.wide}>
        {field}
      </div>
    ) : (
      field
    );
    const last = blocks.at(-1);
    if (inline && last?.inline) last.fields.push(placed);
    else blocks.push({ key: property.key, inline, fields: [placed] });
  }
  return (
    <>
      {blocks.map((block) =>
        block.inline ? (
          <div key={block.key} className={styles.grid}>
            {block.fields}
          </div>
        ) : (
          <Fragment key={block.key}>{block.fields}</Fragment>
        ),
      )}
    </>
  );
}

/**
 * A nested group (e.g. a rule's "match"). An optional group starts absent with an "Add" button,
 * so leaving it out stays possible.
 */
export function ObjectField({ node, value, onChange, path, label, required, example }: TFieldProps<"object">) {
  const { errors, disabled } = useSchemaForm();
  const groupErrors = errors[pathKey(path)];
  const present = isRecord(value);
  return (
    <fieldset className={styles.group} id={fieldId(path)}>
      <legend className={styles.legend}>{label}</legend>
      {node.description ? <p className="field-hint">{node.description}</p> : null}
      {groupErrors ? <p className="field-error">{groupErrors.join(" ")}</p> : null}
      {present ? (
        <>
          <ObjectFields properties={node.properties} value={value} onChange={onChange} path={path} example={example} />
          {required ? null : (
            <div>
              <button type="button" className="btn btn-ghost" disabled={disabled} onClick={() => onChange(undefined)}>
                Remove {inSentence(label)}
              </button>
            </div>
          )}
        </>
      ) : (
        <div>
          <button type="button" className="btn" disabled={disabled} onClick={() => onChange(defaultValue(node) ?? {})}>
            Add {inSentence(label)}
          </button>
        </div>
      )}
    </fieldset>
  );
}
