import { DataType, type DataValue, type StatusCode, type Variant, VariantArrayType } from "node-opcua";
import type { TMetricValue } from "../sparkplug/payload";

export type TReadMetricValue = { ok: true; value: TMetricValue } | { ok: false; reason: string };

// Before 1971 is OPC UA's "no timestamp" (MinDateTime, 1601) or a PLC clock that was never set.
const EARLIEST_PLAUSIBLE = Date.UTC(1971, 0, 1);
const usable = (date: Date | null | undefined): date is Date =>
  date instanceof Date && Number.isFinite(date.getTime()) && date.getTime() >= EARLIEST_PLAUSIBLE;

/** When the value was true at the source; the server's time and then ours only when the device gave none. */
export function eventTimeOf(dataValue: DataValue, now: () => Date = () => new Date()): Date {
  if (usable(dataValue.sourceTimestamp)) return dataValue.sourceTimestamp;
  if (usable(dataValue.serverTimestamp)) return dataValue.serverTimestamp;
  return now();
}

export function describeStatus(statusCode: StatusCode): string {
  return statusCode.description ? `${statusCode.name} (${statusCode.description})` : statusCode.name;
}

/** node-opcua carries 64-bit integers as [high, low] 32-bit words. */
const fromWords = (words: readonly number[], signed: boolean): bigint => {
  const [high = 0, low = 0] = words;
  const unsigned = (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0);
  return signed ? BigInt.asIntN(64, unsigned) : unsigned;
};

/** Turns an OPC UA scalar into what the shared event mapper reads; anything else gets a reason to show. */
export function metricValueOf(variant: Variant): TReadMetricValue {
  if (variant.arrayType !== VariantArrayType.Scalar) {
    return { ok: false, reason: "the node holds an array; map a node that holds a single value" };
  }
  const value: unknown = variant.value;
  switch (variant.dataType) {
    case DataType.Null:
      return { ok: false, reason: "the node has no value (Null)" };
    case DataType.Boolean:
    case DataType.SByte:
    case DataType.Byte:
    case DataType.Int16:
    case DataType.UInt16:
    case DataType.Int32:
    case DataType.UInt32:
    case DataType.Float:
    case DataType.Double:
    case DataType.String:
      return typeof value === "boolean" || typeof value === "number" || typeof value === "string"
        ? { ok: true, value }
        : { ok: false, reason: `unexpected ${DataType[variant.dataType]} value` };
    case DataType.Int64:
    case DataType.UInt64: {
      if (!Array.isArray(value)) return { ok: false, reason: `unexpected ${DataType[variant.dataType]} value` };
      const big = fromWords(value, variant.dataType === DataType.Int64);
      return { ok: true, value: Number.isSafeInteger(Number(big)) ? Number(big) : big };
    }
    case DataType.LocalizedText:
      return { ok: true, value: (value as { text?: string | null } | null)?.text ?? "" };
    case DataType.QualifiedName:
      return { ok: true, value: (value as { name?: string | null } | null)?.name ?? "" };
    default:
      return {
        ok: false,
        reason: `the node holds a ${DataType[variant.dataType]}; map a node holding a number, boolean or text`,
      };
  }
}

/** A JSON-safe copy of a raw value for the dead-letter payload (bigint and byte strings do not serialise). */
export function jsonValueOf(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return { base64: Buffer.from(value).toString("base64") };
  if (depth >= 3) return String(value);
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    return Array.from(value as ArrayLike<unknown>, (item) => jsonValueOf(item, depth + 1)).slice(0, 100);
  }
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === "function") return jsonValueOf(withJson.toJSON(), depth + 1);
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, jsonValueOf(item, depth + 1)]));
  }
  return String(value);
}
