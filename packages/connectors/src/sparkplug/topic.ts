export const SPARKPLUG_NAMESPACE = "spBv1.0";

export const NODE_MESSAGE_TYPES = ["NBIRTH", "NDATA", "NDEATH", "NCMD"] as const;
export const DEVICE_MESSAGE_TYPES = ["DBIRTH", "DDATA", "DDEATH", "DCMD"] as const;

export type TNodeMessageType = (typeof NODE_MESSAGE_TYPES)[number];
export type TDeviceMessageType = (typeof DEVICE_MESSAGE_TYPES)[number];
export type TSparkplugMessageType = TNodeMessageType | TDeviceMessageType;

export type TSparkplugEdgeTopic = {
  kind: "edge";
  group: string;
  messageType: TSparkplugMessageType;
  edgeNode: string;
  device?: string;
};
export type TSparkplugStateTopic = { kind: "state"; hostId: string };
export type TSparkplugTopic = TSparkplugEdgeTopic | TSparkplugStateTopic;

export type TParseTopicResult = { ok: true; topic: TSparkplugTopic } | { ok: false; reason: string };

const isNodeMessageType = (value: string): value is TNodeMessageType =>
  (NODE_MESSAGE_TYPES as readonly string[]).includes(value);
const isDeviceMessageType = (value: string): value is TDeviceMessageType =>
  (DEVICE_MESSAGE_TYPES as readonly string[]).includes(value);

// MQTT wildcards are legal in filters but never in a published topic; an empty element would make
// two different edge nodes collide once we key state by "<group>/<edge node>".
const invalidElementReason = (label: string, element: string): string | undefined => {
  if (element.length === 0) return `${label} is empty`;
  if (element.includes("+") || element.includes("#")) return `${label} contains an MQTT wildcard`;
  return undefined;
};

/** Parses a Sparkplug B topic; anything outside the spBv1.0 namespace or malformed is rejected with a reason. */
export function parseSparkplugTopic(topic: string): TParseTopicResult {
  const parts = topic.split("/");
  const [namespace, groupOrState, messageType, edgeNode, device] = parts;
  if (namespace !== SPARKPLUG_NAMESPACE) return { ok: false, reason: `not a ${SPARKPLUG_NAMESPACE} topic: ${topic}` };
  if (groupOrState === undefined) return { ok: false, reason: "missing group id" };

  if (groupOrState === "STATE") {
    if (parts.length !== 3 || messageType === undefined) {
      return { ok: false, reason: "STATE topic must be spBv1.0/STATE/<host id>" };
    }
    const problem = invalidElementReason("host id", messageType);
    return problem ? { ok: false, reason: problem } : { ok: true, topic: { kind: "state", hostId: messageType } };
  }

  const groupProblem = invalidElementReason("group id", groupOrState);
  if (groupProblem) return { ok: false, reason: groupProblem };
  if (messageType === undefined) return { ok: false, reason: "missing message type" };
  if (edgeNode === undefined) return { ok: false, reason: "missing edge node id" };
  const nodeProblem = invalidElementReason("edge node id", edgeNode);
  if (nodeProblem) return { ok: false, reason: nodeProblem };

  if (isNodeMessageType(messageType)) {
    if (parts.length !== 4) return { ok: false, reason: `${messageType} topic must not name a device` };
    return { ok: true, topic: { kind: "edge", group: groupOrState, messageType, edgeNode } };
  }
  if (isDeviceMessageType(messageType)) {
    if (parts.length !== 5 || device === undefined) {
      return { ok: false, reason: `${messageType} topic must be spBv1.0/<group>/${messageType}/<edge node>/<device>` };
    }
    const deviceProblem = invalidElementReason("device id", device);
    if (deviceProblem) return { ok: false, reason: deviceProblem };
    return { ok: true, topic: { kind: "edge", group: groupOrState, messageType, edgeNode, device } };
  }
  return { ok: false, reason: `unknown message type: ${messageType}` };
}

/** Formats a topic; the inverse of parseSparkplugTopic for every topic it accepts. */
export function formatSparkplugTopic(topic: TSparkplugTopic): string {
  if (topic.kind === "state") return `${SPARKPLUG_NAMESPACE}/STATE/${topic.hostId}`;
  const base = `${SPARKPLUG_NAMESPACE}/${topic.group}/${topic.messageType}/${topic.edgeNode}`;
  return topic.device === undefined ? base : `${base}/${topic.device}`;
}
