import { csvUploadConnector, erpODataConnector } from "../erp/definition";
import { mtconnectConnector } from "../mtconnect/definition";
import { opcuaConnector } from "../opcua/definition";
import { sparkplugConnector } from "../sparkplug/definition";
import { webhookConnector } from "../webhook/definition";
import type { TAnyConnectorDefinition, TConnectorKind } from "./definition";

/** Every connector kind the platform offers, in the order the admin UI lists them. */
export const CONNECTOR_DEFINITIONS: { readonly [K in TConnectorKind]: TAnyConnectorDefinition } = {
  MQTT_SPARKPLUG: sparkplugConnector,
  OPCUA: opcuaConnector,
  MTCONNECT: mtconnectConnector,
  ERP_ODATA: erpODataConnector,
  CSV_UPLOAD: csvUploadConnector,
  WEBHOOK: webhookConnector,
};

export const CONNECTOR_KINDS = Object.keys(CONNECTOR_DEFINITIONS) as TConnectorKind[];

export function isConnectorKind(kind: string): kind is TConnectorKind {
  return Object.hasOwn(CONNECTOR_DEFINITIONS, kind);
}

export function connectorDefinition(kind: string): TAnyConnectorDefinition {
  if (!isConnectorKind(kind)) throw new Error(`Unknown connector kind "${kind}".`);
  return CONNECTOR_DEFINITIONS[kind];
}

/** How the platform runs a kind: held open by the worker, polled on a schedule, or fed from outside. */
export function runtimeOf(definition: TAnyConnectorDefinition): "stream" | "poll" | "push" {
  if (definition.stream) return "stream";
  if (definition.poll) return "poll";
  return "push";
}
