"use client";

import { describedBy, FieldShell } from "./field-shell";
import { useSchemaForm } from "./form-context";
import { humanize, labelOf } from "./labels";
import { ObjectFields } from "./object-field";
import type { TFieldProps } from "./primitive-fields";
import styles from "./schema-form.module.css";
import { currentVariant, fieldId, isRecord, pathKey, variantDefaults } from "./values";

type TUnionFieldProps = TFieldProps<"union"> & {
  /** Inside a list row the row is the frame; no group of its own. */
  bare?: boolean;
};

/**
 * A discriminated union (`oneOf` whose variants share a `const` property, e.g. a rule's "as"):
 * a select for the discriminator, then the fields of the chosen variant only.
 */
export function UnionField({ node, value, onChange, path, label, required, example, bare = false }: TUnionFieldProps) {
  const { errors, disabled } = useSchemaForm();
  const { discriminator, variants } = node;
  const variant = currentVariant(variants, discriminator, value);
  const present = isRecord(value);
  const selectPath = [...path, discriminator];
  const selectId = fieldId(selectPath);
  const selectErrors = errors[pathKey(selectPath)];
  const groupErrors = errors[pathKey(path)];
  // An optional union that is not set yet: offer to add it rather than pre-filling it.
  const absent = !present && !required;
  // The example only helps while it is the same variant as the one being edited.
  const variantExample = isRecord(example) && example[discriminator] === variant?.value ? example : undefined;
  const selectLabel = labelOf(discriminator, { ...node, title: undefined });

  // Long variant names ("SafetyCulture inspections and actions") need two columns to be read whole.
  const longLabels = variants.some((option) => option.label.length > 24);
  const selectField = (
    <FieldShell id={selectId} label={selectLabel} required={required} errors={selectErrors}>
      <select
        id={selectId}
        className="select"
        value={absent ? "" : (variant?.value ?? "")}
        disabled={disabled}
        aria-invalid={selectErrors ? true : undefined}
        aria-describedby={describedBy(selectId, false, Boolean(selectErrors))}
        onChange={(event) => {
          const next = variants.find((candidate) => candidate.value === event.target.value);
          onChange(next ? variantDefaults(next, discriminator, isRecord(value) ? value : {}) : undefined);
        }}
      >
        {absent ? <option value="">Not used</option> : null}
        {variants.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label === option.value ? humanize(option.value) : option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
  const select = longLabels ? <div className={styles.wide}>{selectField}</div> : selectField;

  // The select sits where the discriminator is in the schema, next to the fields around it.
  const body =
    variant && present ? (
      <ObjectFields
        properties={variant.node.properties}
        value={value}
        onChange={onChange}
        path={path}
        example={variantExample}
        slots={{ [discriminator]: select }}
      />
    ) : (
      <div className={styles.grid}>{select}</div>
    );

  if (bare) return body;
  return (
    <fieldset className={styles.group} id={fieldId(path)}>
      <legend className={styles.legend}>{label}</legend>
      {node.description ? <p className="field-hint">{node.description}</p> : null}
      {groupErrors ? <p className="field-error">{groupErrors.join(" ")}</p> : null}
      {body}
    </fieldset>
  );
}
