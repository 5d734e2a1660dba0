import type { TCanonicalEvent } from "@gemba/domain/events/canonical-events";
import { z } from "zod";
import { CONTROLLER_MODES, deriveDeviceState, EXECUTION_STATES } from "./machine-state-table";
import { dataItemKey, type TDataItem } from "./probe";
import type { TObservation } from "./streams";

/** Device uuid or device name → work center id; the uuid is looked up first. */
export const ZDeviceMapping = z.record(z.string().min(1), z.uuid());
export type TDeviceMapping = z.infer<typeof ZDeviceMapping>;

type TDeviceState = {
  execution?: string;
  controllerMode?: string;
  /** Condition data items of the device currently at FAULT. */
  faults: string[];
  /** `STATE:REASON` last emitted, so repeated values (every `/current`) emit nothing. */
  emitted?: string;
};

/** Serializable (plain records) so a job can persist it next to the poll cursor. */
export type TMapperState = {
  /** Last PartCount value per `${deviceUuid}:${dataItemId}`. */
  partCounts: Record<string, number>;
  devices: Record<string, TDeviceState>;
  /**
   * Highest sequence mapped per device and agent instance: observations at or below it were
   * already mapped, so re-polling an overlapping window (a retried job) changes nothing.
   */
  watermarks: Record<string, { instanceId: string; sequence: number }>;
};

export type TMapContext = {
  sourceId: string;
  instanceId: string;
  devices: TDeviceMapping;
  /** From the probe, keyed by `dataItemKey`: gives telemetry its unit and a readable tag. */
  dataItems?: ReadonlyMap<string, TDataItem>;
};

export type TSignalLost = { workCenterId: string; deviceUuid: string; dataItemId: string; eventTime: Date };
/** Alarm details: the canonical machine.state payload has no field for them yet. */
export type TAlarm = {
  workCenterId: string;
  deviceUuid: string;
  dataItemId: string;
  conditionType: string;
  eventTime: Date;
  dedupeKey: string;
  nativeCode?: string;
  message?: string;
};
export type TUnmappedObservation = { observation: TObservation; reason: string };

export type TMapResult = {
  events: TCanonicalEvent[];
  signalsLost: TSignalLost[];
  alarms: TAlarm[];
  unmapped: TUnmappedObservation[];
  state: TMapperState;
};

export function createMapperState(): TMapperState {
  return { partCounts: {}, devices: {}, watermarks: {} };
}

const COUNTED_PART_SUBTYPES: ReadonlySet<string> = new Set(["ALL", "GOOD"]);

type TStep = { context: TMapContext; state: TMapperState; result: Omit<TMapResult, "state"> };
type TTarget = { workCenterId: string; eventTime: Date; dedupeKey: string; sourceId: string };

function deviceState(state: TMapperState, deviceUuid: string): TDeviceState {
  const existing = state.devices[deviceUuid];
  if (existing !== undefined) return existing;
  const created: TDeviceState = { faults: [] };
  state.devices[deviceUuid] = created;
  return created;
}

/** Emits a machine.state when the device's effective state differs from the last one emitted. */
function emitStateIfChanged(step: TStep, observation: TObservation, target: TTarget): void {
  const device = deviceState(step.state, observation.deviceUuid);
  const derived = deriveDeviceState(device);
  if (derived === undefined) return;
  const signature = `${derived.state}:${derived.reasonCode ?? ""}`;
  if (signature === device.emitted) return;
  device.emitted = signature;
  step.result.events.push({ kind: "machine.state", ...target, payload: { ...derived } });
}

function loseSignal(step: TStep, observation: TObservation, target: TTarget): void {
  const device = deviceState(step.state, observation.deviceUuid);
  // Whatever comes back after the gap must be emitted again, even if it equals the last state.
  delete device.emitted;
  delete device.execution;
  step.result.signalsLost.push({
    workCenterId: target.workCenterId,
    deviceUuid: observation.deviceUuid,
    dataItemId: observation.dataItemId,
    eventTime: target.eventTime,
  });
}

function mapPartCount(step: TStep, observation: TObservation, subType: string | undefined, target: TTarget): void {
  // TARGET, REMAINING, BAD… are not produced parts.
  if (subType !== undefined && !COUNTED_PART_SUBTYPES.has(subType)) return;
  const value = Number(observation.value);
  if (!Number.isSafeInteger(value) || value < 0) {
    step.result.unmapped.push({ observation, reason: `PartCount "${observation.value}" is not a count` });
    return;
  }
  const key = dataItemKey(observation.deviceUuid, observation.dataItemId);
  const previous = step.state.partCounts[key];
  step.state.partCounts[key] = value;
  // The first value seen is a baseline: its parts were made before we were watching.
  if (previous === undefined) return;
  // A lower value is a counter reset (new run, new shift): everything counted since is new.
  const delta = value >= previous ? value - previous : value;
  if (delta === 0) return;
  step.result.events.push({ kind: "production.count", ...target, payload: { total: delta, good: delta } });
}

