import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { releaseOpcuaClientPki } from "./client-pki";
import { type TOpcuaConfig, type TOpcuaItem, type TOpcuaSecrets, ZOpcuaConfig } from "./config";
import { testOpcuaConnection } from "./test-connection";
import { findFreePort, startOpcuaTestServer, type TOpcuaTestServer } from "./testing/opcua-test-server";

const WC = "5b0d7c1e-8f7a-4b59-9a49-2f7d1c3e4a10";

const itemsOf = (server: TOpcuaTestServer): TOpcuaItem[] => [
  { nodeId: server.nodeId("State"), as: "state", workCenterId: WC, states: {} },
  { nodeId: server.nodeId("PartCount"), as: "count_total", workCenterId: WC },
  { nodeId: server.nodeId("GoodCount"), as: "count_good", workCenterId: WC },
  { nodeId: server.nodeId("HydraulicPressure"), as: "telemetry", workCenterId: WC, unit: "bar" },
];

const test = (
  config: Partial<TOpcuaConfig> & { endpointUrl: string; items: TOpcuaItem[] },
  secrets: TOpcuaSecrets = {},
) =>
  testOpcuaConnection(
    { tenantId: "t-1", connectorId: "c-1", sourceId: "opcua-test", config: ZOpcuaConfig.parse(config), secrets },
    new AbortController().signal,
  );

afterAll(releaseOpcuaClientPki);

describe("testOpcuaConnection", () => {
  let server: TOpcuaTestServer;
  let unsecured: TOpcuaTestServer;
  beforeAll(async () => {
    [server, unsecured] = await Promise.all([
      startOpcuaTestServer({ users: { operator: "s3cret" } }),
      startOpcuaTestServer({ onlyUnsecured: true }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([server.dispose(), unsecured.dispose()]);
  });

  it("names the server and its security, and finds every configured node", async () => {
    const result = await test({ endpointUrl: server.endpointUrl, items: itemsOf(server) });
    expect(result).toEqual({
      ok: true,
      summary: "Connected to Gemba OPC UA test server 1.0.0; all 4 configured nodes are readable.",
      details: ["Server: Gemba OPC UA test server 1.0.0 by Gemba, build 0", "Security: None / None"],
    });
  });

  it("connects signed and encrypted with a username", async () => {
    const result = await test(
      {
        endpointUrl: server.endpointUrl,
        items: itemsOf(server),
        securityMode: "SignAndEncrypt",
        securityPolicy: "Basic256Sha256",
        authentication: "username",
      },
      { username: "operator", password: "s3cret" },
    );
    expect(result.ok).toBe(true);
    expect(result.details).toContain("Security: SignAndEncrypt / Basic256Sha256");
  });

  it("lists each node that does not exist or does not fit its mapping", async () => {
    const items: TOpcuaItem[] = [
      ...itemsOf(server),
      { nodeId: "ns=1;s=PRS-201.Nope", as: "telemetry", workCenterId: WC },
      { nodeId: server.nodeId("State"), as: "count_total", workCenterId: WC },
    ];
    const result = await test({ endpointUrl: server.endpointUrl, items });
    expect(result.ok).toBe(false);
    expect(result.summary).toBe(
      "Connected to Gemba OPC UA test server 1.0.0, but 2 of 6 items cannot be read as configured: fix their node ids or mappings.",
    );
    expect(result.details.slice(2)).toEqual([
      expect.stringMatching(/^ns=1;s=PRS-201\.Nope \(telemetry\): BadNodeIdUnknown/),
      'ns=1;s=PRS-201.State (count_total): holds "IDLE", not a counter',
    ]);
  });

  it("says when nothing answers at the endpoint", async () => {
    const endpointUrl = `opc.tcp://127.0.0.1:${await findFreePort()}`;
    const began = Date.now();
    const result = await test({ endpointUrl, items: itemsOf(server) });
    expect(result.ok).toBe(false);
    expect(result.summary).toMatch(
      new RegExp(`^Nothing answers as an OPC UA server at ${endpointUrl}: check the endpoint URL`),
    );
    expect(Date.now() - began).toBeLessThan(12_000);
  });

  it("tells a wrong password and missing credentials apart", async () => {
    const config = { endpointUrl: server.endpointUrl, items: itemsOf(server), authentication: "username" as const };
    const wrong = await test(config, { username: "operator", password: "guess" });
    expect(wrong.ok).toBe(false);
    expect(wrong.summary).toMatch(/rejected the login: check the username and password/);
    const missing = await test(config, {});
    expect(missing).toEqual({
      ok: false,
      summary:
        "Username authentication is selected but no username and password are stored: enter them in the connector's secrets.",
      details: [],
    });
  });

  it("explains a security mode the server does not offer, and lists what it offers", async () => {
    const result = await test({
      endpointUrl: unsecured.endpointUrl,
      items: itemsOf(unsecured),
      securityMode: "SignAndEncrypt",
      securityPolicy: "Basic256Sha256",
    });
    expect(result.ok).toBe(false);
    expect(result.summary).toMatch(/offers no endpoint with security mode SignAndEncrypt and policy Basic256Sha256/);
    expect(result.details).toEqual(["The server offers: None / None"]);
  });

  it("stops when the caller cancels", async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await testOpcuaConnection(
      {
        tenantId: "t-1",
        connectorId: "c-1",
        sourceId: "opcua-test",
        config: ZOpcuaConfig.parse({ endpointUrl: server.endpointUrl, items: itemsOf(server) }),
        secrets: {},
      },
      controller.signal,
    );
    expect(result).toEqual({ ok: false, summary: "The connection test was cancelled.", details: [] });
  });
});
