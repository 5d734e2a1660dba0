import { randomUUID } from "node:crypto";
import { applyMessage, createHostState, type THostState } from "@gemba/connectors/sparkplug/host-state";
import {
  decodeSparkplugPayload,
  encodeSparkplugPayload,
  type TDecodedPayload,
} from "@gemba/connectors/sparkplug/payload";
import { parseSparkplugTopic, type TSparkplugEdgeTopic } from "@gemba/connectors/sparkplug/topic";
import { RIVERSIDE_PLANT } from "@gemba/db/seed/demo-plant";
import { connectAsync, type MqttClient } from "mqtt";
import pino from "pino";
import { get } from "sparkplug-payload";
import { afterEach, describe, expect, it } from "vitest";
import { LivePlant } from "./plant/live-plant";
import { SparkplugEdgeNode } from "./sparkplug/edge-node";
import { startSimulator, type TRunningSimulator } from "./start-simulator";

const BROKER = "mqtt://127.0.0.1:1883";
const silent = pino({ level: "silent" });

type TMessage = { topic: TSparkplugEdgeTopic; raw: string; bytes: Buffer; payload: TDecodedPayload };

const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined);
});

const waitFor = async (check: () => boolean, what: string, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

/** A plain MQTT client on the group's topics, decoding every message with the platform's decoder. */
async function listen(groupId: string): Promise<{ client: MqttClient; messages: TMessage[] }> {
  const client = await connectAsync(BROKER, { clientId: `sim-test-${randomUUID().slice(0, 8)}`, reconnectPeriod: 0 });
  cleanup.push(() => client.endAsync(true));
  const messages: TMessage[] = [];
  client.on("message", (raw, bytes) => {
    const parsed = parseSparkplugTopic(raw);
    if (!parsed.ok || parsed.topic.kind !== "edge") throw new Error(`unexpected topic ${raw}`);
    const decoded = decodeSparkplugPayload(bytes);
    if (!decoded.ok) throw new Error(`${raw}: ${decoded.reason}`);
    messages.push({ topic: parsed.topic, raw, bytes, payload: decoded.payload });
  });
  await client.subscribeAsync(`spBv1.0/${groupId}/#`, { qos: 1 });
  return { client, messages };
}

async function start(groupId: string, extra: Parameters<typeof startSimulator>[0] = {}): Promise<TRunningSimulator> {
  const simulator = await startSimulator({
    protocols: ["sparkplug"],
    mqttUrl: BROKER,
    groupId,
    speed: 1800,
    tickMs: 50,
    telemetryIntervalMs: 200,
    logger: silent,
    ...extra,
  });
  cleanup.push(() => simulator.stop());
  return simulator;
}

const of = (messages: TMessage[], type: string, edgeNode?: string) =>
  messages.filter((m) => m.topic.messageType === type && (edgeNode === undefined || m.topic.edgeNode === edgeNode));
const metricValue = (message: TMessage | undefined, name: string) =>
  message?.payload.metrics.find((metric) => metric.name === name)?.value;

describe("Sparkplug B edge nodes against a real broker", () => {
  it("births every line and device, then reports by exception with aliases and a wrapping seq", async () => {
    const groupId = `Riverside-${randomUUID().slice(0, 8)}`;
    const { messages } = await listen(groupId);
    const simulator = await start(groupId);
    expect(simulator.problems).toEqual([]);
    expect(simulator.endpoints.sparkplug?.edgeNodes).toEqual([
      { edgeNodeId: "CNC1", devices: ["CNC-102", "CNC-103", "DBR-104"] },
      { edgeNodeId: "STP1", devices: ["PRS-202", "PRS-203", "PRS-204"] },
      { edgeNodeId: "ASM1", devices: ["WLD-301", "ASM-302", "ASM-303", "TST-304"] },
    ]);

    // Four devices with changing counters every 50 ms: ASM1's seq passes 255 within seconds.
    await waitFor(() => of(messages, "DDATA", "ASM1").length > 300, "ASM1 seq to wrap");

    for (const edgeNode of ["CNC1", "STP1", "ASM1"]) {
      const births = of(messages, "NBIRTH", edgeNode);
      expect(births).toHaveLength(1);
      const birth = births[0];
      expect(birth?.payload.seq).toBe(0);
      expect(metricValue(birth, "bdSeq")).toBe(0);
      expect(birth?.payload.metrics.find((m) => m.name === "Node Control/Rebirth")).toMatchObject({
        datatype: "Boolean",
        value: false,
      });
      // Every message of the session after NBIRTH continues the node's seq, 0–255 and round again.
      const session = messages.filter((m) => m.topic.edgeNode === edgeNode);
      expect(session.map((m) => m.payload.seq)).toEqual(session.map((_, index) => index % 256));
    }
    // Each edge node has its own MQTT connection: across nodes the broker may interleave them.
    const devices = simulator.endpoints.sparkplug?.edgeNodes.flatMap((node) => node.devices) ?? [];
    expect(
      of(messages, "DBIRTH")
        .map((m) => m.topic.device)
        .sort(),
    ).toEqual([...devices].sort());
    expect(of(messages, "DBIRTH", "ASM1").map((m) => m.topic.device)).toEqual([
      "WLD-301",
      "ASM-302",
      "ASM-303",
      "TST-304",
    ]);
    // CNC-101 (MTConnect) and PRS-201 (OPC UA) are never Sparkplug devices.
    expect(messages.some((m) => m.topic.device === "CNC-101" || m.topic.device === "PRS-201")).toBe(false);

    const press = of(messages, "DBIRTH", "STP1").find((m) => m.topic.device === "PRS-202");
    const byName = new Map(press?.payload.metrics.map((m) => [m.name, m]));
    expect(byName.get("State")).toMatchObject({ datatype: "String", value: "RUNNING" });
    expect(byName.get("Reason")).toMatchObject({ datatype: "String", value: "" });
    for (const counter of ["Counts/Total", "Counts/Good", "Counts/Scrap"]) {
      expect(byName.get(counter)).toMatchObject({ datatype: "UInt64", value: 0 });
    }
    expect(byName.get("Telemetry/hydraulic_pressure")?.datatype).toBe("Double");
    expect(byName.get("Telemetry/oil_temperature")?.datatype).toBe("Double");
    // Units travel as the engUnit property, which the platform's decoder does not surface.
    const raw = get("spBv1.0")?.decodePayload(press?.bytes ?? new Uint8Array());
    const pressure = raw?.metrics?.find((m) => m.name === "Telemetry/hydraulic_pressure");
    expect(pressure?.properties?.engUnit?.value).toBe("bar");
    // Aliases are unique across the whole edge node, node metrics included.
    const aliases = [...of(messages, "NBIRTH", "STP1"), ...of(messages, "DBIRTH", "STP1")].flatMap((m) =>
      m.payload.metrics.flatMap((metric) => (metric.alias === undefined ? [] : [Number(metric.alias)])),
    );
    expect(new Set(aliases).size).toBe(aliases.length);

    // DDATA carries aliases only, never names, and they all resolve against the births.
    const data = of(messages, "DDATA");
    expect(
      data.every((m) => m.payload.metrics.every((metric) => metric.name === undefined && metric.alias !== undefined)),
    ).toBe(true);

    // The platform's own host logic accepts the whole stream: no unknown alias, no seq gap.
    let host: THostState = createHostState();
    const resolved: Array<{ device?: string; name: string; value: unknown }> = [];
    for (const message of messages) {
      const result = applyMessage(host, message.topic, message.payload, new Date());
      host = result.state;
      expect(result.actions, message.raw).toEqual([]);
      expect(result.unresolved).toEqual([]);
      resolved.push(...result.metrics);
    }
    const states = new Set(resolved.filter((m) => m.name === "State").map((m) => m.value));
    expect(states.has("RUNNING")).toBe(true);
    const totals = resolved
      .filter((m) => m.device === "PRS-202" && m.name === "Counts/Total")
      .map((m) => Number(m.value));
    expect(totals.length).toBeGreaterThan(10);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    expect(totals.at(-1)).toBeGreaterThan(0);
    expect(resolved.some((m) => m.name === "Telemetry/weld_current" && typeof m.value === "number")).toBe(true);
  });

  it("answers an NCMD rebirth with fresh births, and says goodbye with DDEATH and NDEATH", async () => {
    const groupId = `Riverside-${randomUUID().slice(0, 8)}`;
    const { client, messages } = await listen(groupId);
    const simulator = await start(groupId, { speed: 60, tickMs: 100 });
    await waitFor(() => of(messages, "DBIRTH", "CNC1").length === 3, "first births");
    await waitFor(() => of(messages, "DDATA", "CNC1").length >= 2, "some data");

    const rebirth = encodeSparkplugPayload({
      timestamp: Date.now(),
      metrics: [{ name: "Node Control/Rebirth", type: "Boolean", value: true }],
    });
    await client.publishAsync(`spBv1.0/${groupId}/NCMD/CNC1`, Buffer.from(rebirth));
    await waitFor(() => of(messages, "DBIRTH", "CNC1").length === 6, "births after the rebirth request");

    const births = of(messages, "NBIRTH", "CNC1");
    expect(births).toHaveLength(2);
    expect(births[1]?.payload.seq).toBe(0);
    // Same MQTT session, so the same bdSeq; only CNC1 was asked.
    expect(metricValue(births[1], "bdSeq")).toBe(metricValue(births[0], "bdSeq"));
    expect(of(messages, "NBIRTH", "STP1")).toHaveLength(1);
    const afterRebirth = messages
      .slice(messages.indexOf(births[1] as TMessage))
      .filter((m) => m.topic.edgeNode === "CNC1");
    expect(afterRebirth.map((m) => m.payload.seq)).toEqual(afterRebirth.map((_, index) => index % 256));

    await simulator.stop();
    await waitFor(() => of(messages, "NDEATH").length === 3, "NDEATH of every node");
    const devices = simulator.endpoints.sparkplug?.edgeNodes.flatMap((node) => node.devices) ?? [];
    expect(
      of(messages, "DDEATH")
        .map((m) => m.topic.device)
        .sort(),
    ).toEqual([...devices].sort());
    for (const death of of(messages, "NDEATH")) {
      const birth = of(messages, "NBIRTH", death.topic.edgeNode)[0];
      expect(metricValue(death, "bdSeq")).toBe(metricValue(birth, "bdSeq"));
    }
  });

  it("starts a new session with the next bdSeq after losing its connection, the broker sending the will", async () => {
    const groupId = `Riverside-${randomUUID().slice(0, 8)}`;
    const { messages } = await listen(groupId);
    const plant = new LivePlant({ plant: RIVERSIDE_PLANT, seed: 1, speed: 60, tickMs: 100, telemetryIntervalMs: 500 });
    const line = plant.lines.find((candidate) => candidate.code === "ASM1");
    if (line === undefined) throw new Error("no ASM1");
    const clientId = `gemba-sim-test-${randomUUID().slice(0, 8)}`;
    const node = new SparkplugEdgeNode({
      brokerUrl: BROKER,
      groupId,
      line,
      deviceCodes: ["WLD-301"],
      speed: 60,
      logger: silent,
      clientId,
      reconnectPeriodMs: 200,
    });
    cleanup.push(() => node.stop());
    await node.start();
    await waitFor(() => of(messages, "DBIRTH").length === 1, "first birth");

    // Another client with the same id takes the session over: the broker drops ours and publishes its will.
    const intruder = await connectAsync(BROKER, { clientId, reconnectPeriod: 0 });
    cleanup.push(() => intruder.endAsync(true));
    await waitFor(
      () => of(messages, "NDEATH").length === 1 && of(messages, "NBIRTH").length === 2,
      "death and rebirth",
    );

    const [firstBirth, secondBirth] = of(messages, "NBIRTH");
    const death = of(messages, "NDEATH")[0];
    expect(metricValue(death, "bdSeq")).toBe(metricValue(firstBirth, "bdSeq"));
    expect(metricValue(secondBirth, "bdSeq")).toBe(1);
    expect(secondBirth?.payload.seq).toBe(0);
  });

  it("waits for the primary host to be online before it births", async () => {
    const groupId = `Riverside-${randomUUID().slice(0, 8)}`;
    const hostId = `gemba-test-host-${randomUUID().slice(0, 8)}`;
    const { client, messages } = await listen(groupId);
    await start(groupId, { primaryHostId: hostId, speed: 60, tickMs: 100 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(messages).toEqual([]);

    await client.publishAsync(`spBv1.0/STATE/${hostId}`, JSON.stringify({ online: true, timestamp: Date.now() }), {
      qos: 1,
    });
    await waitFor(() => of(messages, "NBIRTH").length === 3 && of(messages, "DDATA").length > 0, "births and data");
  });

  it("says in one sentence that the broker is not reachable, and keeps the other protocols", async () => {
    const simulator = await startSimulator({
      protocols: ["sparkplug", "mtconnect"],
      mqttUrl: "mqtt://127.0.0.1:1",
      // Without this, the simulator would start its own broker on the free local port instead.
      embeddedBroker: "never",
      mtconnectPort: 0,
      logger: silent,
    });
    cleanup.push(() => simulator.stop());
    expect(simulator.problems).toHaveLength(1);
    expect(simulator.problems[0]).toMatch(
      /^MQTT broker not reachable at mqtt:\/\/127\.0\.0\.1:1 \(.*ECONNREFUSED.*\): /,
    );
    const response = await fetch(`${simulator.endpoints.mtconnect?.url}/probe`);
    expect(response.status).toBe(200);
  });
});
