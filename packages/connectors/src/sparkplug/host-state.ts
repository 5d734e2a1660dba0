import type { TDecodedMetric, TDecodedPayload, TMetricValue, TSparkplugDatatype } from "./payload";
import type { TSparkplugTopic } from "./topic";

export type TAliasEntry = { name: string; datatype?: TSparkplugDatatype };
export type TDeviceState = { online: boolean; aliases: Readonly<Record<string, TAliasEntry>> };
export type TEdgeNodeState = {
  group: string;
  edgeNode: string;
  online: boolean;
  bdSeq?: number | bigint;
  /** Undefined until a birth: DATA cannot be trusted before one. */
  expectedSeq?: number;
  aliases: Readonly<Record<string, TAliasEntry>>;
  devices: Readonly<Record<string, TDeviceState>>;
};
/** Keyed by "<group>/<edge node>": edge node ids are only unique within a group. */
export type THostState = { nodes: Readonly<Record<string, TEdgeNodeState>> };

export type TResolvedMetric = {
  group: string;
  edgeNode: string;
  device?: string;
  name: string;
  value: TMetricValue;
  datatype?: TSparkplugDatatype;
  timestamp: Date;
  /** The message's seq; with the timestamp it identifies a redelivered message. */
  seq?: number;
  isHistorical?: boolean;
};
export type TUnresolvedMetric = {
  group: string;
  edgeNode: string;
  device?: string;
  seq?: number;
  alias?: string;
  reason: string;
};
export type TRebirthAction = { type: "rebirth"; group: string; edgeNode: string; reason: string };
export type TLifecycleChange = { type: "online" | "offline"; group: string; edgeNode: string; device?: string };
export type TApplyResult = {
  state: THostState;
  metrics: TResolvedMetric[];
  unresolved: TUnresolvedMetric[];
  actions: TRebirthAction[];
  lifecycle: TLifecycleChange[];
};

export const createHostState = (): THostState => ({ nodes: {} });
export const nodeKey = (group: string, edgeNode: string): string => `${group}/${edgeNode}`;

const aliasKey = (alias: number | bigint): string => alias.toString();

const aliasesFromBirth = (metrics: readonly TDecodedMetric[]): Record<string, TAliasEntry> => {
  const aliases: Record<string, TAliasEntry> = {};
  for (const metric of metrics) {
    if (metric.alias === undefined || metric.name === undefined) continue;
    aliases[aliasKey(metric.alias)] =
      metric.datatype === undefined ? { name: metric.name } : { name: metric.name, datatype: metric.datatype };
  }
  return aliases;
};

const bdSeqOf = (payload: TDecodedPayload): number | bigint | undefined => {
  const value = payload.metrics.find((metric) => metric.name === "bdSeq")?.value;
  return typeof value === "number" || typeof value === "bigint" ? value : undefined;
};

// A DATA metric without a datatype arrives as the raw protobuf field; the birth says how to read it.
const reinterpret = (value: TMetricValue, datatype: TSparkplugDatatype | undefined): TMetricValue => {
  if (typeof value === "number" && (datatype === "Int8" || datatype === "Int16" || datatype === "Int32")) {
    return value | 0;
  }
  if (datatype === "Int64" && (typeof value === "number" || typeof value === "bigint")) {
    const signed = BigInt.asIntN(64, BigInt(value));
    return signed >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(signed) : signed;
  }
  return value;
};

type TScope = { group: string; edgeNode: string; device?: string; seq?: number };

const resolveMetrics = (
  scope: TScope,
  payload: TDecodedPayload,
  aliases: Readonly<Record<string, TAliasEntry>>,
  receivedAt: Date,
): { metrics: TResolvedMetric[]; unresolved: TUnresolvedMetric[] } => {
  const metrics: TResolvedMetric[] = [];
  const unresolved: TUnresolvedMetric[] = [];
  const where = scope.device === undefined ? {} : { device: scope.device };
  for (const metric of payload.metrics) {
    const known = metric.alias === undefined ? undefined : aliases[aliasKey(metric.alias)];
    const name = metric.name ?? known?.name;
    if (name === undefined) {
      const alias = metric.alias === undefined ? undefined : aliasKey(metric.alias);
      const reason = alias === undefined ? "metric has neither name nor alias" : `unknown alias ${alias}`;
      unresolved.push({ ...scope, ...(alias ? { alias } : {}), reason });
      continue;
    }
    const datatype = metric.datatype ?? known?.datatype;
    const millis = metric.timestamp ?? payload.timestamp;
    const resolved: TResolvedMetric = {
      group: scope.group,
      edgeNode: scope.edgeNode,
      ...where,
      name,
      value: metric.datatype === undefined ? reinterpret(metric.value, datatype) : metric.value,
      timestamp: millis === undefined ? receivedAt : new Date(millis),
    };
    if (datatype !== undefined) resolved.datatype = datatype;
    if (scope.seq !== undefined) resolved.seq = scope.seq;
    if (metric.isHistorical) resolved.isHistorical = true;
    metrics.push(resolved);
  }
  return { metrics, unresolved };
};

// Without a birth nothing is resolved, not even metrics that carry a name: their meaning may have changed.
const unresolvedAll = (scope: TScope, payload: TDecodedPayload, reason: string): TUnresolvedMetric[] =>
  payload.metrics.map((metric) => ({
    ...scope,
    ...(metric.alias === undefined ? {} : { alias: aliasKey(metric.alias) }),
    reason,
  }));

const emptyResult = (state: THostState): TApplyResult => ({
  state,
  metrics: [],
  unresolved: [],
  actions: [],
  lifecycle: [],
});

