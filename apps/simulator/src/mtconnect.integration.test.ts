import { pollAgent, type TFetchText, type TPollResult } from "@gemba/connectors/mtconnect/poll-agent";
import { listDeviceDataItems, parseProbeDocument } from "@gemba/connectors/mtconnect/probe";
import { parseStreamsResponse, type TStreamsDocument } from "@gemba/connectors/mtconnect/streams";
import { type TCanonicalEvent, ZCanonicalEvent } from "@gemba/domain/events/canonical-events";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { startSimulator, type TRunningSimulator } from "./start-simulator";

const WORK_CENTER = "0b6f3c52-3f9e-4c1a-9d7e-2a1b3c4d5e6f";
const DEVICES = { "CNC-101": WORK_CENTER };

const fetchText: TFetchText = async (url) => {
  const response = await fetch(url);
  return { status: response.status, body: await response.text() };
};

const running: TRunningSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((simulator) => simulator.stop()));
});

async function startAgent(options: { speed: number; bufferSize?: number }) {
  const simulator = await startSimulator({
    protocols: ["mtconnect"],
    mtconnectPort: 0,
    mtconnectBufferSize: options.bufferSize ?? 1000,
    speed: options.speed,
    tickMs: 50,
    telemetryIntervalMs: 100,
    logger: pino({ level: "silent" }),
  });
  running.push(simulator);
  const url = simulator.endpoints.mtconnect?.url;
  if (url === undefined) throw new Error(`agent did not start: ${simulator.problems.join("; ")}`);
  return { simulator, url };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function streams(url: string): Promise<TStreamsDocument> {
  const document = parseStreamsResponse((await fetchText(url)).body);
  if (document.kind !== "streams") throw new Error(`${url}: ${JSON.stringify(document.errors)}`);
  return document;
}

describe("the simulator's MTConnect agent", () => {
  it("is polled by the platform's pollAgent into machine states, part counts and alarms", async () => {
    const { url } = await startAgent({ speed: 10_000 });
    const base = { agentUrl: `${url}/CNC-101`, fetchText, sourceId: "mtconnect-sim", devices: DEVICES, count: 1000 };
    const events: TCanonicalEvent[] = [];
    const alarms: TPollResult["alarms"] = [];
    let result = await pollAgent(base);
    const first = result;
    const seen = () => new Set(events.filter((e) => e.kind === "machine.state").map((e) => e.payload.state));
    for (let polls = 0; polls < 150; polls += 1) {
      events.push(...result.events.map((event) => ZCanonicalEvent.parse(event)));
      alarms.push(...result.alarms);
      expect(result.gaps).toEqual([]);
      expect(result.unmapped).toEqual([]);
      const states = seen();
      if (states.has("RUNNING") && states.has("IDLE") && states.has("DOWN") && alarms.length > 0) break;
      await sleep(100);
      const { cursor, mapperState, probe } = result;
      result = await pollAgent({ ...base, cursor, mapperState, probe });
    }

    expect([...seen()].sort()).toEqual(expect.arrayContaining(["DOWN", "IDLE", "RUNNING"]));
    expect(events.every((event) => event.workCenterId === WORK_CENTER)).toBe(true);
    // A failure raises the SYSTEM condition with the reason as native code, and the state says ALARM.
    expect(alarms[0]).toMatchObject({ conditionType: "SYSTEM", workCenterId: WORK_CENTER });
    expect(alarms[0]?.nativeCode).toMatch(/^(TOOL_BREAK|FAIL_MECH|FAIL_ELEC|JAM)$/);
    const down = events.find((event) => event.kind === "machine.state" && event.payload.state === "DOWN");
    expect(down?.payload).toEqual({ state: "DOWN", reasonCode: "ALARM" });

    // PartCount is cumulative: the counts add up to exactly what the counter moved since the baseline.
    const key = "riverside-cnc101:pcount";
    const counted = events.flatMap((event) => (event.kind === "production.count" ? [event.payload.total] : []));
    expect(counted.length).toBeGreaterThan(0);
    expect(counted.reduce((sum, total) => sum + total, 0)).toBe(
      (result.mapperState.partCounts[key] ?? 0) - (first.mapperState.partCounts[key] ?? 0),
    );
    const tags = new Set(events.flatMap((event) => (event.kind === "telemetry" ? [event.payload.tag] : [])));
    expect([...tags].sort()).toEqual(["coolant_temperature", "spindle_load", "spindle_speed"]);
  });

  it("lets a slow poller see the buffer overrun, and says OUT_OF_RANGE like a real agent", async () => {
    const { url } = await startAgent({ speed: 3000, bufferSize: 32 });
    const base = { agentUrl: url, fetchText, sourceId: "mtconnect-sim", devices: DEVICES, count: 10 };
    const first = await pollAgent(base);
    expect(first.gaps).toEqual([]);
    const stale = first.cursor.nextSequence;
    for (let waited = 0; (await streams(`${url}/current`)).header.firstSequence <= stale; waited += 1) {
      if (waited > 100) throw new Error("the buffer never moved past the cursor");
      await sleep(50);
    }

    const raw = await fetchText(`${url}/sample?from=${stale}&count=10`);
    expect(raw.status).toBe(400);
    const error = parseStreamsResponse(raw.body);
    expect(error).toMatchObject({ kind: "error", errors: [{ code: "OUT_OF_RANGE" }] });

    const late = await pollAgent({ ...base, cursor: first.cursor, mapperState: first.mapperState, probe: first.probe });
    expect(late.gaps).toHaveLength(1);
    expect(late.gaps[0]).toMatchObject({ reason: "BUFFER_OVERRUN", fromSequence: stale });
    expect(late.gaps[0]?.lostSequences).toBeGreaterThan(0);
    // Back on track from /current: the next poll follows nextSequence without a gap.
    const next = await pollAgent({ ...base, cursor: late.cursor, mapperState: late.mapperState, probe: late.probe });
    expect(next.gaps).toEqual([]);
  });

  it("serves a probe, contiguous samples and /current?at= from its circular buffer", async () => {
    const { simulator, url } = await startAgent({ speed: 3000, bufferSize: 64 });
    const probe = parseProbeDocument((await fetchText(`${url}/probe`)).body);
    expect(probe.header.bufferSize).toBe(64);
    const [device] = probe.devices;
    expect(device).toMatchObject({ name: "CNC-101", uuid: "riverside-cnc101" });
    const items = device === undefined ? [] : listDeviceDataItems(device);
    expect(items.map((item) => `${item.id}:${item.type}${item.subType ? `/${item.subType}` : ""}`).sort()).toEqual([
      "S1load:LOAD",
      "S1speed:ROTARY_VELOCITY/ACTUAL",
      "avail:AVAILABILITY",
      "cooltemp:TEMPERATURE",
      "estop:EMERGENCY_STOP",
      "exec:EXECUTION",
      "mode:CONTROLLER_MODE",
      "pcount:PART_COUNT/ALL",
      "pcount_bad:PART_COUNT/BAD",
      "program:PROGRAM",
      "system:SYSTEM",
    ]);
    expect(simulator.endpoints.mtconnect?.instanceId).toBe(Number(probe.header.instanceId));

    await sleep(1500);
    // Frozen, so the sequences below stay put while the test reads them.
    simulator.plant.stop();
    const current = await streams(`${url}/current`);
    const { firstSequence, lastSequence, nextSequence } = current.header;
    expect(lastSequence - firstSequence + 1).toBe(64);
    expect(nextSequence).toBe(lastSequence + 1);

    const sample = await streams(`${url}/sample?from=${firstSequence}&count=20`);
    const sequences = sample.observations.map((observation) => observation.sequence);
    expect(sequences).toEqual(Array.from({ length: 20 }, (_, index) => firstSequence + index));
    expect(sample.header.nextSequence).toBe(firstSequence + 20);

    const caughtUp = await streams(`${url}/sample?from=${nextSequence + 0}&count=5`);
    expect(caughtUp.header.nextSequence).toBeGreaterThanOrEqual(nextSequence);

    const at = await streams(`${url}/current?at=${firstSequence + 10}`);
    expect(at.header.nextSequence).toBe(firstSequence + 11);
    expect(Math.max(...at.observations.map((observation) => observation.sequence))).toBeLessThanOrEqual(
      firstSequence + 10,
    );
    // Every data item has a value at any point inside the buffer, from before it if need be.
    expect(new Set(at.observations.map((observation) => observation.dataItemId)).size).toBe(11);

    const unknown = await fetchText(`${url}/NoSuchMachine/probe`);
    expect(unknown.status).toBe(404);
    expect(parseStreamsResponse(unknown.body)).toMatchObject({ errors: [{ code: "NO_DEVICE" }] });
    const tooEarly = await fetchText(`${url}/current?at=1`);
    expect(parseStreamsResponse(tooEarly.body)).toMatchObject({ errors: [{ code: "OUT_OF_RANGE" }] });
  });
});
