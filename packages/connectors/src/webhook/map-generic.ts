import {
  OPERATOR_ACTIVITY_TYPES,
  REPORTED_MACHINE_STATES,
  type TReportedMachineState,
} from "@gemba/domain/events/canonical-events";
import { PAYLOAD_SECTION, type TGenericWebhookConfig, type TWebhookEventKind, WEBHOOK_EVENT_KINDS } from "./config";
import type { TMappedDelivery, TMappingContext, TWebhookEventItem } from "./mapped-delivery";
import {
  describeValue,
  fitDedupeKey,
  fitNote,
  fitReason,
  isRecord,
  listValues,
  numberValue,
  readPath,
  sameName,
  scalarText,
  sha256Hex,
  stableJson,
  timeValue,
} from "./record-fields";

/**
 * Maps any JSON body to canonical events with the field mapping an admin configured: one event per
 * record (the body, the elements of a top-level array, or of the array at `eventsPath`). A record
 * that cannot be mapped is dead-lettered on its own, with a reason naming the field, the value
 * found and the configured mapping, so fixing the mapping and retrying it is enough.
 */
export function mapGenericDelivery(
  body: unknown,
  config: TGenericWebhookConfig,
  context: TMappingContext,
): TMappedDelivery {
  let records: unknown[];
  if (config.eventsPath) {
    const list = readPath(body, config.eventsPath);
    if (!Array.isArray(list)) {
      const reason = `records field "${config.eventsPath}" is ${describeValue(list)}, not an array of records: fix the connector's Records field or the sender`;
      return { items: [], rejected: [{ stage: "mapping", reason, payload: body }] };
    }
    records = list;
  } else {
    records = Array.isArray(body) ? body : [body];
  }

  const mapped: TMappedDelivery = { items: [], rejected: [] };
  const numbered = records.length > 1 || config.eventsPath !== undefined || Array.isArray(body);
  records.forEach((record, index) => {
    const result = mapRecord(record, config, context);
    if (result.ok) mapped.items.push(result.event);
    else {
      const reason = fitReason(numbered ? `record ${index}: ${result.reason}` : result.reason);
      mapped.rejected.push({ stage: "mapping", reason, payload: record });
    }
  });
  return mapped;
}

type TResult<T> = { ok: true; value: T } | { ok: false; reason: string };
type TRecordResult = { ok: true; event: TWebhookEventItem } | { ok: false; reason: string };

function mapRecord(record: unknown, config: TGenericWebhookConfig, context: TMappingContext): TRecordResult {
  if (!isRecord(record)) return { ok: false, reason: `expected a JSON object, got ${describeValue(record)}` };
  const kind = resolveKind(record, config);
  if (!kind.ok) return kind;
  const workCenterId = resolveWorkCenter(record, config);
  if (!workCenterId.ok) return workCenterId;
  const eventTime = resolveEventTime(record, config, context);
  if (!eventTime.ok) return eventTime;
  const dedupeKey = resolveDedupeKey(record, config, context);
  if (!dedupeKey.ok) return dedupeKey;

  const envelope = {
    workCenterId: workCenterId.value,
    eventTime: eventTime.value.toISOString(),
    sourceId: context.sourceId,
    dedupeKey: dedupeKey.value,
  };
  const payload = buildPayload(kind.value, record, config);
  if (!payload.ok) return payload;
  return { ok: true, event: { kind: kind.value, ...envelope, payload: payload.value } as TWebhookEventItem };
}

function resolveKind(record: Record<string, unknown>, config: TGenericWebhookConfig): TResult<TWebhookEventKind> {
  if (config.kind.from === "fixed") return { ok: true, value: config.kind.kind };
  const { path, values } = config.kind;
  const raw = readPath(record, path);
  const text = scalarText(raw);
  const row = text === undefined ? undefined : values.find((entry) => sameName(entry.value, text));
  if (row) return { ok: true, value: row.kind };
  const direct = WEBHOOK_EVENT_KINDS.find((kind) => text !== undefined && sameName(kind, text));
  if (direct) return { ok: true, value: direct };
  return {
    ok: false,
    reason:
      `kind field "${path}" is ${describeValue(raw)}, which is neither a configured value ` +
      `(${listValues(values.map((entry) => entry.value))}) nor an event kind (${WEBHOOK_EVENT_KINDS.join(", ")})`,
  };
}

function resolveWorkCenter(record: Record<string, unknown>, config: TGenericWebhookConfig): TResult<string> {
  if (config.workCenter.from === "fixed") return { ok: true, value: config.workCenter.workCenterId };
  const { path, values } = config.workCenter;
  const raw = readPath(record, path);
  const text = scalarText(raw);
  const row = text === undefined ? undefined : values.find((entry) => sameName(entry.value, text));
  if (row) return { ok: true, value: row.workCenterId };
  return {
    ok: false,
    reason:
      `work center field "${path}" is ${describeValue(raw)}, which matches none of the configured values ` +
      `(${listValues(values.map((entry) => entry.value))}): add it under Work center → Values, then retry`,
  };
}

function resolveEventTime(
  record: Record<string, unknown>,
  config: TGenericWebhookConfig,
  context: TMappingContext,
): TResult<Date> {
  if (!config.eventTimePath) return { ok: true, value: context.deliveredAt };
  const raw = readPath(record, config.eventTimePath);
  const time = timeValue(raw, config.epochUnit);
  if (time) return { ok: true, value: time };
  return {
    ok: false,
    reason:
      `event time field "${config.eventTimePath}" is ${describeValue(raw)}; expected ISO 8601 text ` +
      `(2026-11-24T08:15:00Z) or a unix time in ${config.epochUnit}`,
  };
}

