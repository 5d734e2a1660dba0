import { ZCanonicalEvent } from "@gemba/domain/events/canonical-events";
import {
  coerceInt64,
  DataType,
  DataValue,
  type StatusCode,
  StatusCodes,
  VariantArrayType,
  type VariantOptions,
} from "node-opcua";
import { describe, expect, it } from "vitest";
import type { TOpcuaItem } from "./config";
import { createDataChangeMapper } from "./map-data-changes";

const WC = "5b0d7c1e-8f7a-4b59-9a49-2f7d1c3e4a10";
const STATE = "ns=1;s=PRS-201.State";
const TOTAL = "ns=1;s=PRS-201.PartCount";
const GOOD = "ns=1;s=PRS-201.GoodCount";
const PRESSURE = "ns=1;s=PRS-201.HydraulicPressure";
const items: TOpcuaItem[] = [
  { nodeId: STATE, as: "state", workCenterId: WC, states: { "3": "DOWN" } },
  { nodeId: TOTAL, as: "count_total", workCenterId: WC },
  { nodeId: GOOD, as: "count_good", workCenterId: WC },
  { nodeId: PRESSURE, as: "telemetry", workCenterId: WC, tag: "HydraulicPressure", unit: "bar" },
];
const T0 = new Date("2026-03-02T06:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

const change = (
  value: VariantOptions,
  options: { source?: Date | null; server?: Date; statusCode?: StatusCode } = {},
): DataValue =>
  new DataValue({
    value,
    statusCode: options.statusCode ?? StatusCodes.Good,
    sourceTimestamp: options.source === undefined ? T0 : options.source,
    serverTimestamp: options.server ?? null,
  });
const text = (value: string) => ({ dataType: DataType.String, value });
const uint = (value: number) => ({ dataType: DataType.UInt32, value });

describe("createDataChangeMapper", () => {
  it("maps states by name or through the state table, with deterministic dedupe keys", () => {
    const mapper = createDataChangeMapper({ sourceId: "opcua-1", items });
    mapper.add(STATE, change(text("RUNNING")));
    mapper.add(STATE, change({ dataType: DataType.Int32, value: 3 }, { source: at(5) }));
    const { events, rejected } = mapper.flush();
    expect(rejected).toEqual([]);
    expect(events.map((event) => ZCanonicalEvent.parse(event))).toEqual([
      {
        kind: "machine.state",
        workCenterId: WC,
        eventTime: T0,
        sourceId: "opcua-1",
        dedupeKey: `opcua:${STATE}@${T0.getTime()}#RUNNING:state`,
        payload: { state: "RUNNING" },
      },
      expect.objectContaining({ eventTime: at(5), payload: { state: "DOWN" } }),
    ]);
  });

  it("turns cumulative counters into deltas, one count event per publish, and a lower value into a reset", () => {
    const mapper = createDataChangeMapper({ sourceId: "opcua-1", items });
    mapper.add(TOTAL, change(uint(100)));
    mapper.add(GOOD, change(uint(90)));
    expect(mapper.flush().events).toEqual([]); // the first values are baselines

    mapper.add(TOTAL, change(uint(104), { source: at(10) }));
    mapper.add(GOOD, change(uint(103), { source: at(10) }));
    mapper.add(TOTAL, change(uint(2), { source: at(20) })); // the PLC counter was reset, 2 parts since
    mapper.add(GOOD, change(uint(2), { source: at(20) }));
    const counts = mapper.flush().events.map((event) => (event.kind === "production.count" ? event.payload : null));
    expect(counts).toEqual([
      { total: 4, good: 4 },
      { total: 2, good: 2 },
    ]);
  });

  it("skips a value delivered again with the same source time, as after a re-created monitored item", () => {
    const mapper = createDataChangeMapper({ sourceId: "opcua-1", items });
    mapper.add(PRESSURE, change({ dataType: DataType.Double, value: 181.5 }));
    expect(mapper.flush().events).toHaveLength(1);
    mapper.add(PRESSURE, change({ dataType: DataType.Double, value: 181.5 }));
    expect(mapper.flush()).toEqual({ events: [], rejected: [] });
    mapper.add(PRESSURE, change({ dataType: DataType.Double, value: 181.5 }, { source: at(1) }));
    expect(mapper.flush().events).toHaveLength(1);
  });

  it("falls back to the server timestamp when the device gave none", () => {
    const mapper = createDataChangeMapper({ sourceId: "opcua-1", items });
    mapper.add(PRESSURE, change({ dataType: DataType.Float, value: 2 }, { source: null, server: at(3) }));
    expect(mapper.flush().events[0]?.eventTime).toEqual(at(3));
  });

  it("reads 64-bit counters", () => {
    // Without a good counter every unit counts as good.
    const mapper = createDataChangeMapper({
      sourceId: "opcua-1",
      items: items.filter((item) => item.nodeId === TOTAL),
    });
    const int64 = (value: number) => ({
      dataType: DataType.Int64,
      arrayType: VariantArrayType.Scalar,
      value: coerceInt64(value),
    });
    mapper.add(TOTAL, change(int64(5_000_000_000)));
    mapper.add(TOTAL, change(int64(5_000_000_003), { source: at(1) }));
    expect(mapper.flush().events.map((event) => event.payload)).toEqual([{ total: 3, good: 3 }]);
  });

  it("rejects Bad values and values the mapping cannot use, keeping what was received", () => {
    const mapper = createDataChangeMapper({ sourceId: "opcua-1", items });
    mapper.add(
      PRESSURE,
      change({ dataType: DataType.Double, value: 0 }, { statusCode: StatusCodes.BadCommunicationError }),
    );
    mapper.add(STATE, change(text("WARMING_UP")));
    mapper.add(TOTAL, change({ dataType: DataType.UInt32, arrayType: VariantArrayType.Array, value: [1, 2] }));
    mapper.add(GOOD, change(text("many")));
    const { events, rejected } = mapper.flush();
    expect(events).toEqual([]);
    expect(rejected.map((report) => report.reason)).toEqual([
      `${PRESSURE}: the server reports: BadCommunicationError (A low level communication error occurred.); nothing was recorded. Check the device behind this node on the OPC UA server.`,
      `${TOTAL}: the node holds an array; map a node that holds a single value; nothing was recorded`,
      `${STATE}: value WARMING_UP is not a known machine state: add the value to the item's state table, or send RUNNING, IDLE, DOWN or PLANNED_STOP; nothing was recorded`,
      `${GOOD}: counter value many is not a non-negative integer: map a cumulative counter node (an unsigned integer) as a count; nothing was recorded`,
    ]);
    expect(rejected[1]).toEqual({
      stage: "mapping",
      reason: expect.any(String),
      payload: { nodeId: TOTAL, value: [1, 2], statusCode: "Good", sourceTimestamp: T0.toISOString() },
    });
  });
});
