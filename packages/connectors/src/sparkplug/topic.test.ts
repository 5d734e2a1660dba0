import { describe, expect, it } from "vitest";
import { formatSparkplugTopic, parseSparkplugTopic } from "./topic";

describe("parseSparkplugTopic", () => {
  it.each([
    ["spBv1.0/G1/NBIRTH/E1", { kind: "edge", group: "G1", messageType: "NBIRTH", edgeNode: "E1" }],
    ["spBv1.0/G1/DDATA/E1/PLC", { kind: "edge", group: "G1", messageType: "DDATA", edgeNode: "E1", device: "PLC" }],
    ["spBv1.0/STATE/host-1", { kind: "state", hostId: "host-1" }],
  ])("parses and formats %s", (topic, expected) => {
    const parsed = parseSparkplugTopic(topic);
    expect(parsed).toEqual({ ok: true, topic: expected });
    if (parsed.ok) expect(formatSparkplugTopic(parsed.topic)).toBe(topic);
  });

  it.each([
    ["spAv1.0/G1/NBIRTH/E1", "not a spBv1.0 topic: spAv1.0/G1/NBIRTH/E1"],
    ["spBv1.0/G1/NBIRTH/E1/PLC", "NBIRTH topic must not name a device"],
    ["spBv1.0/G1/DBIRTH/E1", "DBIRTH topic must be spBv1.0/<group>/DBIRTH/<edge node>/<device>"],
    ["spBv1.0/G1/NFOO/E1", "unknown message type: NFOO"],
    ["spBv1.0/G1/NDATA", "missing edge node id"],
    ["spBv1.0//NDATA/E1", "group id is empty"],
    ["spBv1.0/G1/NDATA/+", "edge node id contains an MQTT wildcard"],
    ["spBv1.0/STATE/h/extra", "STATE topic must be spBv1.0/STATE/<host id>"],
  ])("rejects %s", (topic, reason) => {
    expect(parseSparkplugTopic(topic)).toEqual({ ok: false, reason });
  });
});
