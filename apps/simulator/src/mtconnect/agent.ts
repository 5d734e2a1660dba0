import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createRandom, hashSeed } from "@gemba/domain/simulation/random";
import type { Logger } from "pino";
import { listenProblem, reachableHost } from "../listen";
import type { LiveMachine, TMachineChange } from "../plant/live-machine";
import type { LivePlant } from "../plant/live-plant";
import {
  cncDevice,
  controlValuesFor,
  DATA_ITEM_IDS,
  programFor,
  type TDeviceDefinition,
  TELEMETRY_DATA_ITEMS,
} from "./device-model";
import { errorDocument, probeDocument, streamsDocument } from "./documents";
import { SampleBuffer } from "./sample-buffer";

export type TMTConnectAgentOptions = {
  plant: LivePlant;
  deviceCode: string;
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  bufferSize: number;
  seed: number;
  logger: Logger;
};

export type TRunningAgent = {
  /** Agent base URL; `${url}/${device}` serves the device alone. */
  url: string;
  device: { name: string; uuid: string };
  instanceId: number;
  bufferSize: number;
  stop: () => Promise<void>;
};

const DEFAULT_SAMPLE_COUNT = 100;
const REQUESTS: ReadonlySet<string> = new Set(["probe", "current", "sample"]);
const SPINDLE_RPM = 2400;

type TAnswer = { status: number; body: string };

/**
 * An MTConnect 1.4 agent for one work center of the live plant: `/probe`, `/current[?at=]` and
 * `/sample?from=&count=` over a circular buffer, with the real agent's OUT_OF_RANGE errors.
 */
