import { randomUUID } from "node:crypto";
import { decodeSparkplugPayload, encodeSparkplugPayload } from "@gemba/connectors/sparkplug/payload";
import { formatSparkplugTopic, type TSparkplugMessageType } from "@gemba/connectors/sparkplug/topic";
import { connect, type MqttClient } from "mqtt";
import type { Logger } from "pino";
import type { UMetric } from "sparkplug-payload/lib/sparkplugbpayload";
import type { TMachineChange } from "../plant/live-machine";
import type { TLine } from "../plant/live-plant";
import {
  BD_SEQ_METRIC,
  deviceBirthMetrics,
  deviceDataMetrics,
  deviceMetricSet,
  nodeBirthMetrics,
  REBIRTH_METRIC,
  type TDeviceMetricSet,
} from "./metrics";

export type TEdgeNodeOptions = {
  brokerUrl: string;
  groupId: string;
  line: TLine;
  /** Work centers of the line this node publishes (the others are served by other protocols). */
  deviceCodes: readonly string[];
  speed: number;
  logger: Logger;
  /** When set, births wait for this primary host's STATE to say online (Sparkplug 3.0). */
  primaryHostId?: string;
  reconnectPeriodMs?: number;
  connectTimeoutMs?: number;
  /** MQTT client id; unique per process by default. */
  clientId?: string;
};

/** One Sparkplug B edge node (a line) with a device per work center, on its own MQTT session. */
export class SparkplugEdgeNode {
  readonly edgeNodeId: string;
  private readonly options: TEdgeNodeOptions;
  private readonly devices: Array<{ set: TDeviceMetricSet; machine: TLine["machines"][number] }>;
  private readonly log: Logger;
  private client: MqttClient | undefined;
  private bdSeq = 0;
  private seq = 0;
  private born = false;
  private hostOnline: boolean;
  private sessionStarted = false;
  private sessions = 0;
  private startFailed = false;

  constructor(options: TEdgeNodeOptions) {
    this.options = options;
    this.edgeNodeId = options.line.code;
    this.log = options.logger.child({ edgeNode: this.edgeNodeId });
    this.devices = options.line.machines
      .map((machine, index) => ({ machine, set: deviceMetricSet(machine, index) }))
      .filter(({ machine }) => options.deviceCodes.includes(machine.identity.code));
    this.hostOnline = options.primaryHostId === undefined;
  }

  get deviceIds(): string[] {
    return this.devices.map(({ set }) => set.device);
  }

