import type { Database, Prisma } from "@gemba/db/client";
import { RIVERSIDE_PLANT } from "@gemba/db/seed/demo-plant";
import { withTenant } from "@gemba/db/tenant-scope";
import type { TAnyConnectorDefinition } from "../framework/definition";
import { connectorDefinition } from "../framework/registry";
import type { TMTConnectConfig } from "../mtconnect/definition";
import type { TSparkplugConfig } from "../sparkplug/definition";

/**
 * The simulator's contract (apps/simulator/README.md): which machine speaks which protocol.
 * CNC-101 has an MTConnect agent, PRS-201 an OPC UA server, every other machine publishes
 * Sparkplug B through the MQTT broker.
 */
export const SIMULATED_ENDPOINTS = {
  sparkplugGroup: "Riverside",
  mtconnectDevice: "CNC-101",
  opcuaMachine: "PRS-201",
};

export type DemoConnectorEndpoints = {
  mqttUrl: string;
  mtconnectUrl: string;
  opcuaUrl: string;
  /** The simulator's Sparkplug group; tests run their own. */
  sparkplugGroup?: string;
};

/** Telemetry channels per work center code, as the simulator publishes them (`Telemetry/<tag>`, unit in engUnit). */
const TELEMETRY_BY_CODE = new Map(
  RIVERSIDE_PLANT.areas.flatMap((area) =>
    area.lines.flatMap((line) =>
      line.workCenters.map((workCenter) => [workCenter.code, workCenter.profile.telemetry] as const),
    ),
  ),
);

type DemoConnector = { kind: string; name: string; config: unknown };

/** The Sparkplug connector for the simulator's group: state, counts and telemetry of every Sparkplug machine (code → work center id). */
export function demoSparkplugConfig(
  workCenters: Map<string, string>,
  mqttUrl: string,
  group: string,
): TSparkplugConfig {
  const rules: TSparkplugConfig["rules"] = [];
  for (const [code, workCenterId] of workCenters) {
    if (code === SIMULATED_ENDPOINTS.mtconnectDevice || code === SIMULATED_ENDPOINTS.opcuaMachine) continue;
    rules.push(
      { match: { device: code, metric: "State" }, as: "state", workCenterId, states: {} },
      { match: { device: code, metric: "Counts/Total" }, as: "count_total", workCenterId },
      { match: { device: code, metric: "Counts/Good" }, as: "count_good", workCenterId },
    );
    // One rule per channel: the event carries the same tag and unit as the plant's history.
    for (const channel of TELEMETRY_BY_CODE.get(code) ?? []) {
      rules.push({
        match: { device: code, metric: `Telemetry/${channel.tag}` },
        as: "telemetry",
        workCenterId,
        tag: channel.tag,
        unit: channel.unit,
      });
    }
  }
  return { brokerUrl: mqttUrl, hostId: "gemba", groups: [group], rules, unsRules: [] };
}

function opcuaConfig(definition: TAnyConnectorDefinition, workCenterId: string, opcuaUrl: string): unknown {
  // The OPC UA example is written for the simulator's press; point it at this plant's work center.
  const example = JSON.parse(JSON.stringify(definition.exampleConfig)) as {
    endpointUrl: string;
    items: { workCenterId: string }[];
  };
  return { ...example, endpointUrl: opcuaUrl, items: example.items.map((item) => ({ ...item, workCenterId })) };
}

/**
 * Connectors of the demo tenant pointed at the plant simulator, so data flows through real
 * protocols right after `npm start`. Created once; an admin's later edits are kept.
 */
export async function seedDemoConnectors(app: Database, tenantId: string, endpoints: DemoConnectorEndpoints) {
  return withTenant(app.prisma, tenantId, async (tx) => {
    if ((await tx.connector.count()) > 0) return { created: 0 };
    const workCenters = new Map(
      (await tx.workCenter.findMany({ select: { id: true, code: true } })).map((wc) => [wc.code, wc.id] as const),
    );
    const cnc = workCenters.get(SIMULATED_ENDPOINTS.mtconnectDevice);
    const press = workCenters.get(SIMULATED_ENDPOINTS.opcuaMachine);
    const connectors: DemoConnector[] = [
      {
        kind: "MQTT_SPARKPLUG",
        name: "Plant MQTT broker (Sparkplug B)",
        config: demoSparkplugConfig(
          workCenters,
          endpoints.mqttUrl,
          endpoints.sparkplugGroup ?? SIMULATED_ENDPOINTS.sparkplugGroup,
        ),
      },
    ];
    if (cnc) {
      const config: TMTConnectConfig = {
        agentUrl: endpoints.mtconnectUrl,
        devices: [{ device: SIMULATED_ENDPOINTS.mtconnectDevice, workCenterId: cnc }],
        pollIntervalSeconds: 5,
        sampleCount: 1000,
      };
      connectors.push({ kind: "MTCONNECT", name: "CNC-101 MTConnect agent", config });
    }
    if (press) {
      connectors.push({
        kind: "OPCUA",
        name: "PRS-201 OPC UA server",
        config: opcuaConfig(connectorDefinition("OPCUA"), press, endpoints.opcuaUrl),
      });
    }
    for (const connector of connectors) {
      const definition = connectorDefinition(connector.kind);
      // Validate exactly as the admin form would: a demo that does not match its schema is a bug.
      const config = definition.configSchema.parse(connector.config) as Prisma.InputJsonValue;
      await tx.connector.create({ data: { tenantId, kind: definition.kind, name: connector.name, config } });
    }
    return { created: connectors.length };
  });
}