export async function startMTConnectAgent(options: TMTConnectAgentOptions): Promise<TRunningAgent> {
  const log = options.logger.child({ protocol: "mtconnect" });
  const machine = options.plant.machine(options.deviceCode);
  const device = cncDevice(machine.identity.code, machine.identity.name);
  const buffer = new SampleBuffer(options.bufferSize);
  // Real agents use the start time in seconds: a restart is visible as a new instance.
  const instanceId = Math.floor(Date.now() / 1000);
  const feed = createFeed(machine, buffer, options.seed);
  const unsubscribe = options.plant.subscribe((update) => {
    for (const entry of update.machines) if (entry.machine === machine) feed(entry.changes);
  });

  const header = { instanceId, bufferSize: buffer.size };
  const deviceKeys = new Set([device.name, device.id, device.uuid]);
  const answerRequest = (request: IncomingMessage): TAnswer => {
    const error = (status: number, code: string, message: string): TAnswer => ({
      status,
      body: errorDocument(header, code, message),
    });
    if (request.method !== "GET") return error(400, "INVALID_REQUEST", "Only GET requests are supported.");
    const url = new URL(request.url ?? "/", "http://agent");
    const segments = url.pathname.split("/").filter((segment) => segment !== "");
    // `/<request>`, `/<device>` or `/<device>/<request>`; the device by name, id or uuid.
    const [first, second, ...more] = segments;
    const named = first !== undefined && deviceKeys.has(first);
    const asDevice = first !== undefined && (second !== undefined || !REQUESTS.has(first));
    if (asDevice && !named) return error(404, "NO_DEVICE", `Could not find the device '${first}'.`);
    const requested = (asDevice ? second : first) ?? "probe";
    if (more.length > 0 || !REQUESTS.has(requested)) {
      return error(404, "INVALID_URI", `${url.pathname} is not a valid path.`);
    }
    for (const unsupported of ["interval", "path", "to", "heartbeat"]) {
      if (url.searchParams.has(unsupported)) {
        return error(400, "UNSUPPORTED", `The simulator's agent does not support the '${unsupported}' parameter.`);
      }
    }
    switch (requested) {
      case "probe":
        return { status: 200, body: probeDocument(device, header) };
      case "current":
        return answerCurrent(device, buffer, header, url.searchParams, error);
      case "sample":
        return answerSample(device, buffer, header, url.searchParams, error);
      default:
        return error(404, "INVALID_URI", `${url.pathname} is not a valid path.`);
    }
  };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const answer = answerRequest(request);
    response.writeHead(answer.status, { "content-type": "text/xml; charset=utf-8" });
    response.end(answer.body);
  });
  server.listen(options.port, options.host);
  try {
    await Promise.race([once(server, "listening"), once(server, "error").then(([error]) => Promise.reject(error))]);
  } catch (error) {
    unsubscribe();
    throw new Error(listenProblem("MTConnect agent", options.host, options.port, error, "--mtconnect-port"));
  }
  const port = (server.address() as AddressInfo).port;
  const url = `http://${reachableHost(options.host)}:${port}`;
  log.info({ url, device: device.name, bufferSize: buffer.size, instanceId }, "MTConnect agent listening on %s", url);

  return {
    url,
    device: { name: device.name, uuid: device.uuid },
    instanceId,
    bufferSize: buffer.size,
    stop: async () => {
      unsubscribe();
      const closed = once(server, "close");
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}

type TErrorAnswer = (status: number, code: string, message: string) => TAnswer;

function integerParam(params: URLSearchParams, name: string): number | undefined | "invalid" {
  const text = params.get(name);
  if (text === null) return undefined;
  const value = Number(text);
  return text.trim() !== "" && Number.isSafeInteger(value) ? value : "invalid";
}

function answerCurrent(
  device: TDeviceDefinition,
  buffer: SampleBuffer,
  header: { instanceId: number; bufferSize: number },
  params: URLSearchParams,
  error: TErrorAnswer,
): TAnswer {
  const at = integerParam(params, "at");
  if (at === "invalid") return error(400, "INVALID_REQUEST", "'at' must be a positive integer.");
  const { firstSequence, lastSequence } = buffer;
  if (at !== undefined && at < firstSequence) {
    return error(400, "OUT_OF_RANGE", `'at' must be greater than or equal to ${firstSequence}.`);
  }
  if (at !== undefined && at > lastSequence) {
    return error(400, "OUT_OF_RANGE", `'at' must be less than or equal to ${lastSequence}.`);
  }
  const nextSequence = at === undefined ? buffer.nextSequence : at + 1;
  const streamsHeader = { ...header, firstSequence, lastSequence, nextSequence };
  return { status: 200, body: streamsDocument(device, streamsHeader, buffer.current(at)) };
}

function answerSample(
  device: TDeviceDefinition,
  buffer: SampleBuffer,
  header: { instanceId: number; bufferSize: number },
  params: URLSearchParams,
  error: TErrorAnswer,
): TAnswer {
  const from = integerParam(params, "from");
  const count = integerParam(params, "count");
  if (from === "invalid") return error(400, "INVALID_REQUEST", "'from' must be a positive integer.");
  if (count === "invalid") return error(400, "INVALID_REQUEST", "'count' must be a positive integer.");
  const { firstSequence, lastSequence, nextSequence } = buffer;
  const start = from ?? firstSequence;
  const limit = count ?? DEFAULT_SAMPLE_COUNT;
  // The wording of the reference agent (cppagent), so logs read the same as against a real machine.
  if (start < firstSequence)
    return error(400, "OUT_OF_RANGE", `'from' must be greater than or equal to ${firstSequence}.`);
  if (start > nextSequence) return error(400, "OUT_OF_RANGE", `'from' must be less than or equal to ${nextSequence}.`);
  if (limit < 1) return error(400, "OUT_OF_RANGE", "'count' must be greater than or equal to 1.");
  if (limit > buffer.size) return error(400, "OUT_OF_RANGE", `'count' must be less than or equal to ${buffer.size}.`);
  const records = buffer.range(start, limit);
  const last = records[records.length - 1];
  const streamsHeader = {
    ...header,
    firstSequence,
    lastSequence,
    nextSequence: last === undefined ? start : last.sequence + 1,
  };
  return { status: 200, body: streamsDocument(device, streamsHeader, records) };
}

/** Turns the machine's changes into observations; the initial values go in at once. */
function createFeed(machine: LiveMachine, buffer: SampleBuffer, seed: number) {
  const random = createRandom(hashSeed(`${seed}:${machine.identity.code}:mtconnect`));
  const ids = DATA_ITEM_IDS;
  const spindleSpeed = (running: boolean) => (running ? String(Math.round(SPINDLE_RPM + random.normal(0, 12))) : "0");

  const applyState = (state: TMachineChange & { kind: "state" }) => {
    const control = controlValuesFor(state.state, state.reasonCode);
    const execution = () => buffer.add(ids.execution, { value: control.execution }, state.at);
    const mode = () => buffer.add(ids.controllerMode, { value: control.controllerMode }, state.at);
    const condition = () =>
      buffer.add(ids.system, { value: control.condition.level, ...conditionDetails(control) }, state.at);
    // Ordered so a client deriving state from the stream sees one clean transition, not a flicker.
    const order = state.state === "RUNNING" ? [execution, mode, condition] : [condition, mode, execution];
    for (const add of order) add();
    buffer.add(ids.spindleSpeed, { value: spindleSpeed(state.state === "RUNNING") }, state.at);
  };

  const apply = (change: TMachineChange) => {
    switch (change.kind) {
      case "state":
        return applyState(change);
      case "counts":
        buffer.add(ids.partCount, { value: String(change.total) }, change.at);
        buffer.add(ids.partCountBad, { value: String(change.scrap) }, change.at);
        return;
      case "order":
        buffer.add(ids.program, { value: programFor(change.productSku) }, change.at);
        return;
      case "telemetry":
        for (const reading of change.readings) {
          const id = TELEMETRY_DATA_ITEMS[reading.tag];
          if (id !== undefined) buffer.add(id, { value: reading.value.toFixed(2) }, change.at);
        }
        buffer.add(ids.spindleSpeed, { value: spindleSpeed(machine.snapshot().state === "RUNNING") }, change.at);
    }
  };

  const snapshot = machine.snapshot();
  const now = Date.now();
  buffer.add(ids.availability, { value: "AVAILABLE" }, now);
  buffer.add(ids.emergencyStop, { value: "ARMED" }, now);
  apply({ kind: "order", at: now, orderExternalId: snapshot.orderExternalId, productSku: snapshot.productSku });
  apply({ kind: "state", at: now, state: snapshot.state, reasonCode: snapshot.reasonCode });
  apply({ kind: "counts", at: now, total: snapshot.total, good: snapshot.good, scrap: snapshot.scrap });
  apply({ kind: "telemetry", at: now, readings: [...snapshot.telemetry] });

  return (changes: readonly TMachineChange[]) => {
    for (const change of changes) apply(change);
  };
}

function conditionDetails(control: ReturnType<typeof controlValuesFor>): { nativeCode?: string; message?: string } {
  const { nativeCode, message } = control.condition;
  return { ...(nativeCode === undefined ? {} : { nativeCode }), ...(message === undefined ? {} : { message }) };
}
