import type { TFieldNode, TObjectNode, TUnionVariant } from "./json-schema";

export type TPath = readonly (string | number)[];
export type TRecord = Record<string, unknown>;

export const isRecord = (value: unknown): value is TRecord =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** "devices.0.workCenterId": the same notation as the API's validation messages. */
export const pathKey = (path: TPath): string => path.join(".");

/** A stable DOM id for a field, so the error summary can link to it. */
export const fieldId = (path: TPath): string => `cfg-${path.join("-").replaceAll(/[^A-Za-z0-9_-]/g, "_") || "root"}`;

const clone = <T>(value: T): T => (value === undefined ? value : (structuredClone(value) as T));

/** The value a new field (or a new row) starts with: the schema default, else only what is required. */
export function defaultValue(node: TFieldNode): unknown {
  if (node.default !== undefined) return clone(node.default);
  switch (node.kind) {
    case "object":
      return objectDefaults(node, {});
    case "union": {
      const first = node.variants[0];
      return first ? variantDefaults(first, node.discriminator, {}) : undefined;
    }
    case "array":
      return [];
    case "record":
      return {};
    case "const":
      return node.value;
    case "boolean":
      return false;
    default:
      return undefined;
  }
}

/** Fills in defaults for the required (or defaulted) fields missing from `current`. */
export function objectDefaults(node: TObjectNode, current: TRecord): TRecord {
  const next: TRecord = { ...current };
  for (const property of node.properties) {
    if (next[property.key] !== undefined) continue;
    if (!property.required && property.node.default === undefined) continue;
    const value = defaultValue(property.node);
    if (value !== undefined) next[property.key] = value;
  }
  return next;
}

/**
 * The value of a union switched to `variant`: fields both variants share keep what was typed
 * (work center, match…), fields only the old variant had are dropped, new ones get defaults.
 */
export function variantDefaults(variant: TUnionVariant, discriminator: string, previous: TRecord): TRecord {
  const kept: TRecord = {};
  for (const property of variant.node.properties) {
    if (previous[property.key] !== undefined && property.key !== discriminator) {
      kept[property.key] = previous[property.key];
    }
  }
  return objectDefaults(variant.node, { [discriminator]: variant.value, ...kept });
}

export function getIn(value: unknown, path: TPath): unknown {
  let current = value;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === "number") current = current[segment];
    else if (isRecord(current)) current = current[String(segment)];
    else return undefined;
  }
  return current;
}

/** The variant a union value currently is, by its discriminator (the first one when unset). */
export function currentVariant(variants: TUnionVariant[], discriminator: string, value: unknown) {
  const tag = isRecord(value) ? value[discriminator] : undefined;
  return variants.find((variant) => variant.value === tag) ?? variants[0];
}

/** Setting a field to `undefined` removes the key, so an emptied optional field is "not set". */
export function setKey(value: unknown, key: string, next: unknown): TRecord {
  const record: TRecord = isRecord(value) ? { ...value } : {};
  if (next === undefined) delete record[key];
  else record[key] = next;
  return record;
}

const PLACEHOLDER_UUID = "00000000-0000-4000-8000-000000000000";

/**
 * Example configs reference a placeholder work center; in a form that would look chosen.
 * Replaces it with "" so the work-center selects ask for a real one.
 */
export function withoutPlaceholders(value: unknown): unknown {
  if (value === PLACEHOLDER_UUID) return "";
  if (Array.isArray(value)) return value.map(withoutPlaceholders);
  if (isRecord(value))
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, withoutPlaceholders(entry)]));
  return value;
}
