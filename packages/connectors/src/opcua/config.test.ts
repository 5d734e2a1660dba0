import { describe, expect, it } from "vitest";
import { z } from "zod";
import { resolveOpcuaCredentials, ZOpcuaConfig } from "./config";
import { opcuaConnector } from "./definition";

const WC = "5b0d7c1e-8f7a-4b59-9a49-2f7d1c3e4a10";
const minimal = {
  endpointUrl: "opc.tcp://10.0.4.20:4840",
  items: [{ nodeId: "ns=2;s=Line1.Press.State", as: "state", workCenterId: WC }],
};
const issues = (input: unknown) =>
  ZOpcuaConfig.safeParse(input).error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) ?? [];

describe("ZOpcuaConfig", () => {
  it("fills in unsecured anonymous defaults and an empty state table", () => {
    expect(ZOpcuaConfig.parse(minimal)).toEqual({
      endpointUrl: "opc.tcp://10.0.4.20:4840",
      securityMode: "None",
      securityPolicy: "None",
      authentication: "anonymous",
      publishingIntervalMs: 1000,
      samplingIntervalMs: 250,
      items: [{ nodeId: "ns=2;s=Line1.Press.State", as: "state", workCenterId: WC, states: {} }],
    });
  });

  it("accepts the example config, which matches the demo plant simulator", () => {
    expect(ZOpcuaConfig.parse(opcuaConnector.exampleConfig)).toEqual(opcuaConnector.exampleConfig);
    expect(opcuaConnector.exampleConfig.items.map((item) => item.nodeId)).toEqual([
      "ns=1;s=PRS-201.State",
      "ns=1;s=PRS-201.PartCount",
      "ns=1;s=PRS-201.GoodCount",
      "ns=1;s=PRS-201.HydraulicPressure",
    ]);
  });

  it("rejects endpoints, node ids and security settings that cannot work", () => {
    expect(issues({ ...minimal, endpointUrl: "http://10.0.4.20:4840" })).toEqual([
      "endpointUrl: expected opc.tcp://host:port[/path]",
    ]);
    expect(issues({ ...minimal, items: [{ ...minimal.items[0], nodeId: "Line1.Press.State" }] })).toEqual([
      "items.0.nodeId: expected an OPC UA node id such as ns=2;s=Line1.Press.State or i=2258",
    ]);
    expect(issues({ ...minimal, securityMode: "Sign" })).toEqual([
      "securityPolicy: security mode None goes with security policy None, and Sign / SignAndEncrypt need another policy",
    ]);
    expect(issues({ ...minimal, items: [] })).toHaveLength(1);
    expect(ZOpcuaConfig.safeParse({ ...minimal, securityMode: "Sign", securityPolicy: "Basic256Sha256" }).success).toBe(
      true,
    );
  });

  it("accepts every kind of node id OPC UA defines", () => {
    for (const nodeId of [
      "i=2258",
      "ns=3;i=1001",
      "ns=2;s=A.B;C",
      "ns=1;g=09087e75-8e5e-499b-954f-f2a9603db28a",
      "nsu=urn:plc;s=Tag",
    ]) {
      expect(issues({ ...minimal, items: [{ ...minimal.items[0], nodeId }] })).toEqual([]);
    }
  });

  it("converts to a JSON schema the admin form can render, one variant per mapping", () => {
    const variant = (as: string) => ({ properties: { as: { const: as }, nodeId: { title: "Node id" } } });
    expect(z.toJSONSchema(ZOpcuaConfig, { io: "input" })).toMatchObject({
      properties: {
        endpointUrl: { title: "Endpoint URL" },
        items: { items: { oneOf: ["state", "count_total", "count_good", "scrap", "telemetry"].map(variant) } },
      },
    });
  });
});

describe("resolveOpcuaCredentials", () => {
  it("needs both secrets for username authentication", () => {
    expect(resolveOpcuaCredentials({ authentication: "anonymous" }, {})).toEqual({
      ok: true,
      identity: { kind: "anonymous" },
    });
    expect(resolveOpcuaCredentials({ authentication: "username" }, { username: "op", password: "pw" })).toEqual({
      ok: true,
      identity: { kind: "username", username: "op", password: "pw" },
    });
    expect(resolveOpcuaCredentials({ authentication: "username" }, { username: "op" })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/no username and password are stored/),
    });
  });
});
