import type { Logger } from "pino";
import type { TMachineChange } from "../plant/live-machine";
import type { LivePlant } from "../plant/live-plant";
import { SparkplugEdgeNode } from "./edge-node";

export type TSparkplugOptions = {
  plant: LivePlant;
  brokerUrl: string;
  groupId: string;
  /** Work centers served by another protocol: they get no Sparkplug device. */
  excludedDevices: readonly string[];
  primaryHostId?: string;
  logger: Logger;
  reconnectPeriodMs?: number;
};

export type TSparkplugEndpoint = {
  brokerUrl: string;
  groupId: string;
  edgeNodes: Array<{ edgeNodeId: string; devices: string[] }>;
};

export type TRunningSparkplug = {
  endpoint: TSparkplugEndpoint;
  /** Set when the broker could not be reached at start; the nodes keep retrying in the background. */
  problem?: string;
  stop: () => Promise<void>;
};

/** Starts one edge node per line; each publishes the plant's changes of its devices as DDATA. */
export async function startSparkplug(options: TSparkplugOptions): Promise<TRunningSparkplug> {
  const log = options.logger.child({ protocol: "sparkplug" });
  const nodes = options.plant.lines.map(
    (line) =>
      new SparkplugEdgeNode({
        brokerUrl: options.brokerUrl,
        groupId: options.groupId,
        line,
        deviceCodes: line.machines
          .map((machine) => machine.identity.code)
          .filter((code) => !options.excludedDevices.includes(code)),
        speed: options.plant.speed,
        logger: log,
        ...(options.primaryHostId === undefined ? {} : { primaryHostId: options.primaryHostId }),
        ...(options.reconnectPeriodMs === undefined ? {} : { reconnectPeriodMs: options.reconnectPeriodMs }),
      }),
  );
  const unsubscribe = options.plant.subscribe((update) => {
    const changes = new Map<string, TMachineChange[]>();
    for (const { machine, changes: machineChanges } of update.machines)
      changes.set(machine.identity.code, machineChanges);
    for (const node of nodes) node.publishChanges(changes);
  });

  const endpoint: TSparkplugEndpoint = {
    brokerUrl: options.brokerUrl,
    groupId: options.groupId,
    edgeNodes: nodes.map((node) => ({ edgeNodeId: node.edgeNodeId, devices: node.deviceIds })),
  };
  const stop = async () => {
    unsubscribe();
    await Promise.all(nodes.map((node) => node.stop()));
  };

  const results = await Promise.allSettled(nodes.map((node) => node.start()));
  const failure = results.find((result) => result.status === "rejected");
  if (failure === undefined) {
    log.info(
      { groupId: options.groupId, edgeNodes: endpoint.edgeNodes.map((node) => node.edgeNodeId) },
      "Sparkplug B edge nodes publishing on %s (group %s)",
      options.brokerUrl,
      options.groupId,
    );
    return { endpoint, stop };
  }
  const cause = failure.reason instanceof Error ? failure.reason.message : String(failure.reason);
  const seconds = Math.round((options.reconnectPeriodMs ?? 2000) / 1000);
  const problem =
    `MQTT broker not reachable at ${options.brokerUrl} (${cause}): start an MQTT broker such as Mosquitto there ` +
    `or point --mqtt-url / SIMULATOR_MQTT_URL at one; the edge nodes retry every ${seconds} s.`;
  log.error(problem);
  return { endpoint, problem, stop };
}
