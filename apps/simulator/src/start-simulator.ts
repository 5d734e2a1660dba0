import { RIVERSIDE_PLANT } from "@gemba/db/seed/demo-plant";
import pino, { type Logger } from "pino";
import { startMTConnectAgent, type TRunningAgent } from "./mtconnect/agent";
import type { TRunningOpcUaServer } from "./opcua/opcua-server";
import {
  MTCONNECT_DEVICE,
  OPCUA_DEVICE,
  OPCUA_PLANT_FOLDER,
  type TSimulatorOptions,
  type TSimulatorOptionsInput,
  ZSimulatorOptions,
} from "./options";
import { LivePlant } from "./plant/live-plant";
import { startEmbeddedBrokerIfMissing, type TEmbeddedBroker } from "./sparkplug/embedded-broker";
import { startSparkplug, type TSparkplugEndpoint } from "./sparkplug/start-sparkplug";

export type TStartSimulatorInput = TSimulatorOptionsInput & {
  /** Defaults to a pino logger named gemba-simulator at `logLevel`. */
  logger?: Logger;
};

export type TSimulatorEndpoints = {
  sparkplug?: TSparkplugEndpoint;
  mtconnect?: Pick<TRunningAgent, "url" | "device" | "instanceId" | "bufferSize">;
  opcua?: Pick<TRunningOpcUaServer, "endpointUrl" | "namespaceUri" | "nodeIds">;
};

export type TRunningSimulator = {
  /** Only the protocols that started; a Sparkplug endpoint is listed even while its broker is away. */
  endpoints: TSimulatorEndpoints;
  /** One actionable sentence per protocol that could not start; the others keep running. */
  problems: string[];
  plant: LivePlant;
  options: TSimulatorOptions;
  /** Sparkplug DDEATH/NDEATH, closes the agent and the OPC UA server; safe to call twice. */
  stop: () => Promise<void>;
};

type TStopper = () => Promise<void>;

/** Starts the live plant and the protocols it is served over, in-process (launcher, e2e tests). */
export async function startSimulator(input: TStartSimulatorInput = {}): Promise<TRunningSimulator> {
  const { logger: givenLogger, ...rest } = input;
  const options = ZSimulatorOptions.parse(rest);
  const logger = givenLogger ?? pino({ name: "gemba-simulator", level: options.logLevel });
  const plant = new LivePlant({
    plant: RIVERSIDE_PLANT,
    seed: options.seed,
    speed: options.speed,
    tickMs: options.tickMs,
    telemetryIntervalMs: options.telemetryIntervalMs,
    onListenerError: (error) => logger.error({ err: error }, "a protocol failed to publish a simulation step"),
  });
  const enabled = new Set(options.protocols);
  const endpoints: TSimulatorEndpoints = {};
  const problems: string[] = [];
  const stoppers: TStopper[] = [];

  const starts: Array<Promise<void>> = [];
  // Stopped after the edge nodes, so their deaths still reach subscribers.
  let embeddedBroker: TEmbeddedBroker | undefined;
  if (enabled.has("sparkplug") && options.embeddedBroker === "auto") {
    try {
      embeddedBroker = await startEmbeddedBrokerIfMissing(options.mqttUrl, logger);
    } catch (error) {
      logger.warn({ err: error }, "could not start an embedded MQTT broker");
    }
  }
  if (enabled.has("sparkplug")) {
    starts.push(
      startSparkplug({
        plant,
        brokerUrl: options.mqttUrl,
        groupId: options.groupId,
        excludedDevices: [MTCONNECT_DEVICE, OPCUA_DEVICE],
        logger,
        ...(options.primaryHostId === undefined ? {} : { primaryHostId: options.primaryHostId }),
      }).then((sparkplug) => {
        endpoints.sparkplug = sparkplug.endpoint;
        if (sparkplug.problem !== undefined) problems.push(sparkplug.problem);
        stoppers.push(sparkplug.stop);
      }),
    );
  }
  if (enabled.has("mtconnect")) {
    starts.push(
      startMTConnectAgent({
        plant,
        deviceCode: MTCONNECT_DEVICE,
        host: options.host,
        port: options.mtconnectPort,
        bufferSize: options.mtconnectBufferSize,
        seed: options.seed,
        logger,
      }).then(({ stop, ...endpoint }) => {
        endpoints.mtconnect = endpoint;
        stoppers.push(stop);
      }),
    );
  }
  if (enabled.has("opcua")) {
    starts.push(
      // node-opcua takes a second or two to load: only when the protocol is wanted.
      import("./opcua/opcua-server")
        .then(({ startOpcUaServer }) =>
          startOpcUaServer({
            plant,
            plantFolder: OPCUA_PLANT_FOLDER,
            deviceCode: OPCUA_DEVICE,
            host: options.host,
            port: options.opcuaPort,
            pkiDir: options.opcuaPkiDir,
            logger,
          }),
        )
        .then(({ stop, ...endpoint }) => {
          endpoints.opcua = endpoint;
          stoppers.push(stop);
        }),
    );
  }
  plant.start();
  for (const result of await Promise.allSettled(starts)) {
    if (result.status === "fulfilled") continue;
    const message = result.reason instanceof Error ? result.reason.message : String(result.reason);
    logger.error(message);
    problems.push(message);
  }

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      plant.stop();
      const results = await Promise.allSettled(stoppers.map((stopOne) => stopOne()));
      for (const result of results) {
        if (result.status === "rejected") logger.warn({ err: result.reason }, "a protocol did not stop cleanly");
      }
      await embeddedBroker
        ?.stop()
        .catch((error: unknown) => logger.warn({ err: error }, "the embedded broker did not stop cleanly"));
    })();
    return stopping;
  };
  return { endpoints, problems, plant, options, stop };
}
