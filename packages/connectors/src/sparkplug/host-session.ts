import { randomUUID } from "node:crypto";
import type { TCanonicalEvent } from "@gemba/domain/events/canonical-events";
import { connect, type IClientOptions, type MqttClient } from "mqtt";
import { applyMessage, createHostState, nodeKey, type TLifecycleChange, type TRebirthAction } from "./host-state";
import { createSparkplugMapper, type TSparkplugMappingRule } from "./map-metrics";
import { createUnsMapper, type TUnsMappingRule } from "./map-uns";
import { decodeSparkplugPayload, encodeSparkplugPayload } from "./payload";
import { formatSparkplugTopic, parseSparkplugTopic, SPARKPLUG_NAMESPACE } from "./topic";

/** What the dead-letter store keeps: the bytes as sent, so the message can be replayed once fixed. */
export type TRawMessage = { topic: string; payloadBase64: string; receivedAt: Date };

export type THostSessionOptions = {
  brokerUrl: string;
  hostId: string;
  groups: readonly string[];
  sourceId: string;
  sparkplugRules?: readonly TSparkplugMappingRule[];
  unsRules?: readonly TUnsMappingRule[];
  onEvents: (events: TCanonicalEvent[]) => void | Promise<void>;
  onInvalid: (raw: TRawMessage, reason: string) => void | Promise<void>;
  onLifecycle?: (changes: TLifecycleChange[]) => void;
  /** Called when a callback throws: the MQTT client must keep running whatever the consumer does. */
  onError?: (error: unknown) => void;
  clientId?: string;
  reconnectPeriodMs?: number;
  /** One rebirth request per edge node within this window: a burst of bad messages must not flood the node. */
  rebirthIntervalMs?: number;
  mqttOptions?: Omit<IClientOptions, "clientId" | "clean" | "will" | "reconnectPeriod" | "resubscribe">;
};

export type THostHealth = {
  connected: boolean;
  connects: number;
  messages: number;
  events: number;
  invalid: number;
  unmatched: number;
  rebirthsRequested: number;
  lastMessageAt?: Date;
};

export type THostSession = {
  start: () => Promise<void>;
  stop: () => Promise<void>;
  health: () => THostHealth;
};

const stateBody = (online: boolean, timestamp: number): string => JSON.stringify({ online, timestamp });

