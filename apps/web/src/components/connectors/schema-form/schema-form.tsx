"use client";

import { SchemaFormProvider, type TSchemaFormContext } from "./form-context";
import type { TFieldNode } from "./json-schema";
import { ObjectFields } from "./object-field";
import { SchemaField } from "./schema-field";
import styles from "./schema-form.module.css";
import { UnionField } from "./union-field";

type TSchemaFormProps = TSchemaFormContext & {
  root: TFieldNode;
  value: unknown;
  onChange: (next: unknown) => void;
  example?: unknown;
};

/** A form generated from a compiled JSON Schema: the root object's fields, or the root union's select and variant. */
export function SchemaForm({ root, value, onChange, example, ...context }: TSchemaFormProps) {
  return (
    <SchemaFormProvider value={context}>
      <div className={styles.form}>
        {root.kind === "object" ? (
          <ObjectFields properties={root.properties} value={value} onChange={onChange} path={[]} example={example} />
        ) : root.kind === "union" ? (
          <UnionField
            node={root}
            value={value}
            onChange={onChange}
            path={[]}
            label={root.title ?? "Configuration"}
            required
            example={example}
            bare
          />
        ) : (
          <SchemaField
            node={root}
            value={value}
            onChange={onChange}
            path={[]}
            label={root.title ?? "Configuration"}
            required
            example={example}
          />
        )}
      </div>
    </SchemaFormProvider>
  );
}
