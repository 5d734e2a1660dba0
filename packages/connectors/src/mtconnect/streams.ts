import type { TDataItemCategory } from "./probe";
import { attribute, childElementNames, childNodes, firstChild, parseXml, type TXmlNode, textOf } from "./xml-node";

export type TStreamsHeader = {
  instanceId: string;
  firstSequence: number;
  lastSequence: number;
  nextSequence: number;
  bufferSize: number;
  creationTime: string;
  version?: string;
};

export const CONDITION_LEVELS = ["NORMAL", "WARNING", "FAULT", "UNAVAILABLE"] as const;
export type TConditionLevel = (typeof CONDITION_LEVELS)[number];

export type TObservation = {
  dataItemId: string;
  name?: string;
  category: TDataItemCategory;
  /**
   * Samples and events: the element name (Execution, PartCount, RotaryVelocity…). Conditions: the
   * `type` attribute (SYSTEM, LOGIC_PROGRAM…), because their element name is the level.
   */
  type: string;
  subType?: string;
  sequence: number;
  timestamp: string;
  /** The reported value as text, "UNAVAILABLE" included; for conditions the level. */
  value: string;
  deviceUuid: string;
  deviceName: string;
  componentId: string;
  /** Conditions only: the alarm text and the controller's own code and severity. */
  message?: string;
  nativeCode?: string;
  nativeSeverity?: string;
  qualifier?: string;
};

export type TStreamsDocument = { kind: "streams"; header: TStreamsHeader; observations: TObservation[] };

/** The error codes agents answer with; OUT_OF_RANGE is the one a poller must handle. */
export type TAgentErrorCode =
  | "OUT_OF_RANGE"
  | "TOO_MANY"
  | "NO_DEVICE"
  | "INVALID_REQUEST"
  | "INVALID_URI"
  | "INVALID_XPATH"
  | "UNSUPPORTED"
  | "UNAUTHORIZED"
  | "INTERNAL_ERROR"
  | "ASSET_NOT_FOUND"
  | (string & {});

export type TAgentError = { code: TAgentErrorCode; message: string };
export type TAgentErrorDocument = { kind: "error"; instanceId?: string; errors: TAgentError[] };
export type TStreamsResponse = TStreamsDocument | TAgentErrorDocument;

const CATEGORY_CONTAINERS: ReadonlyArray<readonly [string, TDataItemCategory]> = [
  ["Samples", "SAMPLE"],
  ["Events", "EVENT"],
  ["Condition", "CONDITION"],
];

function requireAttribute(node: TXmlNode, name: string, where: string): string {
  const value = attribute(node, name);
  if (value === undefined || value === "") throw new Error(`MTConnect streams: ${where} has no ${name} attribute`);
  return value;
}

function requireInteger(node: TXmlNode, name: string, where: string): number {
  const value = Number(requireAttribute(node, name, where));
  if (!Number.isSafeInteger(value)) throw new Error(`MTConnect streams: ${where} ${name} is not an integer`);
  return value;
}

function parseHeader(node: TXmlNode): TStreamsHeader {
  const header: TStreamsHeader = {
    instanceId: requireAttribute(node, "instanceId", "Header"),
    firstSequence: requireInteger(node, "firstSequence", "Header"),
    lastSequence: requireInteger(node, "lastSequence", "Header"),
    nextSequence: requireInteger(node, "nextSequence", "Header"),
    bufferSize: requireInteger(node, "bufferSize", "Header"),
    creationTime: requireAttribute(node, "creationTime", "Header"),
  };
  const version = attribute(node, "version");
  if (version !== undefined) header.version = version;
  return header;
}

/** DATA_SET and TABLE observations hold `Entry` children instead of text: flatten to `key=value`. */
function observedValue(node: TXmlNode): string {
  const entries = childNodes(node, "Entry");
  if (entries.length === 0) return textOf(node);
  return entries.map((entry) => `${attribute(entry, "key") ?? ""}=${textOf(entry)}`).join(" ");
}

