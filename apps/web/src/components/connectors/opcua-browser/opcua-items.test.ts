import { describe, expect, it } from "vitest";
import { canOpen, connectionSettingsOf, describeNodeValue, monitoredNodeIds, withMonitoredNode } from "./opcua-items";

const config = {
  endpointUrl: "opc.tcp://10.0.4.20:4840",
  securityMode: "None",
  securityPolicy: "None",
  authentication: "anonymous",
  publishingIntervalMs: 1000,
  items: [{ nodeId: "ns=1;s=PRS-201.State", as: "state", workCenterId: "wc", states: {} }],
};

describe("connectionSettingsOf", () => {
  it("keeps only what browsing needs", () => {
    expect(connectionSettingsOf(config)).toEqual({
      endpointUrl: "opc.tcp://10.0.4.20:4840",
      securityMode: "None",
      securityPolicy: "None",
      authentication: "anonymous",
    });
    expect(connectionSettingsOf(undefined)).toEqual({});
  });
});

describe("withMonitoredNode", () => {
  it("appends the node as telemetry with no work center, keeping the rest of the config", () => {
    const next = withMonitoredNode(config, "ns=1;s=PRS-201.HydraulicPressure");
    expect(next).toEqual({
      ...config,
      items: [...config.items, { nodeId: "ns=1;s=PRS-201.HydraulicPressure", as: "telemetry", workCenterId: "" }],
    });
    expect(monitoredNodeIds(next)).toEqual(new Set(["ns=1;s=PRS-201.State", "ns=1;s=PRS-201.HydraulicPressure"]));
  });

  it("does not add a node twice, and starts the list when there is none", () => {
    expect(withMonitoredNode(config, "ns=1;s=PRS-201.State")).toBe(config);
    expect(withMonitoredNode({ endpointUrl: "opc.tcp://h:4840" }, "i=2258")).toEqual({
      endpointUrl: "opc.tcp://h:4840",
      items: [{ nodeId: "i=2258", as: "telemetry", workCenterId: "" }],
    });
  });
});

describe("describeNodeValue", () => {
  const variable = { nodeId: "ns=1;s=X", browseName: "1:X", displayName: "X", nodeClass: "Variable" };

  it("shows values as a short line and bad statuses as such", () => {
    expect(describeNodeValue({ ...variable, value: 181.5 })).toEqual({ text: "181.5", full: "181.5", bad: false });
    expect(describeNodeValue({ ...variable, value: "RUNNING" })?.text).toBe("RUNNING");
    expect(describeNodeValue({ ...variable, value: [1, 2, 3, 4] })?.text).toBe("[4 values]");
    expect(describeNodeValue({ ...variable, value: "x".repeat(200) })?.text).toHaveLength(80);
    expect(describeNodeValue({ ...variable, statusCode: "BadNotReadable" })).toEqual({
      text: "BadNotReadable",
      full: "BadNotReadable",
      bad: true,
    });
  });

  it("has nothing to show for objects", () => {
    expect(describeNodeValue({ ...variable, nodeClass: "Object" })).toBeNull();
  });
});

describe("canOpen", () => {
  const node = { nodeId: "ns=1;s=X", browseName: "1:X", displayName: "X" };

  it("opens objects and structured variables, not single values", () => {
    expect(canOpen({ ...node, nodeClass: "Object" })).toBe(true);
    expect(canOpen({ ...node, nodeClass: "Variable", dataType: "ServerStatusDataType" })).toBe(true);
    expect(canOpen({ ...node, nodeClass: "Variable", dataType: "Double" })).toBe(false);
    expect(canOpen({ ...node, nodeClass: "Variable" })).toBe(false);
  });
});
