import type { TCanonicalEvent } from "@gemba/domain/events/canonical-events";
import {
  createMapperState,
  mapObservations,
  type TAlarm,
  type TDeviceMapping,
  type TMapperState,
  type TSignalLost,
  type TUnmappedObservation,
} from "./map-observations";
import { indexDataItems, parseProbeDocument, type TDataItem } from "./probe";
import { parseStreamsResponse, type TAgentErrorDocument, type TStreamsDocument } from "./streams";

export type TFetchText = (url: string) => Promise<{ status: number; body: string }>;

/** Where the next poll starts. Plain JSON, so a BullMQ job can store it between runs. */
export type TPollCursor = { instanceId: string; nextSequence: number };

export type TGap = {
  reason: "BUFFER_OVERRUN" | "AGENT_RESTARTED";
  instanceId: string;
  /** First sequence we asked for and never got. */
  fromSequence: number;
  /** How many sequences were lost; null after a restart, the old buffer being gone. */
  lostSequences: number | null;
};

/** Data items from the last probe; kept in memory only, a new process simply probes again. */
export type TProbeCache = { instanceId: string; dataItems: ReadonlyMap<string, TDataItem> };

export type TPollInput = {
  /** Agent base URL, optionally with a device path (`http://agent:5000/Mazak`). */
  agentUrl: string;
  fetchText: TFetchText;
  sourceId: string;
  devices: TDeviceMapping;
  /** Observations per `/sample` request. */
  count?: number;
  cursor?: TPollCursor;
  mapperState?: TMapperState;
  probe?: TProbeCache;
};

export type TPollResult = {
  events: TCanonicalEvent[];
  unmapped: TUnmappedObservation[];
  signalsLost: TSignalLost[];
  alarms: TAlarm[];
  gaps: TGap[];
  cursor: TPollCursor;
  mapperState: TMapperState;
  probe: TProbeCache;
  /** False when the agent holds more than `count` new observations: poll again right away. */
  caughtUp: boolean;
};

const DEFAULT_COUNT = 1000;

export class MTConnectAgentError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "MTConnectAgentError";
  }
}

function endpoint(agentUrl: string, path: string): string {
  return `${agentUrl.replace(/\/+$/, "")}/${path}`;
}

async function fetchProbe(input: TPollInput): Promise<TProbeCache> {
  const url = endpoint(input.agentUrl, "probe");
  const response = await input.fetchText(url);
  if (response.status !== 200) throw new MTConnectAgentError(`GET ${url} answered ${response.status}`, "HTTP_ERROR");
  const probe = parseProbeDocument(response.body);
  return { instanceId: probe.header.instanceId, dataItems: indexDataItems(probe) };
}

function failOnAgentError(url: string, document: TAgentErrorDocument): never {
  const first = document.errors[0];
  throw new MTConnectAgentError(
    `GET ${url}: ${first?.code ?? "UNKNOWN"} ${first?.message ?? ""}`.trim(),
    first?.code ?? "UNKNOWN",
  );
}

async function fetchStreams(input: TPollInput, path: string): Promise<TStreamsDocument | TAgentErrorDocument> {
  const url = endpoint(input.agentUrl, path);
  const response = await input.fetchText(url);
  // Agents answer errors such as OUT_OF_RANGE with 4xx and an MTConnectError body: parse first.
  try {
    return parseStreamsResponse(response.body);
  } catch (error) {
    if (response.status !== 200) throw new MTConnectAgentError(`GET ${url} answered ${response.status}`, "HTTP_ERROR");
    throw error;
  }
}

async function fetchCurrent(input: TPollInput): Promise<TStreamsDocument> {
  const document = await fetchStreams(input, "current");
  if (document.kind === "error") return failOnAgentError(endpoint(input.agentUrl, "current"), document);
  return document;
}

/**
 * One poll of an MTConnect agent. Without a cursor (first run) it probes and reads `/current`;
 * with one it reads `/sample?from=<nextSequence>`. An agent restart (new instanceId) means a
 * re-probe and a fresh start from `/current`; a buffer overrun (our `from` already overwritten)
 * records a gap and also restarts from `/current`, whose values give the state after the gap.
 * PartCount is cumulative, so parts made during a gap are still counted by the next delta.
 */
export async function pollAgent(input: TPollInput): Promise<TPollResult> {
  let probe = input.probe ?? (await fetchProbe(input));
  const gaps: TGap[] = [];
  let document: TStreamsDocument | undefined;

  const cursor = input.cursor;
  if (cursor !== undefined) {
    const path = `sample?from=${cursor.nextSequence}&count=${input.count ?? DEFAULT_COUNT}`;
    const sample = await fetchStreams(input, path);
    const instanceId = sample.kind === "streams" ? sample.header.instanceId : sample.instanceId;
    if (instanceId !== undefined && instanceId !== cursor.instanceId) {
      gaps.push({
        reason: "AGENT_RESTARTED",
        instanceId: cursor.instanceId,
        fromSequence: cursor.nextSequence,
        lostSequences: null,
      });
      probe = await fetchProbe(input);
    } else if (sample.kind === "error") {
      if (!sample.errors.some((error) => error.code === "OUT_OF_RANGE")) {
        failOnAgentError(endpoint(input.agentUrl, path), sample);
      }
      document = await fetchCurrent(input);
      gaps.push(overrunGap(cursor, document));
    } else if (sample.header.firstSequence > cursor.nextSequence) {
      // Some agents answer an overwritten `from` with what they still have instead of an error.
      gaps.push(overrunGap(cursor, sample));
    } else {
      document = sample;
    }
  }
  document ??= await fetchCurrent(input);

  const mapped = mapObservations(
    document.observations,
    {
      sourceId: input.sourceId,
      instanceId: document.header.instanceId,
      devices: input.devices,
      dataItems: probe.dataItems,
    },
    input.mapperState ?? createMapperState(),
  );
  return {
    events: mapped.events,
    unmapped: mapped.unmapped,
    signalsLost: mapped.signalsLost,
    alarms: mapped.alarms,
    gaps,
    cursor: { instanceId: document.header.instanceId, nextSequence: document.header.nextSequence },
    mapperState: mapped.state,
    probe,
    caughtUp: document.header.nextSequence > document.header.lastSequence,
  };
}

function overrunGap(cursor: TPollCursor, document: TStreamsDocument): TGap {
  return {
    reason: "BUFFER_OVERRUN",
    instanceId: cursor.instanceId,
    fromSequence: cursor.nextSequence,
    lostSequences: Math.max(0, document.header.firstSequence - cursor.nextSequence),
  };
}
