import { createRequire } from "node:module";
import { get } from "sparkplug-payload";
import type { TypeStr, UMetric, UPayload } from "sparkplug-payload/lib/sparkplugbpayload";
import type * as TProtoRoot from "sparkplug-payload/lib/sparkplugPayloadProto";

export type {
  TypeStr as TSparkplugDatatype,
  UPayload as TSparkplugEncodablePayload,
} from "sparkplug-payload/lib/sparkplugbpayload";

/** DataSet, Template and PropertySet values are passed through untouched: no mapping rule reads them. */
export type TComplexValue = { complex: TypeStr; data: unknown };
export type TMetricValue = number | bigint | boolean | string | Uint8Array | null | TComplexValue;

export type TDecodedMetric = {
  name?: string;
  alias?: number | bigint;
  /** Absent when the edge node relies on the datatype announced in the birth (allowed in DATA messages). */
  datatype?: TypeStr;
  value: TMetricValue;
  /** Milliseconds since the epoch. */
  timestamp?: number;
  isHistorical?: boolean;
};

export type TDecodedPayload = { timestamp?: number; seq?: number; metrics: TDecodedMetric[] };
export type TDecodePayloadResult = { ok: true; payload: TDecodedPayload } | { ok: false; reason: string };

const codec = get("spBv1.0");
if (codec === null) throw new Error("sparkplug-payload does not support spBv1.0");
const sparkplug = codec;

// The library's decodeMetric drops the value of a metric that carries no datatype (it switches on it),
// so such metrics are read again from the raw protobuf message. The generated module is CommonJS with
// `module.exports = $root`, which an ESM namespace import cannot see; require gives the real object.
const protoRoot = createRequire(import.meta.url)("sparkplug-payload/lib/sparkplugPayloadProto") as typeof TProtoRoot;
const RawPayload = protoRoot.org.eclipse.tahu.protobuf.Payload;

type TLongLike = { low: number; high: number; unsigned: boolean };

const isLongLike = (value: unknown): value is TLongLike =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as Partial<TLongLike>).low === "number" &&
  typeof (value as Partial<TLongLike>).high === "number";

/**
 * protobufjs hands 64-bit fields over as Long objects. Numbers are easier for everything downstream,
 * but silently losing precision is worse, so values beyond 2^53 stay bigint.
 */
export function normaliseLong(value: TLongLike | number | bigint, forceUnsigned = false): number | bigint {
  if (typeof value === "number") return value;
  const big = typeof value === "bigint" ? value : (BigInt(value.high >>> 0) << 32n) | BigInt(value.low >>> 0);
  const unsigned = forceUnsigned || (typeof value === "object" && value.unsigned);
  const typed = unsigned ? BigInt.asUintN(64, big) : BigInt.asIntN(64, big);
  return typed <= BigInt(Number.MAX_SAFE_INTEGER) && typed >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(typed) : typed;
}

const toMillis = (value: unknown): number | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" && typeof value !== "bigint" && !isLongLike(value)) return undefined;
  const normalised = normaliseLong(value, true);
  return typeof normalised === "number" ? normalised : undefined;
};

const normaliseValue = (value: unknown, datatype: TypeStr | undefined): TMetricValue => {
  if (value === null || value === undefined) return null;
  if (isLongLike(value)) return normaliseLong(value, datatype === "UInt64" || datatype === "DateTime");
  if (
    typeof value === "number" ||
    typeof value === "bigint" ||
    typeof value === "boolean" ||
    typeof value === "string" ||
    value instanceof Uint8Array
  ) {
    return value;
  }
  return { complex: datatype ?? "Template", data: value };
};

type TRawMetric = TProtoRoot.org.eclipse.tahu.protobuf.Payload.IMetric;

// Without a datatype only the oneof field tells which value was sent.
const rawMetricValue = (raw: TRawMetric | undefined): TMetricValue => {
  if (raw === undefined || raw.isNull === true) return null;
  const candidates = [raw.intValue, raw.longValue, raw.floatValue, raw.doubleValue, raw.booleanValue, raw.stringValue];
  for (const candidate of candidates) {
    if (candidate !== undefined && candidate !== null) return normaliseValue(candidate, undefined);
  }
  return raw.bytesValue ?? null;
};

const toDecodedMetric = (metric: UMetric, raw: TRawMetric | undefined): TDecodedMetric => {
  const datatype: TypeStr | undefined = metric.type;
  const decoded: TDecodedMetric = {
    value: datatype === undefined ? rawMetricValue(raw) : normaliseValue(metric.value, datatype),
  };
  if (datatype !== undefined) decoded.datatype = datatype;
  if (typeof metric.name === "string") decoded.name = metric.name;
  if (metric.alias !== undefined && metric.alias !== null) decoded.alias = normaliseLong(metric.alias, true);
  const timestamp = toMillis(metric.timestamp);
  if (timestamp !== undefined) decoded.timestamp = timestamp;
  if (metric.isHistorical === true) decoded.isHistorical = true;
  return decoded;
};

/** Decodes a Sparkplug B protobuf payload. Never throws: malformed bytes come back as a reason to dead-letter. */
export function decodeSparkplugPayload(bytes: Uint8Array): TDecodePayloadResult {
  try {
    const payload = sparkplug.decodePayload(bytes);
    const metrics = payload.metrics ?? [];
    const needsRaw = metrics.some((metric) => metric.type === undefined);
    const rawMetrics = needsRaw ? (RawPayload.decode(bytes).metrics ?? []) : [];
    const decoded: TDecodedPayload = {
      metrics: metrics.map((metric, index) => toDecodedMetric(metric, rawMetrics[index])),
    };
    const timestamp = toMillis(payload.timestamp);
    if (timestamp !== undefined) decoded.timestamp = timestamp;
    const seq = toMillis(payload.seq);
    if (seq !== undefined) decoded.seq = seq;
    return { ok: true, payload: decoded };
  } catch (error) {
    return {
      ok: false,
      reason: `invalid Sparkplug B payload: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** Encodes a payload (births and data in tests, rebirth commands in the host). */
export function encodeSparkplugPayload(payload: UPayload): Uint8Array {
  return sparkplug.encodePayload(payload);
}
