import { mkdir } from "node:fs/promises";
import {
  DataType,
  type EUInformation,
  MessageSecurityMode,
  makeEUInformation,
  OPCUACertificateManager,
  OPCUAServer,
  RegisterServerMethod,
  SecurityPolicy,
  StatusCodes,
  standardUnits,
  type UAVariable,
  Variant,
} from "node-opcua";
import type { Logger } from "pino";
import { listenProblem, reachableHost } from "../listen";
import type { TMachineChange, TMachineSnapshot } from "../plant/live-machine";
import type { LivePlant } from "../plant/live-plant";

/**
 * The server's application URI, which node-opcua registers as its own namespace, index 1: node
 * ids are `ns=1;s=<code>.<Variable>`. Checked at start, as the platform's connectors rely on it.
 */
export const OPCUA_NAMESPACE_URI = "urn:gemba:simulator";

export type TOpcUaServerOptions = {
  plant: LivePlant;
  /** Name of the top folder under Objects (the group, "Riverside"). */
  plantFolder: string;
  deviceCode: string;
  host: string;
  port: number;
  /** Certificates and trust lists; one directory per running server (node-opcua writes into it). */
  pkiDir: string;
  logger: Logger;
};

export type TRunningOpcUaServer = {
  endpointUrl: string;
  namespaceUri: string;
  /** Browse name → node id (`ns=1;s=PRS-201.State`) of every variable served. */
  nodeIds: Record<string, string>;
  stop: () => Promise<void>;
};

type TVariable = { node: UAVariable; dataType: DataType; read: (snapshot: TMachineSnapshot) => string | number };

const UNITS: Readonly<Record<string, EUInformation>> = {
  bar: standardUnits.bar,
  "°C": standardUnits.degree_celsius,
  "%": standardUnits.percent,
};