function mapCondition(step: TStep, observation: TObservation, target: TTarget): void {
  const device = deviceState(step.state, observation.deviceUuid);
  const others = device.faults.filter((id) => id !== observation.dataItemId);
  if (observation.value === "FAULT") {
    device.faults = [...others, observation.dataItemId];
    const alarm: TAlarm = {
      workCenterId: target.workCenterId,
      deviceUuid: observation.deviceUuid,
      dataItemId: observation.dataItemId,
      conditionType: observation.type,
      eventTime: target.eventTime,
      dedupeKey: target.dedupeKey,
    };
    if (observation.nativeCode !== undefined) alarm.nativeCode = observation.nativeCode;
    if (observation.message !== undefined) alarm.message = observation.message;
    step.result.alarms.push(alarm);
  } else {
    // A WARNING is not a stop, and NORMAL / UNAVAILABLE clear this item's fault.
    device.faults = others;
  }
  emitStateIfChanged(step, observation, target);
}

function mapEvent(step: TStep, observation: TObservation, item: TDataItem | undefined, target: TTarget): void {
  const device = deviceState(step.state, observation.deviceUuid);
  const unavailable = observation.value === "UNAVAILABLE";
  switch (observation.type) {
    case "Availability":
      if (unavailable) loseSignal(step, observation, target);
      break;
    case "Execution":
      if (unavailable) loseSignal(step, observation, target);
      else if (EXECUTION_STATES[observation.value] === undefined) {
        step.result.unmapped.push({ observation, reason: `unknown Execution value "${observation.value}"` });
      } else {
        device.execution = observation.value;
        emitStateIfChanged(step, observation, target);
      }
      break;
    case "ControllerMode":
      if (unavailable || !CONTROLLER_MODES.has(observation.value)) delete device.controllerMode;
      else device.controllerMode = observation.value;
      emitStateIfChanged(step, observation, target);
      break;
    case "PartCount":
      if (!unavailable) mapPartCount(step, observation, observation.subType ?? item?.subType, target);
      break;
  }
}

function mapSample(step: TStep, observation: TObservation, item: TDataItem | undefined, target: TTarget): void {
  // UNAVAILABLE, time series ("1.0 2.0 …") and 3D positions are not one number.
  if (observation.value.trim() === "") return;
  const value = Number(observation.value);
  if (!Number.isFinite(value)) return;
  const tag = (observation.name ?? item?.name ?? observation.dataItemId).slice(0, 200);
  const unit = item?.units?.slice(0, 32);
  const payload = unit === undefined ? { tag, value } : { tag, value, unit };
  step.result.events.push({ kind: "telemetry", ...target, payload });
}

/**
 * Maps agent observations (in sequence order) to canonical events. Pure: the state comes in and
 * goes out; the input state is not modified.
 */
export function mapObservations(
  observations: readonly TObservation[],
  context: TMapContext,
  previous: TMapperState,
): TMapResult {
  const state: TMapperState = structuredClone(previous);
  const step: TStep = { context, state, result: { events: [], signalsLost: [], alarms: [], unmapped: [] } };
  for (const observation of observations) {
    const workCenterId = context.devices[observation.deviceUuid] ?? context.devices[observation.deviceName];
    if (workCenterId === undefined) {
      step.result.unmapped.push({ observation, reason: `device ${observation.deviceUuid} is not mapped` });
      continue;
    }
    const watermark = state.watermarks[observation.deviceUuid];
    if (watermark?.instanceId === context.instanceId && observation.sequence <= watermark.sequence) continue;
    state.watermarks[observation.deviceUuid] = { instanceId: context.instanceId, sequence: observation.sequence };
    const eventTime = new Date(observation.timestamp);
    if (Number.isNaN(eventTime.getTime())) {
      step.result.unmapped.push({ observation, reason: `invalid timestamp "${observation.timestamp}"` });
      continue;
    }
    const target: TTarget = {
      workCenterId,
      eventTime,
      sourceId: context.sourceId,
      // The agent's sequence is unique within an instance: overlapping polls produce the same key.
      dedupeKey: `${observation.deviceUuid}:${context.instanceId}:${observation.sequence}`,
    };
    const item = context.dataItems?.get(dataItemKey(observation.deviceUuid, observation.dataItemId));
    if (observation.category === "CONDITION") mapCondition(step, observation, target);
    else if (observation.category === "EVENT") mapEvent(step, observation, item, target);
    else mapSample(step, observation, item, target);
  }
  return { ...step.result, state };
}
