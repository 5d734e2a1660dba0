/**
 * The subset of JSON Schema (draft 2020-12, as `z.toJSONSchema` emits it) that connector config
 * forms use, compiled into a tree of form fields. Anything the form cannot show as controls
 * becomes a `json` field (a small JSON editor), so an unusual schema never blocks an admin.
 */
export type TJsonSchema = {
  type?: string | string[];
  title?: string;
  description?: string;
  default?: unknown;
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, TJsonSchema>;
  required?: string[];
  additionalProperties?: TJsonSchema | boolean;
  items?: TJsonSchema;
  oneOf?: TJsonSchema[];
  anyOf?: TJsonSchema[];
  allOf?: TJsonSchema[];
  $ref?: string;
  $defs?: Record<string, TJsonSchema>;
  definitions?: Record<string, TJsonSchema>;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  /** Custom key from `.meta({ widget })`: "workCenter" renders the plant's work centers. */
  widget?: string;
};

type TCommon = {
  title: string | undefined;
  description: string | undefined;
  default: unknown;
};

export type TObjectProperty = { key: string; node: TFieldNode; required: boolean };
export type TObjectNode = TCommon & { kind: "object"; properties: TObjectProperty[] };
export type TUnionVariant = { value: string; label: string; node: TObjectNode };

export type TFieldNode =
  | TObjectNode
  | (TCommon & { kind: "record"; value: TFieldNode })
  | (TCommon & { kind: "array"; item: TFieldNode; minItems?: number; maxItems?: number })
  | (TCommon & { kind: "union"; discriminator: string; variants: TUnionVariant[] })
  | (TCommon & { kind: "string"; format?: string; pattern?: string; minLength?: number; maxLength?: number })
  | (TCommon & {
      kind: "number";
      integer: boolean;
      minimum?: number;
      maximum?: number;
      /** The bound itself is not allowed (zod's `.positive()` is exclusiveMinimum 0). */
      exclusiveMinimum?: boolean;
      exclusiveMaximum?: boolean;
    })
  | (TCommon & { kind: "boolean" })
  | (TCommon & { kind: "enum"; options: string[] })
  | (TCommon & { kind: "const"; value: unknown })
  | (TCommon & { kind: "workCenter" })
  | (TCommon & { kind: "json" });

const MAX_DEPTH = 12;

const isObjectSchema = (schema: TJsonSchema) =>
  schema.type === "object" || schema.properties !== undefined || schema.additionalProperties !== undefined;

function resolveRef(schema: TJsonSchema, root: TJsonSchema): TJsonSchema {
  if (!schema.$ref) return schema;
  const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(schema.$ref);
  const target = match ? (match[1] === "$defs" ? root.$defs : root.definitions)?.[match[2] ?? ""] : undefined;
  const { $ref: _ref, ...rest } = schema;
  return target ? { ...target, ...rest } : rest;
}

/** Merges `allOf` parts into one schema; a union among them is distributed over its variants. */
function mergeAll(parts: TJsonSchema[]): TJsonSchema {
  const union = parts.find((part) => part.oneOf ?? part.anyOf);
  if (union) {
    const others = parts.filter((part) => part !== union);
    const variants = (union.oneOf ?? union.anyOf ?? []).map((variant) => mergeAll([...others, variant]));
    return { title: union.title, description: union.description, oneOf: variants };
  }
  const merged: TJsonSchema = {};
  const properties: Record<string, TJsonSchema> = {};
  const required = new Set<string>();
  for (const part of parts) {
    Object.assign(merged, part);
    for (const [key, value] of Object.entries(part.properties ?? {})) {
      const existing = properties[key];
      properties[key] = existing ? mergeAll([existing, value]) : value;
    }
    for (const key of part.required ?? []) required.add(key);
  }
  if (Object.keys(properties).length > 0) merged.properties = properties;
  merged.required = [...required];
  return merged;
}

/** Flattens $ref and allOf, and drops a `null` alternative (nullable) from anyOf/oneOf. */
function normalize(schema: TJsonSchema, root: TJsonSchema): TJsonSchema {
  let current = resolveRef(schema, root);
  if (current.allOf) {
    const { allOf, ...rest } = current;
    current = mergeAll([rest, ...allOf.map((part) => normalize(part, root))]);
  }
  const alternatives = current.oneOf ?? current.anyOf;
  if (alternatives) {
    const nonNull = alternatives.filter((alternative) => alternative.type !== "null");
    if (nonNull.length === 1 && nonNull[0]) {
      const { oneOf: _oneOf, anyOf: _anyOf, ...rest } = current;
      return normalize({ ...nonNull[0], ...rest }, root);
    }
  }
  return current;
}

