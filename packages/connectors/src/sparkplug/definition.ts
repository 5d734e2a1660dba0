import { connectAsync } from "mqtt";
import { z } from "zod";
import type { TConnectionTestResult, TConnectorDefinition, TConnectorStatus } from "../framework/definition";
import { createHostSession } from "./host-session";
import { ZSparkplugMappingRule } from "./map-metrics";
import { ZUnsMappingRule } from "./map-uns";
import { SPARKPLUG_NAMESPACE } from "./topic";

export const ZSparkplugConfig = z.object({
  brokerUrl: z
    .string()
    .regex(/^(mqtts?|wss?):\/\/.+/, "Use mqtt://host:1883, mqtts://host:8883 or ws(s)://host/path.")
    .meta({ title: "Broker URL", description: "The MQTT broker the edge nodes publish to." }),
  hostId: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, "Letters, digits, - and _ only: it becomes an MQTT topic level.")
    .default("gemba")
    .meta({
      title: "Host application id",
      description: "Published as spBv1.0/STATE/<id> so edge nodes know Gemba is online.",
    }),
  groups: z
    .array(z.string().regex(/^[^/+#]+$/, "A group id cannot contain /, + or #."))
    .default([])
    .meta({ title: "Sparkplug groups", description: "Subscribes to spBv1.0/<group>/# for each." }),
  rules: z.array(ZSparkplugMappingRule).default([]).meta({
    title: "Metric mapping",
    description: "Which metric of which device becomes which event for which work center.",
  }),
  unsRules: z.array(ZUnsMappingRule).default([]).meta({
    title: "Unified namespace topics",
    description: 'Plain JSON topics ({"value": …, "timestamp": …}) mapped to events.',
  }),
});
export type TSparkplugConfig = z.infer<typeof ZSparkplugConfig>;

export const ZMqttSecrets = z.object({
  username: z.string().optional().meta({ title: "Username" }),
  password: z.string().optional().meta({ title: "Password" }),
});
export type TMqttSecrets = z.infer<typeof ZMqttSecrets>;

const PLACEHOLDER_WORK_CENTER = "00000000-0000-4000-8000-000000000000";
const TEST_TIMEOUT_MS = 8_000;
const LISTEN_MS = 3_000;

const credentials = (secrets: TMqttSecrets) => ({
  ...(secrets.username ? { username: secrets.username } : {}),
  ...(secrets.password ? { password: secrets.password } : {}),
});

/** Connects, listens to the configured groups for a few seconds and says what it saw. */
async function testBroker(
  config: TSparkplugConfig,
  secrets: TMqttSecrets,
  signal: AbortSignal,
): Promise<TConnectionTestResult> {
  let client: Awaited<ReturnType<typeof connectAsync>> | undefined;
  try {
    client = await connectAsync(config.brokerUrl, {
      ...credentials(secrets),
      clientId: `gemba-test-${Math.random().toString(16).slice(2, 10)}`,
      connectTimeout: TEST_TIMEOUT_MS,
      reconnectPeriod: 0,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const hint = /not authorized|bad user/i.test(reason)
      ? "The broker rejected the credentials: check username and password."
      : "Check the broker URL and that the broker accepts connections from the Gemba worker.";
    return { ok: false, summary: `Could not connect to ${config.brokerUrl}: ${reason}`, details: [hint] };
  }
  try {
    const topics = new Map<string, number>();
    client.on("message", (topic) => {
      const group = topic.split("/")[1] ?? topic;
      topics.set(group, (topics.get(group) ?? 0) + 1);
    });
    const filters = [
      ...config.groups.map((group) => `${SPARKPLUG_NAMESPACE}/${group}/#`),
      ...config.unsRules.map((rule) => rule.topic),
    ];
    if (filters.length > 0) await client.subscribeAsync(filters, { qos: 0 });
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, LISTEN_MS);
      signal.addEventListener("abort", () => {
        clearTimeout(timer);
        resolve(undefined);
      });
    });
    const details = config.groups.map((group) => {
      const count = topics.get(group) ?? 0;
      return count > 0
        ? `Group "${group}": ${count} messages in ${LISTEN_MS / 1000} s.`
        : `Group "${group}": no messages in ${LISTEN_MS / 1000} s — are edge nodes publishing to spBv1.0/${group}/…?`;
    });
    if (filters.length === 0)
      details.push("No groups or topics configured yet: add a Sparkplug group to receive data.");
    details.push(`${config.rules.length} metric rules, ${config.unsRules.length} topic rules.`);
    return { ok: true, summary: `Connected to ${config.brokerUrl}.`, details };
  } finally {
    await client.endAsync(true).catch(() => undefined);
  }
}

export const sparkplugConnector: TConnectorDefinition<TSparkplugConfig, TMqttSecrets> = {
  kind: "MQTT_SPARKPLUG",
  label: "MQTT / Sparkplug B",
  description:
    "Acts as a Sparkplug B host application on an MQTT broker: decodes births and data of edge nodes, asks for rebirths on gaps, and maps metrics (and plain JSON unified-namespace topics) to machine states, counts and telemetry.",
  configSchema: ZSparkplugConfig,
  secretsSchema: ZMqttSecrets,
  exampleConfig: {
    brokerUrl: "mqtt://127.0.0.1:1883",
    hostId: "gemba",
    groups: ["Riverside"],
    rules: [
      { match: { device: "PRS-202", metric: "State" }, as: "state", workCenterId: PLACEHOLDER_WORK_CENTER, states: {} },
      {
        match: { device: "PRS-202", metric: "Counts/Total" },
        as: "count_total",
        workCenterId: PLACEHOLDER_WORK_CENTER,
      },
      { match: { device: "PRS-202", metric: "Counts/Good" }, as: "count_good", workCenterId: PLACEHOLDER_WORK_CENTER },
    ],
    unsRules: [],
  },
  test: (context, signal) => testBroker(context.config, context.secrets, signal),
  stream: (context, output) => {
    let lastStatus: TConnectorStatus | undefined;
    let statusTimer: NodeJS.Timeout | undefined;
    const session = createHostSession({
      brokerUrl: context.config.brokerUrl,
      hostId: context.config.hostId,
      groups: context.config.groups,
      sourceId: context.sourceId,
      sparkplugRules: context.config.rules,
      unsRules: context.config.unsRules,
      mqttOptions: credentials(context.secrets),
      onEvents: (events) => output.events(events),
      onInvalid: (raw, reason) =>
        output.rejected({
          stage: "decode",
          reason,
          payload: { topic: raw.topic, payloadBase64: raw.payloadBase64, receivedAt: raw.receivedAt.toISOString() },
        }),
      onError: (error) => output.error(error instanceof Error ? error.message : String(error)),
    });
    // The session keeps its own connection state; report changes of it, not every poll.
    const reportStatus = () => {
      const status: TConnectorStatus = session.health().connected ? "connected" : "reconnecting";
      if (status !== lastStatus)
        output.status(status, status === "connected" ? context.config.brokerUrl : "broker unreachable, retrying");
      lastStatus = status;
    };
    return {
      start: async () => {
        output.status("connecting", context.config.brokerUrl);
        await session.start();
        reportStatus();
        statusTimer = setInterval(reportStatus, 1_000);
      },
      stop: async () => {
        clearInterval(statusTimer);
        await session.stop();
        output.status("disconnected");
      },
    };
  },
};
