import type { TSparkplugDatatype } from "@gemba/connectors/sparkplug/payload";
import type { UMetric } from "sparkplug-payload/lib/sparkplugbpayload";
import type { LiveMachine, TMachineChange, TMachineSnapshot } from "../plant/live-machine";

export const REBIRTH_METRIC = "Node Control/Rebirth";
export const BD_SEQ_METRIC = "bdSeq";

type TMetricSpec = { name: string; alias: number; type: TSparkplugDatatype; unit?: string };

/** Aliases are unique across an edge node (Sparkplug 3.0): node metrics below 1000, device n at n × 1000. */
const NODE_ALIASES = { rebirth: 1, lineName: 2, speed: 3 } as const;
const DEVICE_ALIAS_BLOCK = 1000;
const TELEMETRY_ALIAS_OFFSET = 100;

/** The metrics one device publishes; the contract in README.md. */
export type TDeviceMetricSet = {
  device: string;
  state: TMetricSpec;
  reason: TMetricSpec;
  total: TMetricSpec;
  good: TMetricSpec;
  scrap: TMetricSpec;
  order: TMetricSpec;
  product: TMetricSpec;
  name: TMetricSpec;
  telemetry: ReadonlyMap<string, TMetricSpec>;
};

export function deviceMetricSet(machine: LiveMachine, deviceIndex: number): TDeviceMetricSet {
  const base = (deviceIndex + 1) * DEVICE_ALIAS_BLOCK;
  const spec = (offset: number, name: string, type: TSparkplugDatatype): TMetricSpec => ({
    name,
    alias: base + offset,
    type,
  });
  return {
    device: machine.identity.code,
    state: spec(1, "State", "String"),
    reason: spec(2, "Reason", "String"),
    total: spec(3, "Counts/Total", "UInt64"),
    good: spec(4, "Counts/Good", "UInt64"),
    scrap: spec(5, "Counts/Scrap", "UInt64"),
    order: spec(6, "Order/Number", "String"),
    product: spec(7, "Order/Product", "String"),
    name: spec(8, "Properties/Name", "String"),
    telemetry: new Map(
      machine.profile.telemetry.map((channel, index) => [
        channel.tag,
        { ...spec(TELEMETRY_ALIAS_OFFSET + index, `Telemetry/${channel.tag}`, "Double"), unit: channel.unit },
      ]),
    ),
  };
}

type TValue = string | number | boolean;

/** A metric as sent: births carry name, alias and properties; data messages only the alias. */
function metric(spec: TMetricSpec, value: TValue, timestamp: number, birth: boolean): UMetric {
  const sent: UMetric = { alias: spec.alias, type: spec.type, value, timestamp };
  if (!birth) return sent;
  sent.name = spec.name;
  if (spec.unit !== undefined) sent.properties = { engUnit: { type: "String", value: spec.unit } };
  return sent;
}

export function nodeBirthMetrics(input: { bdSeq: number; lineName: string; speed: number; at: number }): UMetric[] {
  return [
    { name: BD_SEQ_METRIC, type: "UInt64", value: input.bdSeq, timestamp: input.at },
    { name: REBIRTH_METRIC, alias: NODE_ALIASES.rebirth, type: "Boolean", value: false, timestamp: input.at },
    {
      name: "Properties/Line Name",
      alias: NODE_ALIASES.lineName,
      type: "String",
      value: input.lineName,
      timestamp: input.at,
    },
    {
      name: "Properties/Simulation Speed",
      alias: NODE_ALIASES.speed,
      type: "Double",
      value: input.speed,
      timestamp: input.at,
    },
  ];
}

export function deviceBirthMetrics(set: TDeviceMetricSet, machine: LiveMachine): UMetric[] {
  const snapshot: TMachineSnapshot = machine.snapshot();
  const birth = true;
  return [
    metric(set.name, machine.identity.name, snapshot.stateSince, birth),
    metric(set.state, snapshot.state, snapshot.stateSince, birth),
    metric(set.reason, snapshot.reasonCode, snapshot.stateSince, birth),
    metric(set.total, snapshot.total, snapshot.countsAt, birth),
    metric(set.good, snapshot.good, snapshot.countsAt, birth),
    metric(set.scrap, snapshot.scrap, snapshot.countsAt, birth),
    metric(set.order, snapshot.orderExternalId, snapshot.stateSince, birth),
    metric(set.product, snapshot.productSku, snapshot.stateSince, birth),
    ...snapshot.telemetry.flatMap((reading) => {
      const spec = set.telemetry.get(reading.tag);
      return spec === undefined ? [] : [metric(spec, reading.value, snapshot.telemetryAt, birth)];
    }),
  ];
}

/**
 * The DDATA metrics for one step's changes, in time order. Counters are cumulative, so only the
 * last counts change of the step is sent; every state change is sent, however short.
 */
export function deviceDataMetrics(set: TDeviceMetricSet, changes: readonly TMachineChange[]): UMetric[] {
  const lastCounts = changes.findLast((change) => change.kind === "counts");
  return changes.flatMap((change) =>
    change.kind === "counts" && change !== lastCounts ? [] : changeMetrics(set, change),
  );
}

function changeMetrics(set: TDeviceMetricSet, change: TMachineChange): UMetric[] {
  if (change.kind === "state") {
    return [metric(set.state, change.state, change.at, false), metric(set.reason, change.reasonCode, change.at, false)];
  }
  if (change.kind === "counts") {
    return [
      metric(set.total, change.total, change.at, false),
      metric(set.good, change.good, change.at, false),
      metric(set.scrap, change.scrap, change.at, false),
    ];
  }
  if (change.kind === "order") {
    return [
      metric(set.order, change.orderExternalId, change.at, false),
      metric(set.product, change.productSku, change.at, false),
    ];
  }
  return change.readings.flatMap((reading) => {
    const spec = set.telemetry.get(reading.tag);
    return spec === undefined ? [] : [metric(spec, reading.value, change.at, false)];
  });
}