/** The property every alternative pins with a `const`: the discriminator of a discriminated union. */
function findDiscriminator(variants: TJsonSchema[]): string | undefined {
  const first = variants[0];
  if (!first?.properties) return undefined;
  return Object.keys(first.properties).find((key) =>
    variants.every((variant) => {
      const property = variant.properties?.[key];
      return property !== undefined && (typeof property.const === "string" || property.enum?.length === 1);
    }),
  );
}

const constOf = (schema: TJsonSchema | undefined): string => String(schema?.const ?? schema?.enum?.[0] ?? "");

function common(schema: TJsonSchema): TCommon {
  return { title: schema.title, description: schema.description, default: schema.default };
}

function compileObject(schema: TJsonSchema, root: TJsonSchema, depth: number): TObjectNode {
  const required = new Set(schema.required ?? []);
  return {
    ...common(schema),
    kind: "object",
    properties: Object.entries(schema.properties ?? {}).map(([key, property]) => ({
      key,
      node: asWorkCenter(key, compileNode(property, root, depth + 1)),
      required: required.has(key),
    })),
  };
}

/**
 * A uuid named `…workCenterId` is a work-center reference even where the schema forgot
 * `widget: "workCenter"` (shared mapping rules): a raw uuid box would be useless to an admin.
 */
function asWorkCenter(key: string, node: TFieldNode): TFieldNode {
  if (node.kind !== "string" || node.format !== "uuid" || !/workCenterId$/i.test(key)) return node;
  return { title: node.title, description: node.description, default: node.default, kind: "workCenter" };
}

function compileNode(input: TJsonSchema, root: TJsonSchema, depth: number): TFieldNode {
  const schema = normalize(input, root);
  const base = common(schema);
  if (depth > MAX_DEPTH) return { ...base, kind: "json" };

  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) {
    const variants = alternatives.map((alternative) => normalize(alternative, root));
    const discriminator = variants.every(isObjectSchema) ? findDiscriminator(variants) : undefined;
    if (!discriminator) return { ...base, kind: "json" };
    return {
      ...base,
      kind: "union",
      discriminator,
      variants: variants.map((variant) => {
        const value = constOf(variant.properties?.[discriminator]);
        return { value, label: variant.title ?? value, node: compileObject(variant, root, depth) };
      }),
    };
  }
  if (schema.widget === "workCenter") return { ...base, kind: "workCenter" };
  if (schema.const !== undefined) return { ...base, kind: "const", value: schema.const };
  if (schema.enum) {
    return schema.enum.every((option) => typeof option === "string")
      ? { ...base, kind: "enum", options: schema.enum as string[] }
      : { ...base, kind: "json" };
  }

  const type = Array.isArray(schema.type) ? schema.type.find((entry) => entry !== "null") : schema.type;
  switch (type) {
    case "string":
      return {
        ...base,
        kind: "string",
        format: schema.format,
        // A uuid's pattern is an implementation detail of the format; it is never shown.
        pattern: schema.format === "uuid" ? undefined : schema.pattern,
        minLength: schema.minLength,
        maxLength: schema.maxLength,
      };
    case "number":
    case "integer":
      return {
        ...base,
        kind: "number",
        integer: type === "integer",
        minimum: schema.minimum ?? schema.exclusiveMinimum,
        maximum: schema.maximum ?? schema.exclusiveMaximum,
        exclusiveMinimum: schema.minimum === undefined && schema.exclusiveMinimum !== undefined,
        exclusiveMaximum: schema.maximum === undefined && schema.exclusiveMaximum !== undefined,
      };
    case "boolean":
      return { ...base, kind: "boolean" };
    case "array":
      return schema.items
        ? {
            ...base,
            kind: "array",
            item: compileNode(schema.items, root, depth + 1),
            minItems: schema.minItems,
            maxItems: schema.maxItems,
          }
        : { ...base, kind: "json" };
    default:
      break;
  }
  if (isObjectSchema(schema)) {
    if (!schema.properties && typeof schema.additionalProperties === "object") {
      return { ...base, kind: "record", value: compileNode(schema.additionalProperties, root, depth + 1) };
    }
    return compileObject(schema, root, depth);
  }
  return { ...base, kind: "json" };
}

/** Compiles a kind's config schema into the field tree the form renders. */
export function compileSchema(schema: TJsonSchema): TFieldNode {
  return compileNode(schema, schema, 0);
}
