import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ZCanonicalEvent } from "@gemba/domain/events/canonical-events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollAgent, type TFetchText, type TPollResult } from "./poll-agent";
import { readSharedProbeFixture, readStreamsFixture } from "./test-fixtures";

const WC = "33333333-3333-4333-8333-333333333333";
const DEVICE = { name: "SimpleCnc", uuid: "872a3490-bd2d-0136-3eb0-0c85909298d9" };

/** What the fake agent answers per path (`/probe`, `/current`, `/sample?from=…`); swapped per step. */
let routes: Record<string, { status: number; body: string }> = {};
const requests: string[] = [];
let server: Server;
let agentUrl = "";

function streamsXml(header: { instanceId: string; first: number; next: number; last: number }, events: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<MTConnectStreams xmlns="urn:mtconnect.org:MTConnectStreams:1.4">
  <Header creationTime="2018-10-28T13:00:00Z" sender="localhost" instanceId="${header.instanceId}" version="1.4.0" bufferSize="1024" firstSequence="${header.first}" nextSequence="${header.next}" lastSequence="${header.last}"/>
  <Streams><DeviceStream name="${DEVICE.name}" uuid="${DEVICE.uuid}"><ComponentStream component="Path" name="P1" componentId="a4a7bdf0">
${events}
  </ComponentStream></DeviceStream></Streams>
</MTConnectStreams>`;
}

const fetchText: TFetchText = async (url) => {
  const response = await fetch(url);
  return { status: response.status, body: await response.text() };
};

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? "/";
    requests.push(path);
    const route = routes[path] ?? { status: 404, body: "not scripted" };
    response.writeHead(route.status, { "content-type": "application/xml" });
    response.end(route.body);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  agentUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(() => {
  server.close();
});

function validated(result: TPollResult) {
  return result.events.map((event) => ZCanonicalEvent.parse(event));
}

describe("pollAgent against a real HTTP agent", () => {
  it("follows nextSequence, survives a buffer overrun and an agent restart", async () => {
    const probe = { status: 200, body: readSharedProbeFixture("simple-device.xml") };
    const base = { agentUrl, fetchText, sourceId: "mtc-1", devices: { [DEVICE.uuid]: WC }, count: 100 };

    // 1. First run: probe, then /current gives the state and the cursor.
    routes = {
      "/probe": probe,
      "/current": { status: 200, body: readStreamsFixture("streams-1.4-simple-device.xml") },
    };
    const first = await pollAgent(base);
    expect(requests.splice(0)).toEqual(["/probe", "/current"]);
    expect(first.cursor).toEqual({ instanceId: "12345", nextSequence: 1214 });
    expect(
      validated(first)
        .filter((e) => e.kind !== "telemetry")
        .map((e) => e.payload),
    ).toEqual([{ state: "RUNNING" }, { total: 1, good: 1 }]);
    expect(first.unmapped.map((u) => u.observation.deviceName)).toEqual(["SampleDevice2"]);

    // 2. Next poll reads /sample from the cursor; the alarm clears and the machine waits.
    routes = {
      "/sample?from=1214&count=100": {
        status: 200,
        body: streamsXml(
          { instanceId: "12345", first: 200, next: 1217, last: 1216 },
          `<Events><Execution dataItemId="a01c7f30" timestamp="2018-10-28T12:41:00Z" sequence="1215">READY</Execution>
           <PartCount dataItemId="d2e9e4a0" timestamp="2018-10-28T12:40:30Z" sequence="1216">9</PartCount></Events>
           <Condition><Normal dataItemId="a557d330" timestamp="2018-10-28T12:40:00Z" sequence="1214" type="LOGIC_PROGRAM"/></Condition>`,
        ),
      },
    };
    const second = await pollAgent({
      ...base,
      cursor: first.cursor,
      mapperState: first.mapperState,
      probe: first.probe,
    });
    expect(requests.splice(0)).toEqual(["/sample?from=1214&count=100"]);
    expect(validated(second).map((e) => [e.payload, e.dedupeKey])).toEqual([
      [{ state: "IDLE", reasonCode: "READY" }, `${DEVICE.uuid}:12345:1215`],
      [{ total: 1, good: 1 }, `${DEVICE.uuid}:12345:1216`],
    ]);
    expect(second).toMatchObject({ gaps: [], caughtUp: true, cursor: { instanceId: "12345", nextSequence: 1217 } });

    // 3. We fell behind: the agent answers OUT_OF_RANGE, we record the gap and restart from /current.
    routes = {
      "/sample?from=1217&count=100": { status: 404, body: readStreamsFixture("error-out-of-range.xml") },
      "/current": {
        status: 200,
        body: streamsXml(
          { instanceId: "12345", first: 2300, next: 3324, last: 3323 },
          `<Events><Execution dataItemId="a01c7f30" timestamp="2018-10-28T13:01:00Z" sequence="3300">ACTIVE</Execution>
           <PartCount dataItemId="d2e9e4a0" timestamp="2018-10-28T13:01:30Z" sequence="3323">15</PartCount></Events>`,
        ),
      },
    };
    const third = await pollAgent({
      ...base,
      cursor: second.cursor,
      mapperState: second.mapperState,
      probe: second.probe,
    });
    expect(requests.splice(0)).toEqual(["/sample?from=1217&count=100", "/current"]);
    expect(third.gaps).toEqual([
      { reason: "BUFFER_OVERRUN", instanceId: "12345", fromSequence: 1217, lostSequences: 1083 },
    ]);
    // The counter is cumulative: the parts made during the gap are not lost.
    expect(validated(third).map((e) => e.payload)).toEqual([{ state: "RUNNING" }, { total: 6, good: 6 }]);
    expect(third.cursor).toEqual({ instanceId: "12345", nextSequence: 3324 });

    // 4. The agent restarted: new instanceId, so re-probe and start again from /current.
    routes = {
      "/probe": probe,
      "/sample?from=3324&count=100": {
        status: 200,
        body: streamsXml({ instanceId: "777", first: 1, next: 5, last: 4 }, ""),
      },
      "/current": {
        status: 200,
        body: streamsXml(
          { instanceId: "777", first: 1, next: 5, last: 4 },
          `<Events><Execution dataItemId="a01c7f30" timestamp="2018-10-28T14:00:00Z" sequence="2">UNAVAILABLE</Execution>
           <PartCount dataItemId="d2e9e4a0" timestamp="2018-10-28T14:00:00Z" sequence="3">15</PartCount></Events>`,
        ),
      },
    };
    const fourth = await pollAgent({
      ...base,
      cursor: third.cursor,
      mapperState: third.mapperState,
      probe: third.probe,
    });
    expect(requests.splice(0)).toEqual(["/sample?from=3324&count=100", "/probe", "/current"]);
    expect(fourth.gaps).toEqual([
      { reason: "AGENT_RESTARTED", instanceId: "12345", fromSequence: 3324, lostSequences: null },
    ]);
    expect(fourth.events).toEqual([]);
    expect(fourth.signalsLost).toEqual([expect.objectContaining({ workCenterId: WC, dataItemId: "a01c7f30" })]);
    expect(JSON.parse(JSON.stringify(fourth.cursor))).toEqual({ instanceId: "777", nextSequence: 5 });

    // 5. An agent that silently skips an overwritten `from` is caught by firstSequence.
    routes = {
      "/sample?from=5&count=100": {
        status: 200,
        body: streamsXml({ instanceId: "777", first: 40, next: 41, last: 40 }, ""),
      },
      "/current": {
        status: 200,
        body: streamsXml(
          { instanceId: "777", first: 40, next: 61, last: 60 },
          `<Events><Execution dataItemId="a01c7f30" timestamp="2018-10-28T14:10:00Z" sequence="60">ACTIVE</Execution></Events>`,
        ),
      },
    };
    const fifth = await pollAgent({
      ...base,
      cursor: fourth.cursor,
      mapperState: fourth.mapperState,
      probe: fourth.probe,
    });
    expect(requests.splice(0)).toEqual(["/sample?from=5&count=100", "/current"]);
    expect(fifth.gaps).toEqual([{ reason: "BUFFER_OVERRUN", instanceId: "777", fromSequence: 5, lostSequences: 35 }]);
    expect(validated(fifth).map((e) => [e.payload, e.dedupeKey])).toEqual([
      [{ state: "RUNNING" }, `${DEVICE.uuid}:777:60`],
    ]);
  });

  it("fails clearly when the agent answers something that is not MTConnect", async () => {
    routes = { "/probe": { status: 200, body: readSharedProbeFixture("simple-device.xml") } };
    await expect(pollAgent({ agentUrl, fetchText, sourceId: "mtc-1", devices: {} })).rejects.toThrow(/answered 404/);
  });
});
