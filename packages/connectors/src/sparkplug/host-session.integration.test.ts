import { randomUUID } from "node:crypto";
import { type TCanonicalEvent, ZCanonicalEvent } from "@gemba/domain/events/canonical-events";
import { connectAsync, type MqttClient } from "mqtt";
import { afterEach, describe, expect, it } from "vitest";
import { createHostSession, type THostSession, type THostSessionOptions } from "./host-session";
import type { TLifecycleChange } from "./host-state";
import type { TSparkplugMappingRule } from "./map-metrics";
import {
  decodeSparkplugPayload,
  encodeSparkplugPayload,
  type TDecodedMetric,
  type TSparkplugEncodablePayload,
} from "./payload";

const BROKER = "mqtt://127.0.0.1:1883";
const WC = "5b0d7c1e-8f7a-4b59-9a49-2f7d1c3e4a10";
const rules: TSparkplugMappingRule[] = [
  {
    match: { metric: "Press/State" },
    as: "state",
    workCenterId: WC,
    states: { "1": "RUNNING", "2": "IDLE", "3": "DOWN" },
  },
  { match: { metric: "Press/Total" }, as: "count_total", workCenterId: WC },
  { match: { metric: "Press/Good" }, as: "count_good", workCenterId: WC },
  { match: { metric: "Press/*Temp" }, as: "telemetry", workCenterId: WC, unit: "°C" },
];

const waitFor = async (check: () => boolean, what: string, timeoutMs = 5000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined);
});

const open = async (clientId = `gemba-test-${randomUUID().slice(0, 8)}`): Promise<MqttClient> => {
  const client = await connectAsync(BROKER, { clientId, reconnectPeriod: 0 });
  cleanup.push(() => client.endAsync(true));
  return client;
};

/** A minimal edge node: real protobuf births and data, with its own seq counter, listening for NCMD. */
const createEdgeNode = async (group: string, edgeNode: string) => {
  const client = await open();
  const commands: TDecodedMetric[][] = [];
  await client.subscribeAsync(`spBv1.0/${group}/NCMD/${edgeNode}`);
  client.on("message", (_topic, bytes) => {
    const decoded = decodeSparkplugPayload(bytes);
    if (decoded.ok) commands.push(decoded.payload.metrics);
  });
  let seq = 0;
  const publish = async (
    type: string,
    device: string | undefined,
    metrics: TSparkplugEncodablePayload["metrics"],
    nextSeq?: number,
  ) => {
    if (nextSeq !== undefined) seq = nextSeq;
    const payload = { timestamp: Date.now(), seq, metrics };
    seq = (seq + 1) % 256;
    const topic = `spBv1.0/${group}/${type}/${edgeNode}${device ? `/${device}` : ""}`;
    await client.publishAsync(topic, Buffer.from(encodeSparkplugPayload(payload)), { qos: 1 });
  };
  const birth = async () => {
    await publish(
      "NBIRTH",
      undefined,
      [
        { name: "bdSeq", type: "UInt64", value: 0 },
        { name: "Node Control/Rebirth", type: "Boolean", value: false },
      ],
      0,
    );
    await publish("DBIRTH", "PLC", [
      { name: "Press/State", alias: 10, type: "Int32", value: 1 },
      { name: "Press/Total", alias: 11, type: "UInt32", value: 100 },
      { name: "Press/Good", alias: 12, type: "UInt32", value: 100 },
      { name: "Press/OilTemp", alias: 13, type: "Double", value: 40 },
    ]);
  };
  const skipSeq = () => {
    seq = (seq + 3) % 256;
  };
  return { client, commands, publish, birth, skipSeq };
};

const startHost = async (group: string, extra: Partial<THostSessionOptions> = {}) => {
  const events: TCanonicalEvent[] = [];
  const invalid: string[] = [];
  const lifecycle: TLifecycleChange[] = [];
  const hostId = `gemba-host-${randomUUID().slice(0, 8)}`;
  const session: THostSession = createHostSession({
    brokerUrl: BROKER,
    hostId,
    groups: [group],
    sourceId: "sparkplug-it",
    sparkplugRules: rules,
    reconnectPeriodMs: 200,
    onEvents: (batch) => {
      events.push(...batch);
    },
    onInvalid: (_raw, reason) => {
      invalid.push(reason);
    },
    onLifecycle: (changes) => lifecycle.push(...changes),
    ...extra,
  });
  await session.start();
  cleanup.push(() => session.stop());
  // The retained STATE must not outlive the test run.
  cleanup.push(async () => (await open()).publishAsync(`spBv1.0/STATE/${hostId}`, "", { retain: true }));
  return { session, events, invalid, lifecycle, hostId };
};

const readRetained = async (topic: string): Promise<unknown> => {
  const client = await open();
  const message = new Promise<string>((resolve) => client.on("message", (_t, bytes) => resolve(bytes.toString())));
  await client.subscribeAsync(topic);
  return JSON.parse(await message);
};