/** `hydraulic_pressure` → `HydraulicPressure`. */
export function variableNameForTag(tag: string): string {
  return tag
    .split(/[^a-zA-Z0-9]+/)
    .filter((part) => part !== "")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

/** An OPC UA server exposing one work center of the live plant under Objects/<plant>/<line>/<code>. */
export async function startOpcUaServer(options: TOpcUaServerOptions): Promise<TRunningOpcUaServer> {
  const log = options.logger.child({ protocol: "opcua" });
  const machine = options.plant.machine(options.deviceCode);
  const code = machine.identity.code;
  await mkdir(options.pkiDir, { recursive: true });
  const certificateManager = new OPCUACertificateManager({
    rootFolder: options.pkiDir,
    // A demo peer: whoever connects with a certificate is trusted (security None needs none at all).
    automaticallyAcceptUnknownCertificate: true,
  });
  const hostname = reachableHost(options.host);
  const server = new OPCUAServer({
    port: options.port,
    host: options.host,
    hostname,
    resourcePath: "",
    serverCertificateManager: certificateManager,
    securityModes: [MessageSecurityMode.None, MessageSecurityMode.SignAndEncrypt],
    securityPolicies: [SecurityPolicy.None, SecurityPolicy.Basic256Sha256],
    allowAnonymous: true,
    registerServerMethod: RegisterServerMethod.HIDDEN,
    buildInfo: { productName: "Gemba plant simulator", manufacturerName: "Gemba", softwareVersion: "1.0.0" },
    serverInfo: {
      applicationUri: OPCUA_NAMESPACE_URI,
      applicationName: { text: "Gemba plant simulator" },
      productUri: "urn:gemba:simulator",
    },
  });

  try {
    await server.initialize();
  } catch (error) {
    await certificateManager.dispose().catch(() => undefined);
    throw new Error(`OPC UA server failed to initialise (${error instanceof Error ? error.message : String(error)}).`);
  }
  const addressSpace = server.engine.addressSpace;
  if (addressSpace === null) throw new Error("OPC UA server has no address space after initialise.");
  const namespace = addressSpace.getOwnNamespace();
  if (namespace.index !== 1 || namespace.namespaceUri !== OPCUA_NAMESPACE_URI) {
    throw new Error(`OPC UA namespace ${namespace.namespaceUri} has index ${namespace.index}; the contract says 1.`);
  }

  const plantFolder = namespace.addFolder(addressSpace.rootFolder.objects, {
    browseName: options.plantFolder,
    nodeId: `s=${options.plantFolder}`,
  });
  const lineFolder = namespace.addFolder(plantFolder, {
    browseName: machine.identity.lineCode,
    nodeId: `s=${options.plantFolder}.${machine.identity.lineCode}`,
  });
  const deviceFolder = namespace.addFolder(lineFolder, { browseName: code, nodeId: `s=${code}` });

  const snapshot = machine.snapshot();
  const variables = new Map<string, TVariable>();
  const add = (name: string, dataType: DataType, read: TVariable["read"], description: string) => {
    const node = namespace.addVariable({
      organizedBy: deviceFolder,
      browseName: name,
      nodeId: `s=${code}.${name}`,
      dataType: DataType[dataType],
      description,
      minimumSamplingInterval: 100,
      value: new Variant({ dataType, value: read(snapshot) }),
    });
    variables.set(name, { node, dataType, read });
  };
  add("State", DataType.String, (s) => s.state, "RUNNING, IDLE, DOWN or PLANNED_STOP");
  add("Reason", DataType.String, (s) => s.reasonCode, "Reason code while stopped, empty while running");
  add("PartCount", DataType.UInt32, (s) => s.total, "Parts made since the simulator started (good + scrap)");
  add("GoodCount", DataType.UInt32, (s) => s.good, "Good parts since the simulator started");
  add("ScrapCount", DataType.UInt32, (s) => s.scrap, "Scrapped parts since the simulator started");
  add("OrderNumber", DataType.String, (s) => s.orderExternalId, "Production order being run");
  add("Product", DataType.String, (s) => s.productSku, "Product SKU being made");
  for (const channel of machine.profile.telemetry) {
    const name = variableNameForTag(channel.tag);
    const read = (s: TMachineSnapshot) => s.telemetry.find((reading) => reading.tag === channel.tag)?.value ?? 0;
    const node = namespace.addAnalogDataItem({
      organizedBy: deviceFolder,
      browseName: name,
      nodeId: `s=${code}.${name}`,
      dataType: "Double",
      minimumSamplingInterval: 100,
      engineeringUnitsRange: { low: 0, high: Math.ceil(channel.baseline * 2) },
      engineeringUnits: UNITS[channel.unit] ?? makeEUInformation(channel.unit, channel.unit, channel.unit),
      value: new Variant({ dataType: DataType.Double, value: read(snapshot) }),
    });
    variables.set(name, { node, dataType: DataType.Double, read });
  }

  const publish = (changes: readonly TMachineChange[]) => {
    const last = changes[changes.length - 1];
    if (last === undefined) return;
    const current = machine.snapshot();
    const sourceTimestamp = new Date(last.at);
    for (const { node, dataType, read } of variables.values()) {
      const value = read(current);
      if (node.readValue().value.value === value) continue;
      node.setValueFromSource(new Variant({ dataType, value }), StatusCodes.Good, sourceTimestamp);
    }
  };
  const unsubscribe = options.plant.subscribe((update) => {
    for (const entry of update.machines) if (entry.machine === machine) publish(entry.changes);
  });

  try {
    await server.start();
  } catch (error) {
    unsubscribe();
    await server.shutdown(0).catch(() => undefined);
    throw new Error(listenProblem("OPC UA server", options.host, options.port, error, "--opcua-port"));
  }
  const endpointUrl = `opc.tcp://${hostname}:${options.port}`;
  const nodeIds = Object.fromEntries(
    [...variables.keys()].map((name) => [name, `ns=${namespace.index};s=${code}.${name}`]),
  );
  log.info({ endpointUrl, device: code, namespace: OPCUA_NAMESPACE_URI }, "OPC UA server listening on %s", endpointUrl);

  return {
    endpointUrl,
    namespaceUri: OPCUA_NAMESPACE_URI,
    nodeIds,
    stop: async () => {
      unsubscribe();
      await server.shutdown(0);
      await certificateManager.dispose().catch(() => undefined);
    },
  };
}
