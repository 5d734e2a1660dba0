"use client";

import { ArrayField } from "./array-field";
import type { TFieldNode } from "./json-schema";
import { ObjectField } from "./object-field";
import { BooleanField, EnumField, JsonField, NumberField, StringField } from "./primitive-fields";
import { RecordField } from "./record-field";
import { UnionField } from "./union-field";
import type { TPath } from "./values";
import { WorkCenterSelect } from "./work-center-select";

export type TSchemaFieldProps = {
  node: TFieldNode;
  value: unknown;
  onChange: (next: unknown) => void;
  path: TPath;
  label: string;
  required: boolean;
  example?: unknown;
  compact?: boolean;
};

/** One field of a generated form, by the kind of its schema. */
export function SchemaField(props: TSchemaFieldProps) {
  const { node } = props;
  switch (node.kind) {
    case "string":
      return <StringField {...props} node={node} />;
    case "number":
      return <NumberField {...props} node={node} />;
    case "boolean":
      return <BooleanField {...props} node={node} />;
    case "enum":
      return <EnumField {...props} node={node} />;
    case "workCenter":
      return <WorkCenterSelect {...props} node={node} />;
    case "object":
      return <ObjectField {...props} node={node} />;
    case "array":
      return <ArrayField {...props} node={node} />;
    case "union":
      return <UnionField {...props} node={node} />;
    case "record":
      return <RecordField {...props} node={node} />;
    case "const":
      // Fixed by the schema (e.g. a variant's tag): nothing to choose.
      return null;
    case "json":
      return <JsonField {...props} node={node} />;
  }
}

/** Fields laid out side by side in a grid; lists, groups and JSON take the full width. */
export function isInlineField(node: TFieldNode): boolean {
  return ["string", "number", "boolean", "enum", "workCenter", "const"].includes(node.kind);
}
