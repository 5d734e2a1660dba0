import { describe, expect, it } from "vitest";
import { applyMessage, createHostState, type THostState } from "./host-state";
import type { TDecodedPayload } from "./payload";
import { parseSparkplugTopic, type TSparkplugTopic } from "./topic";

const at = new Date("2024-05-01T10:00:00Z");
const topic = (value: string): TSparkplugTopic => {
  const parsed = parseSparkplugTopic(value);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.topic;
};
const nbirth: TDecodedPayload = {
  timestamp: 1000,
  seq: 0,
  metrics: [
    { name: "bdSeq", datatype: "UInt64", value: 1 },
    { name: "Node Control/Rebirth", datatype: "Boolean", value: false },
    { name: "Uptime", alias: 1, datatype: "Int64", value: 10 },
  ],
};
const dbirth = (seq: number): TDecodedPayload => ({
  timestamp: 1001,
  seq,
  metrics: [
    { name: "Line1/Press/State", alias: 10, datatype: "Int32", value: 1 },
    { name: "Line1/Press/Count", alias: 11, datatype: "UInt32", value: 100 },
  ],
});

const born = (): THostState => {
  let state = applyMessage(createHostState(), topic("spBv1.0/G/NBIRTH/E1"), nbirth, at).state;
  state = applyMessage(state, topic("spBv1.0/G/DBIRTH/E1/PLC"), dbirth(1), at).state;
  return state;
};

