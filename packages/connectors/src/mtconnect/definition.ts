import { z } from "zod";
import type { TConnectionTestResult, TConnectorDefinition, TPollResult } from "../framework/definition";
import type { TMapperState } from "./map-observations";
import { pollAgent, type TFetchText, type TPollCursor, type TProbeCache } from "./poll-agent";
import { parseProbeDocument } from "./probe";

export const ZMTConnectConfig = z.object({
  agentUrl: z.url().meta({
    title: "Agent URL",
    description: "Base URL of the MTConnect agent, optionally with a device path (http://agent:5000/Mazak).",
  }),
  devices: z
    .array(
      z.object({
        device: z
          .string()
          .min(1)
          .meta({ title: "Device name or uuid", description: "As listed by the agent's /probe." }),
        workCenterId: z.uuid().meta({ title: "Work center", widget: "workCenter" }),
      }),
    )
    .default([])
    .meta({ title: "Devices", description: "Which agent device is which work center; unmapped devices are ignored." }),
  pollIntervalSeconds: z.int().min(1).max(3600).default(5).meta({ title: "Poll every (seconds)" }),
  sampleCount: z.int().min(10).max(10_000).default(1000).meta({ title: "Observations per request" }),
});
export type TMTConnectConfig = z.infer<typeof ZMTConnectConfig>;

export const ZMTConnectSecrets = z.object({});
export type TMTConnectSecrets = z.infer<typeof ZMTConnectSecrets>;

/** What a poll hands to the next one: where the agent's stream continues and the counter baselines. */
export type TMTConnectCursor = { stream: TPollCursor; mapperState: TMapperState };

const REQUEST_TIMEOUT_MS = 10_000;
/** A poll catches up in at most this many /sample requests; the next scheduled run continues. */
const MAX_REQUESTS_PER_RUN = 10;
const PLACEHOLDER_WORK_CENTER = "00000000-0000-4000-8000-000000000000";

function fetchTextWith(signal: AbortSignal): TFetchText {
  return async (url) => {
    const response = await fetch(url, {
      headers: { accept: "application/xml, text/xml" },
      signal: AbortSignal.any([signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
    });
    return { status: response.status, body: await response.text() };
  };
}

// Probes are kept per process: a worker restart simply probes again on its first poll.
const probeCache = new Map<string, TProbeCache>();

async function testAgent(config: TMTConnectConfig, signal: AbortSignal): Promise<TConnectionTestResult> {
  const url = `${config.agentUrl.replace(/\/+$/, "")}/probe`;
  let body: string;
  try {
    const response = await fetchTextWith(signal)(url);
    if (response.status !== 200) {
      return {
        ok: false,
        summary: `The agent answered ${response.status} to GET ${url}.`,
        details: ["Check the agent URL (and device path)."],
      };
    }
    body = response.body;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      summary: `Could not reach ${url}: ${reason}`,
      details: ["Check the URL and that the worker can reach the agent's port."],
    };
  }
  try {
    const probe = parseProbeDocument(body);
    const names = probe.devices.map((device) => `${device.name} (${device.uuid})`);
    const known = new Set(probe.devices.flatMap((device) => [device.name, device.uuid]));
    const missing = config.devices.filter((entry) => !known.has(entry.device)).map((entry) => entry.device);
    return {
      ok: missing.length === 0,
      summary:
        missing.length === 0
          ? `MTConnect ${probe.header.version ?? ""} agent with ${probe.devices.length} device(s).`.replace("  ", " ")
          : `The agent has no device named ${missing.join(", ")}.`,
      details: [`Devices: ${names.join(", ") || "none"}.`, `Instance ${probe.header.instanceId}.`],
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, summary: `${url} did not return an MTConnect probe document: ${reason}`, details: [] };
  }
}

export const mtconnectConnector: TConnectorDefinition<TMTConnectConfig, TMTConnectSecrets, TMTConnectCursor> = {
  kind: "MTCONNECT",
  label: "MTConnect agent",
  description:
    "Polls an MTConnect agent (/probe, /current, /sample following nextSequence), detects buffer overruns and agent restarts, and maps Availability, Execution, ControllerMode, PartCount and conditions to machine states and counts.",
  configSchema: ZMTConnectConfig,
  secretsSchema: ZMTConnectSecrets,
  exampleConfig: {
    agentUrl: "http://127.0.0.1:5480",
    devices: [{ device: "CNC-101", workCenterId: PLACEHOLDER_WORK_CENTER }],
    pollIntervalSeconds: 5,
    sampleCount: 1000,
  },
  test: (context, signal) => testAgent(context.config, signal),
  poll: {
    intervalMs: (config) => config.pollIntervalSeconds * 1000,
    run: async (context) => {
      const devices = Object.fromEntries(context.config.devices.map((entry) => [entry.device, entry.workCenterId]));
      const fetchText = fetchTextWith(context.signal);
      const cacheKey = `${context.connectorId}|${context.config.agentUrl}`;
      let cursor = context.cursor;
      const result: TPollResult<TMTConnectCursor> = {
        events: [],
        rejected: [],
        cursor: cursor ?? {
          stream: { instanceId: "", nextSequence: 0 },
          mapperState: { partCounts: {}, devices: {}, watermarks: {} },
        },
        counts: { requests: 0, events: 0, unmapped: 0, gaps: 0, lostObservations: 0 },
        message: "",
      };
      const gapNotes: string[] = [];
      for (let request = 0; request < MAX_REQUESTS_PER_RUN; request += 1) {
        const polled = await pollAgent({
          agentUrl: context.config.agentUrl,
          fetchText,
          sourceId: context.sourceId,
          devices,
          count: context.config.sampleCount,
          ...(cursor ? { cursor: cursor.stream, mapperState: cursor.mapperState } : {}),
          ...(probeCache.has(cacheKey) ? { probe: probeCache.get(cacheKey) } : {}),
        });
        probeCache.set(cacheKey, polled.probe);
        cursor = { stream: polled.cursor, mapperState: polled.mapperState };
        result.events.push(...polled.events);
        result.counts.requests = (result.counts.requests ?? 0) + 1;
        result.counts.unmapped = (result.counts.unmapped ?? 0) + polled.unmapped.length;
        for (const gap of polled.gaps) {
          result.counts.gaps = (result.counts.gaps ?? 0) + 1;
          result.counts.lostObservations = (result.counts.lostObservations ?? 0) + (gap.lostSequences ?? 0);
          gapNotes.push(
            gap.reason === "AGENT_RESTARTED"
              ? "the agent restarted (its buffer was lost; resumed from /current)"
              : `buffer overrun: ${gap.lostSequences} observations were overwritten before they were read; poll more often or raise the agent's buffer`,
          );
        }
        if (polled.caughtUp) break;
      }
      result.cursor = cursor ?? result.cursor;
      result.counts.events = result.events.length;
      result.message = [`${result.events.length} events from ${result.counts.requests} request(s)`, ...gapNotes].join(
        "; ",
      );
      return result;
    },
  },
};