  /**
   * Connects and publishes the births. Rejects when the first connection attempt fails, but the
   * client keeps retrying in the background: the node comes up by itself once the broker does.
   */
  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (error?: Error) => {
        if (settled) return;
        settled = true;
        if (error === undefined) return resolve();
        this.startFailed = true;
        reject(error);
      };
      const client = connect(this.options.brokerUrl, {
        clientId:
          this.options.clientId ?? `gemba-sim-${this.options.groupId}-${this.edgeNodeId}-${randomUUID().slice(0, 8)}`,
        protocolVersion: 4,
        clean: true,
        reconnectPeriod: this.options.reconnectPeriodMs ?? 2000,
        connectTimeout: this.options.connectTimeoutMs ?? 5000,
        // A DDATA queued while offline would arrive after the next session's births with a stale seq.
        queueQoSZero: false,
        will: this.will(),
      });
      this.client = client;
      client.on("connect", () => {
        this.sessionStarted = true;
        this.onConnect(client).then(
          () => settle(),
          (error: unknown) => settle(error instanceof Error ? error : new Error(String(error))),
        );
      });
      client.on("message", (topic, payload) => this.onMessage(topic, payload));
      client.on("error", (error) => settle(error));
      client.on("close", () => {
        if (!settled) settle(new Error("connection closed before the MQTT session was established"));
        this.born = false;
        // Closed by stop(): the NDEATH is already out, nothing will reconnect.
        if (this.client !== client || !this.sessionStarted) return;
        this.sessionStarted = false;
        // A new MQTT session is a new Sparkplug session: its will and birth carry the next bdSeq.
        this.bdSeq = (this.bdSeq + 1) % 256;
        client.options.will = this.will();
        this.log.warn("MQTT connection lost; reconnecting");
      });
    });
  }

  /** Publishes one step's changes of this node's devices as DDATA (report by exception). */
  publishChanges(changes: ReadonlyMap<string, TMachineChange[]>): void {
    if (!this.born) return;
    for (const { set } of this.devices) {
      const deviceChanges = changes.get(set.device);
      if (deviceChanges === undefined) continue;
      const metrics = deviceDataMetrics(set, deviceChanges);
      if (metrics.length > 0) this.publish("DDATA", set.device, metrics);
    }
  }

  /** DDEATH for every device, then NDEATH (the will covers a crash), then disconnects. */
  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client === undefined) return;
    if (client.connected) {
      if (this.born) for (const { set } of this.devices) this.publishOn(client, "DDEATH", set.device, []);
      // Also when holding births for an offline primary host: it may still know an earlier session.
      const death = encodeSparkplugPayload({
        timestamp: Date.now(),
        metrics: [{ name: BD_SEQ_METRIC, type: "UInt64", value: this.bdSeq }],
      });
      await client.publishAsync(this.topic("NDEATH"), Buffer.from(death), { qos: 1 }).catch(() => undefined);
    }
    this.born = false;
    await client.endAsync();
  }

  private will() {
    const payload = encodeSparkplugPayload({
      timestamp: Date.now(),
      metrics: [{ name: BD_SEQ_METRIC, type: "UInt64", value: this.bdSeq }],
    });
    return { topic: this.topic("NDEATH"), payload: Buffer.from(payload), qos: 1 as const, retain: false };
  }

  private async onConnect(client: MqttClient): Promise<void> {
    const filters = [this.topic("NCMD")];
    if (this.options.primaryHostId !== undefined) {
      filters.push(formatSparkplugTopic({ kind: "state", hostId: this.options.primaryHostId }));
    }
    // Subscribed before the birth, so a rebirth request right after it is not lost.
    await client.subscribeAsync(filters, { qos: 1 });
    // The first session is covered by the protocol's "publishing on" line; late or new ones are news.
    this.sessions += 1;
    const level = this.sessions === 1 && !this.startFailed ? "debug" : "info";
    this.log[level]({ brokerUrl: this.options.brokerUrl, bdSeq: this.bdSeq }, "MQTT session established");
    if (this.hostOnline) this.publishBirths();
    else this.log.info({ primaryHostId: this.options.primaryHostId }, "waiting for the primary host to be online");
  }

  private onMessage(topic: string, payload: Buffer): void {
    if (this.options.primaryHostId !== undefined && topic.endsWith(`/STATE/${this.options.primaryHostId}`)) {
      this.onHostState(payload);
      return;
    }
    if (topic !== this.topic("NCMD")) return;
    const decoded = decodeSparkplugPayload(payload);
    if (!decoded.ok) {
      this.log.warn({ reason: decoded.reason }, "ignored an NCMD that is not a Sparkplug B payload");
      return;
    }
    const rebirth = decoded.payload.metrics.some((metric) => metric.name === REBIRTH_METRIC && metric.value === true);
    if (rebirth) {
      this.log.info("rebirth requested");
      this.publishBirths();
    }
  }

  private onHostState(payload: Buffer): void {
    let online = false;
    try {
      online = (JSON.parse(payload.toString("utf8")) as { online?: unknown }).online === true;
    } catch {
      this.log.warn("ignored a primary host STATE message that is not JSON");
      return;
    }
    if (online === this.hostOnline) return;
    this.hostOnline = online;
    this.log.info({ primaryHostId: this.options.primaryHostId, online }, "primary host state changed");
    // Back online: the host lost track of us meanwhile, so it gets fresh births. Offline: hold data.
    if (online && this.client?.connected) this.publishBirths();
    else this.born = false;
  }

  private publishBirths(): void {
    this.seq = 0;
    const at = Date.now();
    const line = this.options.line;
    const metrics = nodeBirthMetrics({ bdSeq: this.bdSeq, lineName: line.name, speed: this.options.speed, at });
    this.publish("NBIRTH", undefined, metrics, true);
    for (const { set, machine } of this.devices)
      this.publish("DBIRTH", set.device, deviceBirthMetrics(set, machine), true);
    this.born = true;
  }

  private publish(type: TSparkplugMessageType, device: string | undefined, metrics: UMetric[], force = false): void {
    const client = this.client;
    if (client === undefined || !client.connected || (!this.born && !force)) return;
    this.publishOn(client, type, device, metrics);
  }

  private publishOn(client: MqttClient, type: TSparkplugMessageType, device: string | undefined, metrics: UMetric[]) {
    const payload = encodeSparkplugPayload({ timestamp: Date.now(), seq: this.seq, metrics });
    this.seq = (this.seq + 1) % 256;
    client.publish(this.topic(type, device), Buffer.from(payload), { qos: 0 }, (error) => {
      if (error) this.log.warn({ err: error, type, device }, "publish failed");
    });
  }

  private topic(messageType: TSparkplugMessageType, device?: string): string {
    const base = { kind: "edge" as const, group: this.options.groupId, messageType, edgeNode: this.edgeNodeId };
    return formatSparkplugTopic(device === undefined ? base : { ...base, device });
  }
}