describe("applyMessage", () => {
  it("records bdSeq, aliases and online state from births", () => {
    const first = applyMessage(createHostState(), topic("spBv1.0/G/NBIRTH/E1"), nbirth, at);
    expect(first.state.nodes["G/E1"]).toMatchObject({ online: true, bdSeq: 1, expectedSeq: 1 });
    expect(first.lifecycle).toEqual([{ type: "online", group: "G", edgeNode: "E1" }]);
    expect(first.metrics.map((metric) => metric.name)).toEqual(["bdSeq", "Node Control/Rebirth", "Uptime"]);

    const second = applyMessage(first.state, topic("spBv1.0/G/DBIRTH/E1/PLC"), dbirth(1), at);
    expect(second.actions).toEqual([]);
    expect(second.lifecycle).toEqual([{ type: "online", group: "G", edgeNode: "E1", device: "PLC" }]);
    expect(second.state.nodes["G/E1"]?.devices.PLC?.aliases["11"]).toEqual({
      name: "Line1/Press/Count",
      datatype: "UInt32",
    });
  });

  it("resolves DDATA aliases to names, datatypes and timestamps", () => {
    const result = applyMessage(
      born(),
      topic("spBv1.0/G/DDATA/E1/PLC"),
      {
        timestamp: 2000,
        seq: 2,
        metrics: [
          { alias: 11, value: 105, timestamp: 1999 },
          { alias: 10, value: 3 },
        ],
      },
      at,
    );
    expect(result.actions).toEqual([]);
    expect(result.metrics).toEqual([
      {
        group: "G",
        edgeNode: "E1",
        device: "PLC",
        name: "Line1/Press/Count",
        value: 105,
        datatype: "UInt32",
        timestamp: new Date(1999),
        seq: 2,
      },
      {
        group: "G",
        edgeNode: "E1",
        device: "PLC",
        name: "Line1/Press/State",
        value: 3,
        datatype: "Int32",
        timestamp: new Date(2000),
        seq: 2,
      },
    ]);
  });

  it("wraps seq from 255 to 0 without asking for a rebirth", () => {
    let state = born();
    for (let seq = 2; seq <= 255; seq += 1) {
      state = applyMessage(state, topic("spBv1.0/G/NDATA/E1"), { seq, metrics: [] }, at).state;
    }
    const wrapped = applyMessage(state, topic("spBv1.0/G/NDATA/E1"), { seq: 0, metrics: [] }, at);
    expect(wrapped.actions).toEqual([]);
  });

  it("asks for a rebirth on a seq gap and resynchronises", () => {
    const gap = applyMessage(
      born(),
      topic("spBv1.0/G/DDATA/E1/PLC"),
      { seq: 5, metrics: [{ alias: 10, value: 2 }] },
      at,
    );
    expect(gap.actions).toEqual([
      { type: "rebirth", group: "G", edgeNode: "E1", reason: "seq gap: expected 2, received 5" },
    ]);
    // The aliases are still those of the last birth, so the value itself is kept.
    expect(gap.metrics).toHaveLength(1);
    const next = applyMessage(gap.state, topic("spBv1.0/G/DDATA/E1/PLC"), { seq: 6, metrics: [] }, at);
    expect(next.actions).toEqual([]);
  });

  it("asks for a rebirth on an unknown alias and reports the metric unresolved", () => {
    const result = applyMessage(
      born(),
      topic("spBv1.0/G/DDATA/E1/PLC"),
      {
        seq: 2,
        metrics: [
          { alias: 99, value: 1 },
          { alias: 10, value: 2 },
        ],
      },
      at,
    );
    expect(result.metrics.map((metric) => metric.name)).toEqual(["Line1/Press/State"]);
    expect(result.unresolved).toEqual([
      { group: "G", edgeNode: "E1", device: "PLC", seq: 2, alias: "99", reason: "unknown alias 99" },
    ]);
    expect(result.actions).toEqual([{ type: "rebirth", group: "G", edgeNode: "E1", reason: "unknown alias 99" }]);
  });

  it("asks for a rebirth on DATA before any birth, resolving nothing", () => {
    const result = applyMessage(
      createHostState(),
      topic("spBv1.0/G/NDATA/E9"),
      { seq: 7, metrics: [{ name: "Uptime", value: 1 }] },
      at,
    );
    expect(result.metrics).toEqual([]);
    expect(result.unresolved).toEqual([{ group: "G", edgeNode: "E9", seq: 7, reason: "NDATA before NBIRTH" }]);
    expect(result.actions).toEqual([
      { type: "rebirth", group: "G", edgeNode: "E9", reason: "NDATA received before NBIRTH" },
    ]);
  });

  it("asks for a rebirth on DDATA for a device without DBIRTH", () => {
    const state = applyMessage(createHostState(), topic("spBv1.0/G/NBIRTH/E1"), nbirth, at).state;
    const result = applyMessage(
      state,
      topic("spBv1.0/G/DDATA/E1/Other"),
      { seq: 1, metrics: [{ alias: 10, value: 1 }] },
      at,
    );
    expect(result.actions.map((action) => action.reason)).toEqual(["DDATA for device Other before its DBIRTH"]);
    expect(result.unresolved).toHaveLength(1);
  });

  it("marks node and devices offline on NDEATH with the matching bdSeq", () => {
    const result = applyMessage(
      born(),
      topic("spBv1.0/G/NDEATH/E1"),
      { metrics: [{ name: "bdSeq", datatype: "UInt64", value: 1 }] },
      at,
    );
    expect(result.lifecycle).toEqual([
      { type: "offline", group: "G", edgeNode: "E1", device: "PLC" },
      { type: "offline", group: "G", edgeNode: "E1" },
    ]);
    expect(result.state.nodes["G/E1"]).toMatchObject({ online: false, devices: { PLC: { online: false } } });
    const after = applyMessage(result.state, topic("spBv1.0/G/NDATA/E1"), { seq: 2, metrics: [] }, at);
    expect(after.actions).toHaveLength(1);
  });

  it("ignores a stale NDEATH whose bdSeq belongs to an earlier session", () => {
    const state = born();
    const result = applyMessage(
      state,
      topic("spBv1.0/G/NDEATH/E1"),
      { metrics: [{ name: "bdSeq", datatype: "UInt64", value: 0 }] },
      at,
    );
    expect(result.lifecycle).toEqual([]);
    expect(result.state).toBe(state);
  });

  it("marks a device offline on DDEATH", () => {
    const result = applyMessage(born(), topic("spBv1.0/G/DDEATH/E1/PLC"), { seq: 2, metrics: [] }, at);
    expect(result.lifecycle).toEqual([{ type: "offline", group: "G", edgeNode: "E1", device: "PLC" }]);
    expect(result.state.nodes["G/E1"]?.devices.PLC?.online).toBe(false);
  });

  it("reads datatype-less DATA values with the birth's datatype", () => {
    const state = applyMessage(
      createHostState(),
      topic("spBv1.0/G/NBIRTH/E1"),
      {
        seq: 0,
        metrics: [
          { name: "bdSeq", value: 0 },
          { name: "Delta", alias: 3, datatype: "Int32", value: 0 },
        ],
      },
      at,
    ).state;
    const result = applyMessage(
      state,
      topic("spBv1.0/G/NDATA/E1"),
      { seq: 1, metrics: [{ alias: 3, value: 4294967295 }] },
      at,
    );
    expect(result.metrics[0]?.value).toBe(-1);
  });
});