/** A Sparkplug B host application: tracks edge node sessions and turns their metrics into canonical events. */
export function createHostSession(options: THostSessionOptions): THostSession {
  const stateTopic = formatSparkplugTopic({ kind: "state", hostId: options.hostId });
  const sparkplugMapper = createSparkplugMapper({ sourceId: options.sourceId, rules: options.sparkplugRules ?? [] });
  const unsMapper = createUnsMapper({ sourceId: options.sourceId, rules: options.unsRules ?? [] });
  const filters = [...options.groups.map((group) => `${SPARKPLUG_NAMESPACE}/${group}/#`), ...unsMapper.filters];
  const rebirthIntervalMs = options.rebirthIntervalMs ?? 5000;
  const lastRebirth = new Map<string, number>();
  const health: THostHealth = {
    connected: false,
    connects: 0,
    messages: 0,
    events: 0,
    invalid: 0,
    unmatched: 0,
    rebirthsRequested: 0,
  };
  let hostState = createHostState();
  let client: MqttClient | undefined;
  // Sparkplug 3.0: the will and the online message carry the same timestamp, so an edge node can tell
  // which session of this host a death belongs to.
  const sessionTimestamp = Date.now();

  const reportError = (error: unknown) => options.onError?.(error);
  const guarded = (run: () => void | Promise<void>) => {
    try {
      Promise.resolve(run()).catch(reportError);
    } catch (error) {
      reportError(error);
    }
  };

  const invalid = (raw: TRawMessage, reason: string) => {
    health.invalid += 1;
    guarded(() => options.onInvalid(raw, reason));
  };
  const emit = (events: TCanonicalEvent[]) => {
    if (events.length === 0) return;
    health.events += events.length;
    guarded(() => options.onEvents(events));
  };

  const requestRebirth = (action: TRebirthAction) => {
    const key = nodeKey(action.group, action.edgeNode);
    const now = Date.now();
    const last = lastRebirth.get(key);
    if (!client || (last !== undefined && now - last < rebirthIntervalMs)) return;
    lastRebirth.set(key, now);
    health.rebirthsRequested += 1;
    const topic = formatSparkplugTopic({
      kind: "edge",
      group: action.group,
      messageType: "NCMD",
      edgeNode: action.edgeNode,
    });
    const payload = encodeSparkplugPayload({
      timestamp: now,
      metrics: [{ name: "Node Control/Rebirth", type: "Boolean", value: true }],
    });
    client.publishAsync(topic, Buffer.from(payload), { qos: 0 }).catch(reportError);
  };

  const handleSparkplug = (raw: TRawMessage, bytes: Uint8Array) => {
    const parsed = parseSparkplugTopic(raw.topic);
    if (!parsed.ok) return invalid(raw, parsed.reason);
    // Other hosts' STATE messages are JSON, not protobuf, and say nothing about edge nodes.
    if (parsed.topic.kind === "state") return;
    const decoded = decodeSparkplugPayload(bytes);
    if (!decoded.ok) return invalid(raw, decoded.reason);
    const result = applyMessage(hostState, parsed.topic, decoded.payload, raw.receivedAt);
    hostState = result.state;
    for (const action of result.actions) requestRebirth(action);
    if (result.lifecycle.length > 0) guarded(() => options.onLifecycle?.(result.lifecycle));
    const mapped = sparkplugMapper.map(result.metrics);
    health.unmatched += mapped.unmatched;
    for (const problem of mapped.problems) invalid(raw, `${problem.signal}: ${problem.reason}`);
    emit(mapped.events);
  };

  const handleUns = (raw: TRawMessage, bytes: Uint8Array) => {
    const result = unsMapper.map(raw.topic, bytes, raw.receivedAt);
    if (result.status === "unmatched") health.unmatched += 1;
    else if (result.status === "invalid") invalid(raw, result.reason);
    else {
      for (const problem of result.problems) invalid(raw, `${problem.signal}: ${problem.reason}`);
      emit(result.events);
    }
  };

  const handleMessage = (topic: string, bytes: Buffer) => {
    const receivedAt = new Date();
    health.messages += 1;
    health.lastMessageAt = receivedAt;
    const raw: TRawMessage = { topic, payloadBase64: bytes.toString("base64"), receivedAt };
    try {
      if (topic.startsWith(`${SPARKPLUG_NAMESPACE}/`)) handleSparkplug(raw, bytes);
      else handleUns(raw, bytes);
    } catch (error) {
      // A bug in mapping must cost one message, not the connection.
      invalid(raw, `unexpected error: ${error instanceof Error ? error.message : String(error)}`);
      reportError(error);
    }
  };

  // With clean sessions the broker forgets subscriptions on every disconnect, so each (re)connect
  // re-subscribes and re-announces the host as online (the broker may have published the will meanwhile).
  const onConnect = async (connected: MqttClient) => {
    await connected.publishAsync(stateTopic, stateBody(true, sessionTimestamp), { qos: 1, retain: true });
    await connected.subscribeAsync([...filters], { qos: 0 });
    // Only now can messages arrive: "connected" means ready to receive, not merely a TCP session.
    health.connected = true;
    health.connects += 1;
  };

  /** Resolves once connected, announced and subscribed, so a caller may rely on delivery right after. */
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const created = connect(options.brokerUrl, {
        ...options.mqttOptions,
        clientId: options.clientId ?? `gemba-host-${options.hostId}-${randomUUID().slice(0, 8)}`,
        clean: true,
        // mqtt.js would re-subscribe by itself; doing it in onConnect keeps one explicit, tested path.
        resubscribe: false,
        reconnectPeriod: options.reconnectPeriodMs ?? 2000,
        will: { topic: stateTopic, payload: Buffer.from(stateBody(false, sessionTimestamp)), qos: 1, retain: true },
      });
      client = created;
      let started = false;
      const settle = (error?: unknown) => {
        if (started) return error === undefined ? undefined : reportError(error);
        started = true;
        if (error === undefined) return resolve();
        created.end(true);
        reject(error);
      };
      created.on("connect", () => {
        onConnect(created).then(() => settle(), settle);
      });
      created.on("message", handleMessage);
      created.on("close", () => {
        health.connected = false;
      });
      created.on("error", settle);
    });

  const stop = async () => {
    const current = client;
    client = undefined;
    if (!current) return;
    if (current.connected) {
      await current.publishAsync(stateTopic, stateBody(false, sessionTimestamp), { qos: 1, retain: true });
    }
    await current.endAsync();
    health.connected = false;
  };

  return { start, stop, health: () => ({ ...health }) };
}
