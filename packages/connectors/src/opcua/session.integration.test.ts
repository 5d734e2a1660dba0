import { type TCanonicalEvent, ZCanonicalEvent } from "@gemba/domain/events/canonical-events";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TStreamingConnector } from "../framework/definition";
import { releaseOpcuaClientPki } from "./client-pki";
import { type TOpcuaConfig, type TOpcuaItem, type TOpcuaSecrets, ZOpcuaConfig } from "./config";
import { createOpcuaSession, type TOpcuaSessionTuning } from "./session";
import { findFreePort, startOpcuaTestServer, type TOpcuaTestServer } from "./testing/opcua-test-server";
import { recordOutput, type TRecordedOutput, waitFor } from "./testing/record-output";

const WC = "5b0d7c1e-8f7a-4b59-9a49-2f7d1c3e4a10";
const FAST: Partial<TOpcuaSessionTuning> = { reconnectInitialDelayMs: 200, reconnectMaxDelayMs: 1000 };

const machineItems = (server: TOpcuaTestServer): TOpcuaItem[] => [
  { nodeId: server.nodeId("State"), as: "state", workCenterId: WC, states: {} },
  { nodeId: server.nodeId("PartCount"), as: "count_total", workCenterId: WC },
  { nodeId: server.nodeId("GoodCount"), as: "count_good", workCenterId: WC },
  {
    nodeId: server.nodeId("HydraulicPressure"),
    as: "telemetry",
    workCenterId: WC,
    tag: "HydraulicPressure",
    unit: "bar",
  },
];

const configFor = (server: { endpointUrl: string }, items: TOpcuaItem[], extra: Partial<TOpcuaConfig> = {}) =>
  ZOpcuaConfig.parse({
    endpointUrl: server.endpointUrl,
    publishingIntervalMs: 100,
    samplingIntervalMs: 0,
    items,
    ...extra,
  });

const running: TStreamingConnector[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((connector) => connector.stop()));
});

const connect = (config: TOpcuaConfig, secrets: TOpcuaSecrets = {}) => {
  const recorded = recordOutput();
  const connector = createOpcuaSession(
    { tenantId: "t-1", connectorId: "c-opcua", sourceId: "opcua-test", config, secrets },
    recorded.output,
    FAST,
  );
  running.push(connector);
  return { connector, recorded };
};

const connected = (recorded: TRecordedOutput, times = 1) =>
  waitFor(() => recorded.statuses.filter((s) => s.status === "connected").length >= times, `connected ×${times}`);
const statesOf = (events: TCanonicalEvent[]) =>
  events.flatMap((e) => (e.kind === "machine.state" ? [e.payload.state] : []));
const countsOf = (events: TCanonicalEvent[]) =>
  events.reduce(
    (sum, e) =>
      e.kind === "production.count" ? { total: sum.total + e.payload.total, good: sum.good + e.payload.good } : sum,
    { total: 0, good: 0 },
  );
const telemetryOf = (events: TCanonicalEvent[]) =>
  events.flatMap((e) => (e.kind === "telemetry" ? [e.payload.value] : []));

afterAll(releaseOpcuaClientPki);

