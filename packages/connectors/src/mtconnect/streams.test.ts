import { describe, expect, it } from "vitest";
import { parseStreamsResponse, type TStreamsDocument } from "./streams";
import { readStreamsFixture } from "./test-fixtures";

function streams(name: string): TStreamsDocument {
  const document = parseStreamsResponse(readStreamsFixture(name));
  if (document.kind !== "streams") throw new Error(`${name} is not a streams document`);
  return document;
}

describe("parseStreamsResponse", () => {
  it("reads a 1.1 sample with two devices, in sequence order, UNAVAILABLE kept", () => {
    const document = streams("streams-1.1-two-devices.xml");
    expect(document.header).toEqual({
      instanceId: "1237628993",
      firstSequence: 1,
      lastSequence: 112,
      nextSequence: 108,
      bufferSize: 100000,
      creationTime: "2009-03-22T02:10:31+00:00",
      version: "1.1",
    });
    expect(document.observations.map((o) => o.sequence)).toEqual([100, 101, 102, 103, 104, 105, 106, 107]);
    expect(document.observations[3]).toEqual({
      dataItemId: "d2-1",
      name: "avail",
      category: "EVENT",
      type: "Availability",
      sequence: 103,
      timestamp: "2009-03-22T02:00:00.000000",
      value: "UNAVAILABLE",
      deviceUuid: "device-2",
      deviceName: "Device2",
      componentId: "d2",
    });
  });

  it("reads 1.4 samples, events and conditions with their attributes", () => {
    const document = streams("streams-1.4-simple-device.xml");
    const byId = (id: string) => document.observations.filter((o) => o.dataItemId === id);
    expect(byId("vee9c2d0")).toEqual([
      expect.objectContaining({ type: "RotaryVelocity", subType: "ACTUAL", value: "2400", category: "SAMPLE" }),
    ]);
    expect(byId("d2e9e4a0").map((o) => o.value)).toEqual(["7", "8"]);
    expect(byId("a557d330")).toEqual([
      expect.objectContaining({
        category: "CONDITION",
        type: "LOGIC_PROGRAM",
        value: "FAULT",
        nativeCode: "2110",
        nativeSeverity: "1",
        qualifier: "HIGH",
        message: "SPINDLE ORIENT ALARM",
        componentId: "a4a7bdf0",
      }),
    ]);
    expect(byId("a5b23650")[0]).toMatchObject({ value: "NORMAL", type: "MOTION_PROGRAM" });
    expect(byId("k8dd9030")[0]?.value).toBe("O0012");
  });

  it("reads a 2.0 document and flattens data sets", () => {
    const document = streams("streams-2.0-okuma-mazak.xml");
    expect(document.header).toMatchObject({ instanceId: "1715674400", nextSequence: 5211, version: "2.0.0.12" });
    expect(new Set(document.observations.map((o) => o.deviceUuid))).toEqual(new Set(["OKUMA.123456", "Mazak"]));
    const dataSet = document.observations.find((o) => o.dataItemId === "Lp1CommonVariable");
    expect(dataSet).toMatchObject({ type: "VariableDataSet", value: "100=1.5 101=-2", subType: "x:COMMON" });
  });

  it("turns an MTConnectError document into a typed error", () => {
    expect(parseStreamsResponse(readStreamsFixture("error-out-of-range.xml"))).toEqual({
      kind: "error",
      instanceId: "12345",
      errors: [{ code: "OUT_OF_RANGE", message: "'from' must be greater than or equal to 2300." }],
    });
  });

  it("reads the 2.6 error shape, where the element names the error", () => {
    const xml = `<MTConnectError xmlns="urn:mtconnect.org:MTConnectError:2.6"><Header instanceId="9" bufferSize="10" creationTime="2024-01-01T00:00:00Z"/>
      <Errors><OutOfRange errorCode="OUT_OF_RANGE"><ErrorMessage>'from' is too low</ErrorMessage><URI>/sample?from=1</URI></OutOfRange></Errors></MTConnectError>`;
    expect(parseStreamsResponse(xml)).toEqual({
      kind: "error",
      instanceId: "9",
      errors: [{ code: "OUT_OF_RANGE", message: "'from' is too low" }],
    });
  });

  it("refuses other documents", () => {
    expect(() => parseStreamsResponse("<html><body>502 Bad Gateway</body></html>")).toThrow(/neither/);
  });
});
