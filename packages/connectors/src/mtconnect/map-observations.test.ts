import { ZCanonicalEvent } from "@gemba/domain/events/canonical-events";
import { describe, expect, it } from "vitest";
import { createMapperState, mapObservations, type TMapContext } from "./map-observations";
import { indexDataItems, parseProbeDocument } from "./probe";
import { parseStreamsResponse, type TObservation } from "./streams";
import { readSharedProbeFixture, readStreamsFixture } from "./test-fixtures";

const WC_1 = "11111111-1111-4111-8111-111111111111";
const WC_2 = "22222222-2222-4222-8222-222222222222";

function observations(name: string): { instanceId: string; list: TObservation[] } {
  const document = parseStreamsResponse(readStreamsFixture(name));
  if (document.kind !== "streams") throw new Error("expected streams");
  return { instanceId: document.header.instanceId, list: document.observations };
}

function context(instanceId: string, devices: Record<string, string>, probe?: string): TMapContext {
  const base = { sourceId: "mtc-agent-1", instanceId, devices };
  return probe === undefined
    ? base
    : { ...base, dataItems: indexDataItems(parseProbeDocument(readSharedProbeFixture(probe))) };
}

describe("mapObservations", () => {
  it("maps Execution to states, flags lost signals and returns unmapped devices", () => {
    const { instanceId, list } = observations("streams-1.1-two-devices.xml");
    // Device2 is mapped by name, Device1 not at all in the first run.
    const result = mapObservations(list, context(instanceId, { Device2: WC_2 }), createMapperState());
    expect(result.events).toEqual([]);
    expect(result.signalsLost.map((s) => s.dataItemId)).toEqual(["d2-1", "d2-5"]);
    expect(result.unmapped).toHaveLength(5);
    expect(result.unmapped[0]?.reason).toBe("device device-1 is not mapped");

    const mapped = mapObservations(list, context(instanceId, { "device-1": WC_1 }), createMapperState());
    expect(mapped.events.map((e) => ZCanonicalEvent.parse(e))).toEqual([
      expect.objectContaining({
        kind: "machine.state",
        workCenterId: WC_1,
        payload: { state: "IDLE", reasonCode: "READY" },
      }),
      expect.objectContaining({ payload: { state: "RUNNING" }, dedupeKey: "device-1:1237628993:104" }),
      expect.objectContaining({ payload: { state: "DOWN", reasonCode: "FEED_HOLD" } }),
    ]);
    expect(mapped.events[0]?.eventTime.toISOString()).toBe("2009-03-22T02:00:01.250Z");
  });

  it("counts PartCount deltas, treats a lower value as a reset, raises alarms and manual mode", () => {
    const { instanceId, list } = observations("streams-2.0-okuma-mazak.xml");
    const devices = { "OKUMA.123456": WC_1, Mazak: WC_2 };
    const start = createMapperState();
    const result = mapObservations(list, context(instanceId, devices, "okuma-mazak-devices.xml"), start);
    for (const event of result.events) ZCanonicalEvent.parse(event);
    expect(start).toEqual(createMapperState());

    // 118 is the baseline; 0 is a reset (nothing new); 1 is one part.
    const counts = result.events.filter((e) => e.kind === "production.count");
    expect(counts.map((e) => [e.payload, e.dedupeKey])).toEqual([
      [{ total: 1, good: 1 }, "OKUMA.123456:1715674400:5206"],
    ]);
    expect(result.state.partCounts["OKUMA.123456:Lppartcount"]).toBe(1);

    const mazakStates = result.events.filter((e) => e.kind === "machine.state" && e.workCenterId === WC_2);
    expect(mazakStates.map((e) => e.payload)).toEqual([
      { state: "RUNNING" },
      // The fault was raised while cutting; the stop that follows is the alarm's.
      { state: "DOWN", reasonCode: "ALARM" },
      { state: "DOWN", reasonCode: "STOPPED" },
      { state: "IDLE", reasonCode: "READY" },
      { state: "IDLE", reasonCode: "MANUAL_MODE" },
    ]);
    expect(result.alarms).toEqual([
      expect.objectContaining({ dataItemId: "system_cond", nativeCode: "EX0042", message: "DOOR INTERLOCK OPEN" }),
    ]);

    const telemetry = result.events.filter((e) => e.kind === "telemetry");
    expect(telemetry.map((e) => e.payload)).toEqual([
      { tag: "S1speed", value: 1250.5, unit: "REVOLUTION/MINUTE" },
      { tag: "S1load", value: 34, unit: "PERCENT" },
      { tag: "Srpm", value: 0, unit: "REVOLUTION/MINUTE" },
    ]);
  });

  it("emits nothing twice when the same window is polled again", () => {
    const { instanceId, list } = observations("streams-1.4-simple-device.xml");
    const ctx = context(instanceId, { SimpleCnc: WC_1, SampleDevice2: WC_2 }, "simple-device.xml");
    const first = mapObservations(list, ctx, createMapperState());
    for (const event of first.events) ZCanonicalEvent.parse(event);
    expect(first.events.filter((e) => e.kind === "production.count").map((e) => e.payload)).toEqual([
      { total: 1, good: 1 },
    ]);
    expect(first.alarms[0]).toMatchObject({ nativeCode: "2110", conditionType: "LOGIC_PROGRAM" });
    const again = mapObservations(list, ctx, first.state);
    expect(again.events).toEqual([]);
    expect(again.state).toEqual(first.state);
  });

  it("dead-letters values it cannot read", () => {
    const base = { dataItemId: "x", category: "EVENT", sequence: 1, timestamp: "2024-01-01T00:00:00Z" } as const;
    const owner = { deviceUuid: "u", deviceName: "n", componentId: "c" };
    const result = mapObservations(
      [
        { ...base, ...owner, type: "Execution", value: "DANCING" },
        { ...base, ...owner, type: "PartCount", value: "12.5", sequence: 2 },
        { ...base, ...owner, type: "Execution", value: "ACTIVE", sequence: 3, timestamp: "not a time" },
      ],
      context("1", { u: WC_1 }),
      createMapperState(),
    );
    expect(result.unmapped.map((u) => u.reason)).toEqual([
      'unknown Execution value "DANCING"',
      'PartCount "12.5" is not a count',
      'invalid timestamp "not a time"',
    ]);
  });
});
