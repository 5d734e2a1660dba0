import { z } from "zod";

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  minimum?: number;
  pattern?: string;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  default?: unknown;
};

/** Names of input fields that carry an identifier: each must be given a foreign value by the caller. */
export function isIdField(name: string): boolean {
  return name === "id" || name.endsWith("Id") || name.endsWith("Ids") || name === "token";
}

export class UnmappedIdField extends Error {}

/**
 * Builds a valid input for a procedure from its zod schema, filling every identifier field
 * from `ids` (so a test can hand in another tenant's ids) and everything else with a
 * plausible value; optional non-id fields named in `ids` are filled from it too. An identifier field with no entry in `ids` throws: a new procedure must
 * declare how it is probed, it is never silently skipped.
 */
export function sampleInput(schema: z.ZodType, ids: Record<string, string>, path: string): unknown {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return sampleValue(json, undefined, ids, path);
}

function sampleValue(
  schema: JsonSchema,
  field: string | undefined,
  ids: Record<string, string>,
  path: string,
): unknown {
  if (field && isIdField(field)) {
    const value = ids[field];
    if (value === undefined) throw new UnmappedIdField(`${path}: no foreign value for id field "${field}"`);
    return field.endsWith("Ids") ? [value] : value;
  }
  if (schema.anyOf) {
    const nonNull = schema.anyOf.find((option) => option.type !== "null");
    return nonNull ? sampleValue(nonNull, field, ids, path) : null;
  }
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object": {
      const result: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        const required = schema.required?.includes(name) ?? false;
        // Optional fields are left out, except identifiers and fields the caller gave a value for
        // (such as a page cursor pointing into the other tenant's rows).
        if (required || isIdField(name)) result[name] = sampleValue(property, name, ids, path);
        else if (ids[name] !== undefined) result[name] = ids[name];
      }
      return result;
    }
    case "string":
      if (schema.format === "email") return `probe-${Math.random().toString(36).slice(2, 8)}@example.test`;
      if (schema.format === "uuid") return "00000000-0000-4000-8000-000000000000";
      if (schema.format === "date-time") return new Date().toISOString();
      if (schema.format === "date") return new Date().toISOString().slice(0, 10);
      return "probe-value-long-enough".padEnd(Math.max(schema.minLength ?? 0, 12), "x");
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return false;
    case "array":
      return [];
    default:
      return schema.default ?? undefined;
  }
}
