import type { TConnectorDefinition, TStreamingConnector } from "../framework/definition";
import { type TOpcuaConfig, type TOpcuaSecrets, ZOpcuaConfig, ZOpcuaSecrets } from "./config";

// Replaced with the demo press's id when the demo plant is seeded.
const PLACEHOLDER_WORK_CENTER = "00000000-0000-4000-8000-000000000000";

/** Matches the demo plant simulator, which serves these node ids for press PRS-201. */
const exampleConfig: TOpcuaConfig = {
  endpointUrl: "opc.tcp://127.0.0.1:4841",
  securityMode: "None",
  securityPolicy: "None",
  authentication: "anonymous",
  publishingIntervalMs: 1000,
  samplingIntervalMs: 250,
  items: [
    {
      nodeId: "ns=1;s=PRS-201.State",
      as: "state",
      workCenterId: PLACEHOLDER_WORK_CENTER,
      // The simulator sends the state names themselves; a PLC sending codes would list "1": "RUNNING", ….
      states: {},
    },
    { nodeId: "ns=1;s=PRS-201.PartCount", as: "count_total", workCenterId: PLACEHOLDER_WORK_CENTER },
    { nodeId: "ns=1;s=PRS-201.GoodCount", as: "count_good", workCenterId: PLACEHOLDER_WORK_CENTER },
    {
      nodeId: "ns=1;s=PRS-201.HydraulicPressure",
      as: "telemetry",
      workCenterId: PLACEHOLDER_WORK_CENTER,
      tag: "HydraulicPressure",
      unit: "bar",
    },
  ],
};

export const opcuaConnector: TConnectorDefinition<TOpcuaConfig, TOpcuaSecrets> = {
  kind: "OPCUA",
  label: "OPC UA",
  description:
    "Subscribes to variables of an OPC UA server (PLC, gateway, SCADA) and turns machine states, part counters and process values into events.",
  configSchema: ZOpcuaConfig,
  secretsSchema: ZOpcuaSecrets,
  exampleConfig,
  // node-opcua is large and prints warnings when loaded: load it only where an OPC UA
  // connector is actually tested or run, not in every process that lists connector kinds.
  test: async (context, signal) => (await import("./test-connection")).testOpcuaConnection(context, signal),
  stream: (context, output) => {
    let session: TStreamingConnector | undefined;
    return {
      start: async () => {
        const { createOpcuaSession } = await import("./session");
        session = createOpcuaSession(context, output);
        await session.start();
      },
      stop: async () => {
        await session?.stop();
      },
    };
  },
};