const withNode = (state: THostState, node: TEdgeNodeState): THostState => ({
  nodes: { ...state.nodes, [nodeKey(node.group, node.edgeNode)]: node },
});

const offlineDevices = (node: TEdgeNodeState): TLifecycleChange[] =>
  Object.entries(node.devices)
    .filter(([, device]) => device.online)
    .map(([device]) => ({ type: "offline", group: node.group, edgeNode: node.edgeNode, device }));

const allDevicesOffline = (node: TEdgeNodeState): Record<string, TDeviceState> =>
  Object.fromEntries(Object.entries(node.devices).map(([id, device]) => [id, { ...device, online: false }]));

/**
 * Applies one Sparkplug message to the host's view of its edge nodes. Pure: the caller keeps the returned
 * state, publishes the rebirth requests and maps the resolved metrics.
 */
export function applyMessage(
  state: THostState,
  topic: TSparkplugTopic,
  payload: TDecodedPayload,
  receivedAt: Date,
): TApplyResult {
  // STATE belongs to other host applications, NCMD/DCMD to whoever commands the edge node: not data.
  if (topic.kind === "state" || topic.messageType === "NCMD" || topic.messageType === "DCMD") return emptyResult(state);
  const { group, edgeNode, messageType } = topic;
  const key = nodeKey(group, edgeNode);
  const node = state.nodes[key];
  const result = emptyResult(state);
  const seqScope: TScope = { group, edgeNode, ...(topic.device === undefined ? {} : { device: topic.device }) };
  if (payload.seq !== undefined) seqScope.seq = payload.seq;

  if (messageType === "NBIRTH") {
    const born: TEdgeNodeState = {
      group,
      edgeNode,
      online: true,
      expectedSeq: ((payload.seq ?? 0) + 1) % 256,
      aliases: aliasesFromBirth(payload.metrics),
      // A new birth invalidates every device: each must send its DBIRTH again.
      devices: node ? allDevicesOffline(node) : {},
    };
    const bdSeq = bdSeqOf(payload);
    if (bdSeq !== undefined) born.bdSeq = bdSeq;
    const { metrics, unresolved } = resolveMetrics(seqScope, payload, born.aliases, receivedAt);
    const lifecycle: TLifecycleChange[] = [...(node ? offlineDevices(node) : []), { type: "online", group, edgeNode }];
    return { ...result, state: withNode(state, born), metrics, unresolved, lifecycle };
  }

  if (messageType === "NDEATH") {
    // A death whose bdSeq differs belongs to an older session that was already replaced by a newer birth.
    if (!node?.online || bdSeqOf(payload) !== node.bdSeq) return result;
    const dead: TEdgeNodeState = { ...node, online: false, devices: allDevicesOffline(node) };
    delete dead.expectedSeq;
    const lifecycle: TLifecycleChange[] = [...offlineDevices(node), { type: "offline", group, edgeNode }];
    return { ...result, state: withNode(state, dead), lifecycle };
  }

  const rebirth = (reason: string): TRebirthAction => ({ type: "rebirth", group, edgeNode, reason });
  if (!node?.online || node.expectedSeq === undefined) {
    const unresolved = unresolvedAll(seqScope, payload, `${messageType} before NBIRTH`);
    return { ...result, unresolved, actions: [rebirth(`${messageType} received before NBIRTH`)] };
  }

  const actions: TRebirthAction[] = [];
  if (payload.seq === undefined) actions.push(rebirth(`${messageType} without seq`));
  else if (payload.seq !== node.expectedSeq) {
    actions.push(rebirth(`seq gap: expected ${node.expectedSeq}, received ${payload.seq}`));
  }
  // Resynchronise on the received seq so one lost message yields one rebirth request, not one per message.
  const advanced: TEdgeNodeState = { ...node, expectedSeq: ((payload.seq ?? node.expectedSeq) + 1) % 256 };

  if (messageType === "NDATA") {
    const { metrics, unresolved } = resolveMetrics(seqScope, payload, node.aliases, receivedAt);
    if (unresolved.length > 0) actions.push(rebirth(unresolved.map((entry) => entry.reason).join("; ")));
    return { ...result, state: withNode(state, advanced), metrics, unresolved, actions };
  }

  const device = topic.device ?? "";
  const known = node.devices[device];
  if (messageType === "DBIRTH") {
    const born: TDeviceState = { online: true, aliases: aliasesFromBirth(payload.metrics) };
    const next = withNode(state, { ...advanced, devices: { ...advanced.devices, [device]: born } });
    const { metrics, unresolved } = resolveMetrics(seqScope, payload, born.aliases, receivedAt);
    const lifecycle: TLifecycleChange[] = [{ type: "online", group, edgeNode, device }];
    return { ...result, state: next, metrics, unresolved, actions, lifecycle };
  }
  if (messageType === "DDEATH") {
    const devices = known ? { ...advanced.devices, [device]: { ...known, online: false } } : advanced.devices;
    const lifecycle: TLifecycleChange[] = known?.online ? [{ type: "offline", group, edgeNode, device }] : [];
    return { ...result, state: withNode(state, { ...advanced, devices }), actions, lifecycle };
  }

  // DDATA
  if (!known?.online) {
    const unresolved = unresolvedAll(seqScope, payload, "DDATA before DBIRTH");
    actions.push(rebirth(`DDATA for device ${device} before its DBIRTH`));
    return { ...result, state: withNode(state, advanced), unresolved, actions };
  }
  const { metrics, unresolved } = resolveMetrics(seqScope, payload, known.aliases, receivedAt);
  if (unresolved.length > 0) actions.push(rebirth(unresolved.map((entry) => entry.reason).join("; ")));
  return { ...result, state: withNode(state, advanced), metrics, unresolved, actions };
}