function resolveDedupeKey(
  record: Record<string, unknown>,
  config: TGenericWebhookConfig,
  context: TMappingContext,
): TResult<string> {
  if (config.dedupeKeyPath) {
    const raw = readPath(record, config.dedupeKeyPath);
    const text = scalarText(raw);
    if (text === undefined) {
      return {
        ok: false,
        reason: `unique id field "${config.dedupeKeyPath}" is ${describeValue(raw)}; expected text or a number`,
      };
    }
    return { ok: true, value: fitDedupeKey(text) };
  }
  // Without an event time in the record, identical records sent at different times are different
  // events (a counter posting {"count": 5} every minute), so the signed delivery time is part of the key.
  const basis = config.eventTimePath
    ? stableJson(record)
    : `${context.deliveredAt.toISOString()}|${stableJson(record)}`;
  return { ok: true, value: `sha256:${sha256Hex(basis)}` };
}

function buildPayload(
  kind: TWebhookEventKind,
  record: Record<string, unknown>,
  config: TGenericWebhookConfig,
): TResult<TWebhookEventItem["payload"]> {
  const section = PAYLOAD_SECTION[kind];
  const missing = (): TResult<never> => ({
    ok: false,
    reason: `records of kind ${kind} need the "${section}" fields in the connector's mapping`,
  });
  switch (kind) {
    case "operator.activity": {
      const fields = config.activity;
      if (!fields) return missing();
      const raw = readPath(record, fields.typePath);
      const text = scalarText(raw);
      const type =
        (text === undefined ? undefined : fields.types.find((row) => sameName(row.value, text))?.type) ??
        OPERATOR_ACTIVITY_TYPES.find((name) => text !== undefined && sameName(name, text));
      if (!type) {
        return {
          ok: false,
          reason:
            `activity field "${fields.typePath}" is ${describeValue(raw)}, which is neither a configured value ` +
            `(${listValues(fields.types.map((row) => row.value))}) nor an activity (${OPERATOR_ACTIVITY_TYPES.join(", ")})`,
        };
      }
      const note = fields.notePath ? scalarText(readPath(record, fields.notePath)) : undefined;
      return { ok: true, value: note === undefined ? { type } : { type, note: fitNote(note) } };
    }
    case "machine.state": {
      const fields = config.state;
      if (!fields) return missing();
      const raw = readPath(record, fields.statePath);
      const text = scalarText(raw);
      const state: TReportedMachineState | undefined =
        (text === undefined ? undefined : fields.states.find((row) => sameName(row.value, text))?.state) ??
        REPORTED_MACHINE_STATES.find((name) => text !== undefined && sameName(name, text));
      if (!state) {
        return {
          ok: false,
          reason:
            `state field "${fields.statePath}" is ${describeValue(raw)}, which is neither a configured value ` +
            `(${listValues(fields.states.map((row) => row.value))}) nor a state (${REPORTED_MACHINE_STATES.join(", ")})`,
        };
      }
      const reasonCode = fields.reasonCodePath ? scalarText(readPath(record, fields.reasonCodePath)) : undefined;
      return { ok: true, value: reasonCode === undefined ? { state } : { state, reasonCode } };
    }
    case "production.count": {
      const fields = config.count;
      if (!fields) return missing();
      const total = countAt(record, fields.totalPath, "total");
      if (!total.ok) return total;
      const good = fields.goodPath ? countAt(record, fields.goodPath, "good") : total;
      if (!good.ok) return good;
      if (good.value > total.value) {
        return {
          ok: false,
          reason: `good (${good.value}, "${fields.goodPath}") exceeds total (${total.value}, "${fields.totalPath}")`,
        };
      }
      return { ok: true, value: { total: total.value, good: good.value } };
    }
    case "production.scrap": {
      const fields = config.scrap;
      if (!fields) return missing();
      const quantity = countAt(record, fields.quantityPath, "scrap quantity");
      if (!quantity.ok) return quantity;
      if (quantity.value === 0)
        return {
          ok: false,
          reason: `scrap quantity field "${fields.quantityPath}" is 0; a scrap event needs at least one unit`,
        };
      const reasonCode =
        (fields.reasonCodePath ? scalarText(readPath(record, fields.reasonCodePath)) : undefined) ?? fields.reasonCode;
      if (!reasonCode) {
        return {
          ok: false,
          reason: `scrap reason code field "${fields.reasonCodePath ?? "(none)"}" is empty and no fixed reason code is configured`,
        };
      }
      return { ok: true, value: { quantity: quantity.value, reasonCode } };
    }
    case "telemetry": {
      const fields = config.telemetry;
      if (!fields) return missing();
      const raw = readPath(record, fields.valuePath);
      const value = numberValue(raw);
      if (value === undefined) {
        return {
          ok: false,
          reason: `telemetry value field "${fields.valuePath}" is ${describeValue(raw)}; expected a number`,
        };
      }
      const tag =
        (fields.tagPath ? scalarText(readPath(record, fields.tagPath)) : undefined) ?? fields.tag ?? fields.valuePath;
      const unit = (fields.unitPath ? scalarText(readPath(record, fields.unitPath)) : undefined) ?? fields.unit;
      return { ok: true, value: unit ? { tag, value, unit } : { tag, value } };
    }
  }
}

function countAt(record: Record<string, unknown>, path: string, what: string): TResult<number> {
  const raw = readPath(record, path);
  const value = numberValue(raw);
  if (value === undefined || !Number.isInteger(value) || value < 0) {
    return { ok: false, reason: `${what} field "${path}" is ${describeValue(raw)}; expected a whole number ≥ 0` };
  }
  return { ok: true, value };
}
