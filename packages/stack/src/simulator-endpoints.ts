import type { DemoConnectorEndpoints } from "@gemba/connectors/demo/seed-demo-connectors";
import type { TLauncherEnv } from "./env";

/** Where the launcher's plant simulator listens, and so where the demo connectors point. */
export function simulatorEndpoints(
  env: Pick<TLauncherEnv, "GEMBA_MQTT_URL" | "GEMBA_SIMULATOR_MTCONNECT_PORT" | "GEMBA_SIMULATOR_OPCUA_PORT">,
): DemoConnectorEndpoints {
  return {
    mqttUrl: env.GEMBA_MQTT_URL,
    mtconnectUrl: `http://127.0.0.1:${env.GEMBA_SIMULATOR_MTCONNECT_PORT}`,
    opcuaUrl: `opc.tcp://127.0.0.1:${env.GEMBA_SIMULATOR_OPCUA_PORT}`,
  };
}

/** The simulator's own environment (apps/simulator/src/options.ts reads these). */
export function simulatorEnv(
  env: Pick<TLauncherEnv, "GEMBA_MQTT_URL" | "GEMBA_SIMULATOR_MTCONNECT_PORT" | "GEMBA_SIMULATOR_OPCUA_PORT">,
  base: NodeJS.ProcessEnv,
): NodeJS.ProcessEnv {
  return {
    ...base,
    SIMULATOR_MQTT_URL: env.GEMBA_MQTT_URL,
    SIMULATOR_MTCONNECT_PORT: String(env.GEMBA_SIMULATOR_MTCONNECT_PORT),
    SIMULATOR_OPCUA_PORT: String(env.GEMBA_SIMULATOR_OPCUA_PORT),
  };
}