function parseObservation(
  node: TXmlNode,
  element: string,
  category: TDataItemCategory,
  owner: { deviceUuid: string; deviceName: string; componentId: string },
): TObservation {
  const dataItemId = requireAttribute(node, "dataItemId", `a ${element} observation`);
  const where = `observation ${dataItemId}`;
  const base = {
    dataItemId,
    category,
    sequence: requireInteger(node, "sequence", where),
    timestamp: requireAttribute(node, "timestamp", where),
    ...owner,
  };
  const observation: TObservation =
    category === "CONDITION"
      ? { ...base, type: attribute(node, "type") ?? "UNKNOWN", value: element.toUpperCase() }
      : { ...base, type: element, value: observedValue(node) };
  const optional = { name: "name", subType: "subType", nativeCode: "nativeCode" } as const;
  for (const [key, attr] of Object.entries(optional)) {
    const value = attribute(node, attr);
    if (value !== undefined) observation[key as keyof typeof optional] = value;
  }
  if (category === "CONDITION") {
    const message = textOf(node);
    const nativeSeverity = attribute(node, "nativeSeverity");
    const qualifier = attribute(node, "qualifier");
    if (message !== "") observation.message = message;
    if (nativeSeverity !== undefined) observation.nativeSeverity = nativeSeverity;
    if (qualifier !== undefined) observation.qualifier = qualifier;
  }
  return observation;
}

function parseObservations(root: TXmlNode): TObservation[] {
  const observations: TObservation[] = [];
  for (const streams of childNodes(root, "Streams")) {
    for (const device of childNodes(streams, "DeviceStream")) {
      const deviceName = attribute(device, "name") ?? "";
      const deviceUuid = attribute(device, "uuid") ?? deviceName;
      for (const component of childNodes(device, "ComponentStream")) {
        const owner = { deviceUuid, deviceName, componentId: attribute(component, "componentId") ?? "" };
        for (const [container, category] of CATEGORY_CONTAINERS) {
          for (const list of childNodes(component, container)) {
            for (const element of childElementNames(list)) {
              for (const node of childNodes(list, element)) {
                observations.push(parseObservation(node, element, category, owner));
              }
            }
          }
        }
      }
    }
  }
  // The parser groups siblings by element name; the agent's sequence is the true order of change.
  return observations.sort((a, b) => a.sequence - b.sequence);
}

/** 1.x: `<Error errorCode="…">text</Error>`; 2.6+: `<OutOfRange errorCode="…"><ErrorMessage>…`. */
function parseErrors(root: TXmlNode): TAgentError[] {
  const containers = [root, ...childNodes(root, "Errors")];
  return containers.flatMap((container) =>
    childElementNames(container)
      .filter((element) => element !== "Header" && element !== "Errors")
      .flatMap((element) =>
        childNodes(container, element).map((node) => {
          const messageNode = firstChild(node, "ErrorMessage");
          return {
            code: attribute(node, "errorCode") ?? element.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase(),
            message: messageNode === undefined ? textOf(node) : textOf(messageNode),
          };
        }),
      ),
  );
}

/** Parses an agent's answer to `/current` or `/sample`: a streams document or an error document. */
export function parseStreamsResponse(xml: string): TStreamsResponse {
  const document = parseXml(xml);
  const errorRoot = firstChild(document, "MTConnectError");
  if (errorRoot !== undefined) {
    const header = firstChild(errorRoot, "Header");
    const instanceId = header === undefined ? undefined : attribute(header, "instanceId");
    const errors = parseErrors(errorRoot);
    return instanceId === undefined ? { kind: "error", errors } : { kind: "error", instanceId, errors };
  }
  const root = firstChild(document, "MTConnectStreams");
  if (root === undefined)
    throw new Error("MTConnect streams: the document is neither MTConnectStreams nor MTConnectError");
  const header = firstChild(root, "Header");
  if (header === undefined) throw new Error("MTConnect streams: the document has no Header");
  return { kind: "streams", header: parseHeader(header), observations: parseObservations(root) };
}
