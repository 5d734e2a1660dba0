import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browseOpcuaNode } from "./browse";
import { releaseOpcuaClientPki } from "./client-pki";
import type { TOpcuaConnectionSettings } from "./one-off-session";
import { startOpcuaTestServer, type TOpcuaTestServer } from "./testing/opcua-test-server";

afterAll(releaseOpcuaClientPki);

describe("browseOpcuaNode", () => {
  let server: TOpcuaTestServer;
  let settings: TOpcuaConnectionSettings;
  beforeAll(async () => {
    server = await startOpcuaTestServer();
    settings = {
      endpointUrl: server.endpointUrl,
      securityMode: "None",
      securityPolicy: "None",
      authentication: "anonymous",
    };
  });
  afterAll(async () => {
    await server.dispose();
  });

  it("starts at the Objects folder", async () => {
    const result = await browseOpcuaNode({ config: settings, secrets: {} });
    if (!result.ok) throw new Error(result.error);
    expect(result.nodeId).toBe("i=85");
    expect(result.children).toContainEqual({
      nodeId: "ns=1;s=PRS-201",
      browseName: "1:PRS-201",
      displayName: "PRS-201",
      nodeClass: "Object",
    });
    expect(result.children.map((child) => child.browseName)).toContain("Server");
  });

  it("lists a machine's variables with data type and current value", async () => {
    server.setState("RUNNING");
    server.addParts(12, 11);
    server.setTelemetry(181.5);
    const result = await browseOpcuaNode({ config: settings, secrets: {}, nodeId: "ns=1;s=PRS-201" });
    if (!result.ok) throw new Error(result.error);
    expect(result).toMatchObject({ nodeId: "ns=1;s=PRS-201", truncated: false });
    expect(result.children).toEqual([
      {
        nodeId: "ns=1;s=PRS-201.State",
        browseName: "1:State",
        displayName: "State",
        nodeClass: "Variable",
        dataType: "String",
        value: "RUNNING",
      },
      {
        nodeId: "ns=1;s=PRS-201.PartCount",
        browseName: "1:PartCount",
        displayName: "PartCount",
        nodeClass: "Variable",
        dataType: "UInt32",
        value: 12,
      },
      {
        nodeId: "ns=1;s=PRS-201.GoodCount",
        browseName: "1:GoodCount",
        displayName: "GoodCount",
        nodeClass: "Variable",
        dataType: "UInt32",
        value: 11,
      },
      {
        nodeId: "ns=1;s=PRS-201.HydraulicPressure",
        browseName: "1:HydraulicPressure",
        displayName: "HydraulicPressure",
        nodeClass: "Variable",
        dataType: "Double",
        value: 181.5,
      },
    ]);
  });

  it("explains an unknown or malformed node id and an unreachable server", async () => {
    const unknown = await browseOpcuaNode({ config: settings, secrets: {}, nodeId: "ns=1;s=Nope" });
    expect(unknown).toEqual({
      ok: false,
      error: "The server cannot browse ns=1;s=Nope: BadNodeIdUnknown. Check the node id.",
    });
    const malformed = await browseOpcuaNode({ config: settings, secrets: {}, nodeId: "ns=x;q=1" });
    expect(malformed).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^"ns=x;q=1" is not a valid OPC UA node id/),
    });
    const offline = await browseOpcuaNode({
      config: { ...settings, endpointUrl: "opc.tcp://127.0.0.1:1" },
      secrets: {},
    });
    expect(offline).toMatchObject({ ok: false, error: expect.stringMatching(/^Nothing answers as an OPC UA server/) });
  });
});
