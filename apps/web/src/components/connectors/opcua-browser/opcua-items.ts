import { isRecord } from "../schema-form/values";

export type TBrowseChild = {
  nodeId: string;
  browseName: string;
  displayName: string;
  nodeClass: string;
  dataType?: string;
  value?: unknown;
  statusCode?: string;
};

// Only these reach the server: the monitored items may be half-filled while browsing.
const CONNECTION_KEYS = ["endpointUrl", "securityMode", "securityPolicy", "authentication"] as const;

/** The endpoint and security settings of the form's config, as browseOpcua takes them. */
export function connectionSettingsOf(config: unknown): Record<string, unknown> {
  const record = isRecord(config) ? config : {};
  return Object.fromEntries(
    CONNECTION_KEYS.filter((key) => record[key] !== undefined).map((key) => [key, record[key]]),
  );
}

export function endpointOf(config: unknown): string {
  return isRecord(config) && typeof config.endpointUrl === "string" ? config.endpointUrl.trim() : "";
}

/** Node ids already in the form's monitored items, to mark them "Added". */
export function monitoredNodeIds(config: unknown): ReadonlySet<string> {
  const items = isRecord(config) && Array.isArray(config.items) ? config.items : [];
  return new Set(
    items.flatMap((item) => (isRecord(item) && typeof item.nodeId === "string" ? [item.nodeId.trim()] : [])),
  );
}

/**
 * Appends a browsed variable to the monitored items as telemetry with no work center yet: the admin
 * then picks what it means (state, counter…) and where, in the list. A node already there is not added twice.
 */
export function withMonitoredNode(config: unknown, nodeId: string): unknown {
  if (monitoredNodeIds(config).has(nodeId)) return config;
  const record = isRecord(config) ? config : {};
  const items = Array.isArray(record.items) ? record.items : [];
  return { ...record, items: [...items, { nodeId, as: "telemetry", workCenterId: "" }] };
}

// Variables of these types are single values; their only children would be properties (EURange…).
const SCALAR_TYPES = new Set([
  "Boolean",
  "SByte",
  "Byte",
  "Int16",
  "UInt16",
  "Int32",
  "UInt32",
  "Int64",
  "UInt64",
  "Float",
  "Double",
  "Number",
  "Integer",
  "UInteger",
  "Duration",
  "String",
  "LocalizedText",
  "QualifiedName",
  "DateTime",
  "UtcTime",
  "Guid",
  "ByteString",
  "NodeId",
  "StatusCode",
  "Enumeration",
  "Decimal",
  "Counter",
  "IntegerId",
  "Index",
  "VersionTime",
  "LocaleId",
  "NumericRange",
  "Time",
  "Date",
]);

/**
 * Objects open into their children; so do structured variables (a PLC's UDT, a server's status),
 * whose members are variables of their own. Browse results do not say whether a node has children.
 */
export function canOpen(child: TBrowseChild): boolean {
  if (child.nodeClass === "Object") return true;
  return child.nodeClass === "Variable" && child.dataType !== undefined && !SCALAR_TYPES.has(child.dataType);
}

const MAX_VALUE_TEXT = 80;

/** A variable's current value as one short line ("181.5", "RUNNING", "[3 values]"), or the status the server gave instead. */
export function describeNodeValue(child: TBrowseChild): { text: string; full: string; bad: boolean } | null {
  if (child.nodeClass !== "Variable") return null;
  if (child.statusCode !== undefined) return { text: child.statusCode, full: child.statusCode, bad: true };
  const { value } = child;
  if (value === null || value === undefined) return { text: "(empty)", full: "(empty)", bad: false };
  if (Array.isArray(value) && value.length > 3) {
    return { text: `[${value.length} values]`, full: JSON.stringify(value), bad: false };
  }
  const full = typeof value === "string" ? value : JSON.stringify(value);
  const text = full.length > MAX_VALUE_TEXT ? `${full.slice(0, MAX_VALUE_TEXT - 1)}…` : full;
  return { text: text === "" ? '""' : text, full, bad: false };
}