describe("Sparkplug host session against Mosquitto", () => {
  it("turns edge node data into canonical events and asks for rebirths over NCMD", async () => {
    const group = `gemba-test-${randomUUID().slice(0, 8)}`;
    const host = await startHost(group);
    const edge = await createEdgeNode(group, "E1");
    await edge.birth();
    await edge.publish("DDATA", "PLC", [
      { alias: 10, type: "Int32", value: 3 },
      { alias: 11, type: "UInt32", value: 110 },
      { alias: 12, type: "UInt32", value: 108 },
      { alias: 13, type: "Double", value: 55.5 },
    ]);
    await waitFor(() => host.events.length >= 5, "events from DBIRTH and DDATA");
    for (const event of host.events) expect(ZCanonicalEvent.parse(event)).toEqual(event);
    expect(host.events.map((event) => [event.kind, event.payload])).toEqual([
      // The DBIRTH carries current values; its counters only set the baselines.
      ["machine.state", { state: "RUNNING" }],
      ["telemetry", { tag: "Press/OilTemp", value: 40, unit: "°C" }],
      ["machine.state", { state: "DOWN" }],
      ["telemetry", { tag: "Press/OilTemp", value: 55.5, unit: "°C" }],
      ["production.count", { total: 10, good: 8 }],
    ]);
    expect(host.lifecycle).toContainEqual({ type: "online", group, edgeNode: "E1", device: "PLC" });

    edge.skipSeq();
    await edge.publish("DDATA", "PLC", [{ alias: 10, type: "Int32", value: 2 }]);
    await waitFor(() => edge.commands.length === 1, "NCMD rebirth after a seq gap");
    expect(edge.commands[0]).toEqual([{ name: "Node Control/Rebirth", datatype: "Boolean", value: true }]);

    // A second edge node, so the per-node rate limit does not hide this request.
    const other = await createEdgeNode(group, "E2");
    await other.birth();
    await other.publish("DDATA", "PLC", [{ alias: 99, type: "Int32", value: 1 }]);
    await waitFor(() => other.commands.length === 1, "NCMD rebirth after an unknown alias");
    expect(host.session.health().rebirthsRequested).toBe(2);

    await edge.publish("NDEATH", undefined, [{ name: "bdSeq", type: "UInt64", value: 0 }]);
    await waitFor(() => host.lifecycle.some((c) => c.type === "offline" && c.edgeNode === "E1" && !c.device), "NDEATH");
    expect(host.lifecycle).toContainEqual({ type: "offline", group, edgeNode: "E1", device: "PLC" });
    expect(host.invalid).toEqual([]);
  });

  it("dead-letters payloads that are not protobuf", async () => {
    const group = `gemba-test-${randomUUID().slice(0, 8)}`;
    const host = await startHost(group);
    const client = await open();
    await client.publishAsync(`spBv1.0/${group}/NDATA/E1`, Buffer.from([0xff, 0xff, 0xff]), { qos: 1 });
    await waitFor(() => host.invalid.length === 1, "invalid report");
    expect(host.invalid[0]).toMatch(/invalid Sparkplug B payload/);
  });

  it("subscribes to configured UNS topics and maps their JSON bodies", async () => {
    const group = `gemba-test-${randomUUID().slice(0, 8)}`;
    const root = `gemba-uns-${randomUUID().slice(0, 8)}`;
    const host = await startHost(group, {
      unsRules: [{ topic: `${root}/site/area/+/press/state`, as: "state", workCenterId: WC, states: {} }],
    });
    const client = await open();
    await client.publishAsync(
      `${root}/site/area/line1/press/state`,
      JSON.stringify({ value: "IDLE", timestamp: 1000 }),
    );
    await client.publishAsync(`${root}/site/area/line1/press/state`, "not json");
    await waitFor(() => host.events.length === 1 && host.invalid.length === 1, "UNS event and invalid report");
    expect(host.events[0]).toMatchObject({
      kind: "machine.state",
      eventTime: new Date(1000),
      payload: { state: "IDLE" },
    });
    expect(host.invalid).toEqual(["body is not JSON"]);
  });

  it("keeps STATE retained online while running and offline after stop", async () => {
    const group = `gemba-test-${randomUUID().slice(0, 8)}`;
    const host = await startHost(group);
    const topic = `spBv1.0/STATE/${host.hostId}`;
    expect(await readRetained(topic)).toMatchObject({ online: true, timestamp: expect.any(Number) });
    await host.session.stop();
    expect(await readRetained(topic)).toMatchObject({ online: false });
    expect(host.session.health().connected).toBe(false);
  });

  it("re-subscribes and re-announces itself after the broker drops the connection", async () => {
    const group = `gemba-test-${randomUUID().slice(0, 8)}`;
    const clientId = `gemba-host-it-${randomUUID().slice(0, 8)}`;
    const host = await startHost(group, { clientId });
    const edge = await createEdgeNode(group, "E1");
    await edge.birth();
    await waitFor(() => host.events.length === 2, "birth events");

    // A second connection with the same client id makes Mosquitto drop the host's session (takeover).
    const intruder = await connectAsync(BROKER, { clientId, reconnectPeriod: 0 });
    await intruder.endAsync();
    await waitFor(() => host.session.health().connects === 2 && host.session.health().connected, "reconnect");

    await edge.publish("DDATA", "PLC", [{ alias: 10, type: "Int32", value: 2 }]);
    await waitFor(() => host.events.length === 3, "event after reconnect");
    expect(host.events[2]?.payload).toEqual({ state: "IDLE" });
    expect(await readRetained(`spBv1.0/STATE/${host.hostId}`)).toMatchObject({ online: true });
  });
});
