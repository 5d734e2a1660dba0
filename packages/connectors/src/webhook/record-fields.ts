import { createHash } from "node:crypto";

/** Reading fields out of a sender's JSON, shared by both mappers. Pure functions. */

export type TJsonRecord = Record<string, unknown>;

export const isRecord = (value: unknown): value is TJsonRecord =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** `a.b.0.c`: object fields by name, array elements by index. Undefined when any step is missing. */
export function readPath(root: unknown, path: string): unknown {
  let current: unknown = root;
  for (const segment of path.split(".")) {
    if (Array.isArray(current) && /^\d+$/.test(segment)) current = current[Number(segment)];
    else if (isRecord(current) && Object.hasOwn(current, segment)) current = current[segment];
    else return undefined;
  }
  return current;
}

/** The first of several paths that holds a value (SafetyCulture payload versions differ in layout). */
export function readFirst(root: unknown, paths: readonly string[]): { path: string; value: unknown } | undefined {
  for (const path of paths) {
    const value = readPath(root, path);
    if (value !== undefined && value !== null && value !== "") return { path, value };
  }
  return undefined;
}

/** Strings and numbers as text; anything else (objects, booleans, null) is not a usable scalar. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() === "" ? undefined : value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Numbers, or numeric text ("12.5") as senders often quote numbers. */
export function numberValue(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && /^\s*-?\d+(\.\d+)?([eE][-+]?\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

/** ISO 8601 text, or a unix time in the given unit; undefined when it is neither. */
export function timeValue(value: unknown, epochUnit: "seconds" | "milliseconds"): Date | undefined {
  const epoch = numberValue(value);
  if (epoch !== undefined) {
    const date = new Date(epochUnit === "seconds" ? epoch * 1000 : epoch);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(value.trim())) return undefined;
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A value as quoted in a reason: short, and marked when absent. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "(missing)";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** Lists configured values for a reason, without flooding it. */
export function listValues(values: readonly string[], limit = 10): string {
  if (values.length === 0) return "none configured";
  const shown = values.slice(0, limit).map((value) => JSON.stringify(value));
  return values.length > limit ? `${shown.join(", ")} and ${values.length - limit} more` : shown.join(", ");
}

/** JSON with object keys sorted, so the same record always hashes the same. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (isRecord(value)) {
    const fields = Object.keys(value)
      .sort()
      .filter((key) => value[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${stableJson(value[key])}`);
    return `{${fields.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");

const MAX_DEDUPE_KEY = 300;
/** Keeps a dedupe key within the column while staying deterministic. */
export const fitDedupeKey = (key: string) => (key.length <= MAX_DEDUPE_KEY ? key : `sha256:${sha256Hex(key)}`);

const MAX_NOTE = 2000;
export const fitNote = (note: string) => (note.length <= MAX_NOTE ? note : `${note.slice(0, MAX_NOTE - 1)}…`);

const MAX_REASON = 2000;
export const fitReason = (reason: string) =>
  reason.length <= MAX_REASON ? reason : `${reason.slice(0, MAX_REASON - 1)}…`;

/** Case- and space-insensitive comparison of names typed by people in two systems. */
export const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