describe("OPC UA streaming session", () => {
  let server: TOpcuaTestServer;
  beforeAll(async () => {
    server = await startOpcuaTestServer();
  });
  afterAll(async () => {
    await server.dispose();
  });

  it("turns state, cumulative counters and telemetry into canonical events", async () => {
    const { connector, recorded } = connect(configFor(server, machineItems(server)));
    await connector.start();
    await connected(recorded);
    // Current values arrive first: the state and a telemetry sample; counters only set their baseline.
    await waitFor(() => statesOf(recorded.events).length === 1, "the initial state");

    server.setState("RUNNING");
    server.addParts(3, 2);
    server.setTelemetry(182.5);
    await waitFor(() => statesOf(recorded.events).includes("RUNNING"), "RUNNING");
    await waitFor(() => countsOf(recorded.events).total === 3 && countsOf(recorded.events).good === 2, "3 parts");
    await waitFor(() => telemetryOf(recorded.events).includes(182.5), "the pressure sample");

    for (const event of recorded.events) ZCanonicalEvent.parse(event);
    expect(statesOf(recorded.events)).toEqual(["IDLE", "RUNNING"]);
    expect(recorded.events.find((e) => e.kind === "telemetry" && e.payload.value === 182.5)).toMatchObject({
      workCenterId: WC,
      sourceId: "opcua-test",
      payload: { tag: "HydraulicPressure", value: 182.5, unit: "bar" },
    });
    expect(new Set(recorded.events.map((e) => e.dedupeKey)).size).toBe(recorded.events.length);
    expect(recorded.rejected).toEqual([]);
    expect(recorded.errors).toEqual([]);
  });

  it("reports a node that does not exist and keeps the other nodes working", async () => {
    const missing = `ns=1;s=${server.machine}.DoesNotExist`;
    const items: TOpcuaItem[] = [...machineItems(server), { nodeId: missing, as: "telemetry", workCenterId: WC }];
    const { connector, recorded } = connect(configFor(server, items));
    await connector.start();
    await connected(recorded);

    expect(recorded.errors.find((message) => message.includes(missing))).toMatch(
      /cannot be monitored: BadNodeIdUnknown/,
    );
    expect(recorded.statuses.at(-1)?.detail).toMatch(/subscribed to 4 of 5 nodes/);
    server.setTelemetry(77.25);
    await waitFor(() => telemetryOf(recorded.events).includes(77.25), "telemetry from a good node");
  });

  it("rejects Bad values and values the mapping cannot use, with the raw data for a retry", async () => {
    const { connector, recorded } = connect(configFor(server, machineItems(server)));
    await connector.start();
    await connected(recorded);

    server.setState("WARMING_UP");
    server.setBadStatus("HydraulicPressure");
    await waitFor(() => recorded.rejected.length >= 2, "two rejections");

    const unknownState = recorded.rejected.find((r) => r.reason.includes("WARMING_UP"));
    expect(unknownState?.reason).toMatch(/not a known machine state: add the value to the item's state table/);
    expect(unknownState?.payload).toMatchObject({
      nodeId: server.nodeId("State"),
      value: "WARMING_UP",
      statusCode: "Good",
    });
    const bad = recorded.rejected.find((r) => r.reason.includes("BadCommunicationError"));
    expect(bad).toMatchObject({ stage: "mapping", payload: { nodeId: server.nodeId("HydraulicPressure") } });
    expect(bad?.payload).toHaveProperty("sourceTimestamp", expect.any(String));
    server.setTelemetry(5);
  });

  it("rejects username authentication without stored credentials instead of crashing", async () => {
    const { connector, recorded } = connect(configFor(server, machineItems(server), { authentication: "username" }));
    await expect(connector.start()).rejects.toThrow(/no username and password are stored/);
    expect(recorded.lastStatus()).toBe("disconnected");
  });

  it("stop() returns promptly while the server cannot be reached", async () => {
    const port = await findFreePort();
    const { connector, recorded } = connect(
      configFor({ endpointUrl: `opc.tcp://127.0.0.1:${port}` }, machineItems(server)),
    );
    await connector.start();
    expect(recorded.lastStatus()).toBe("connecting");
    expect(recorded.errors[0]).toMatch(/Cannot reach the OPC UA server/);
    const began = Date.now();
    await connector.stop();
    expect(Date.now() - began).toBeLessThan(3000);
    expect(recorded.lastStatus()).toBe("disconnected");
  });
});

describe("OPC UA streaming session when the subscription is lost", () => {
  it("builds a new session and subscription when the server ends the subscription", async () => {
    const server = await startOpcuaTestServer();
    try {
      const recorded = recordOutput();
      const connector = createOpcuaSession(
        {
          tenantId: "t-1",
          connectorId: "c-opcua",
          sourceId: "opcua-test",
          config: configFor(server, machineItems(server)),
          secrets: {},
        },
        recorded.output,
        // Keep-alives come every second (100 ms × 10): 2.5 s of silence means the subscription is gone.
        { ...FAST, silenceLimitMs: 2500 },
      );
      running.push(connector);
      await connector.start();
      await connected(recorded);
      await waitFor(() => telemetryOf(recorded.events).length === 1, "the first sample");

      server.terminateSubscriptions(); // node-opcua's server tells the client nothing: only the silence shows it
      await connected(recorded, 2);
      expect(recorded.errors).toEqual([
        expect.stringMatching(/is being rebuilt: nothing heard from the subscription for 3 s\.$/),
      ]);
      server.setTelemetry(42);
      await waitFor(() => telemetryOf(recorded.events).includes(42), "a sample on the new subscription");
      expect(telemetryOf(recorded.events)).toEqual([0, 42]);
    } finally {
      await server.dispose();
    }
  });
});

describe("OPC UA streaming session across a server restart", () => {
  it("reconnects, re-creates the subscription and delivers new values once", async () => {
    const server = await startOpcuaTestServer({ users: { operator: "s3cret" } });
    try {
      const config = configFor(server, machineItems(server), { authentication: "username" });
      const { connector, recorded } = connect(config, { username: "operator", password: "s3cret" });
      await connector.start();
      await connected(recorded);
      server.setState("RUNNING");
      server.addParts(2);
      server.setTelemetry(150);
      await waitFor(
        () => countsOf(recorded.events).total === 2 && telemetryOf(recorded.events).includes(150),
        "values",
      );

      await server.stop();
      await waitFor(() => recorded.lastStatus() === "reconnecting", "reconnecting");
      server.setState("DOWN"); // changed while the server was away: arrives as the re-created item's first value
      await server.start();
      await connected(recorded, 2);

      server.addParts(5, 4);
      server.setTelemetry(151);
      await waitFor(
        () => countsOf(recorded.events).total === 7 && telemetryOf(recorded.events).includes(151),
        "new values",
      );
      await waitFor(() => statesOf(recorded.events).includes("DOWN"), "DOWN");

      // Values the server still held (same value, same source time) were not delivered a second time.
      expect(statesOf(recorded.events)).toEqual(["IDLE", "RUNNING", "DOWN"]);
      expect(telemetryOf(recorded.events)).toEqual([0, 150, 151]);
      expect(countsOf(recorded.events)).toEqual({ total: 7, good: 6 });
      expect(new Set(recorded.events.map((e) => e.dedupeKey)).size).toBe(recorded.events.length);
      expect(recorded.errors.some((message) => message.startsWith("Lost the connection"))).toBe(true);

      const began = Date.now();
      await connector.stop();
      expect(Date.now() - began).toBeLessThan(3000);
    } finally {
      await server.dispose();
    }
  });

  it("stop() returns promptly while reconnecting to a server that is gone", async () => {
    const server = await startOpcuaTestServer();
    try {
      const { connector, recorded } = connect(configFor(server, machineItems(server)));
      await connector.start();
      await connected(recorded);
      await server.stop();
      await waitFor(() => recorded.lastStatus() === "reconnecting", "reconnecting");
      const began = Date.now();
      await connector.stop();
      expect(Date.now() - began).toBeLessThan(3000);
      expect(recorded.lastStatus()).toBe("disconnected");
    } finally {
      await server.dispose();
    }
  });
});
