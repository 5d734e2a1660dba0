import { describe, expect, it } from "vitest";
import { indexDataItems, listDeviceDataItems, parseProbeDocument, type TDevice } from "./probe";
import { readSharedProbeFixture } from "./test-fixtures";

function findItem(device: TDevice | undefined, id: string) {
  return device === undefined ? undefined : listDeviceDataItems(device).find((item) => item.id === id);
}

describe("parseProbeDocument", () => {
  it("reads an MTConnect 1.1 agent with two devices", () => {
    const probe = parseProbeDocument(readSharedProbeFixture("two-devices.xml"));
    expect(probe.header).toEqual({
      instanceId: "1237628993",
      version: "1.1",
      bufferSize: 100000,
      creationTime: "2009-03-22T01:50:29+00:00",
    });
    expect(probe.devices.map((device) => [device.name, device.uuid])).toEqual([
      ["Device1", "device-1"],
      ["Device2", "device-2"],
    ]);
    const device2 = probe.devices[1];
    expect(device2?.components.map((component) => component.element)).toEqual(["Controller", "Path"]);
    expect(findItem(device2, "d2-5")).toEqual({
      id: "d2-5",
      name: "exec",
      type: "EXECUTION",
      category: "EVENT",
      componentPath: ["Controller:Controller", "Path:path"],
    });
    expect(findItem(device2, "d2-1")).toMatchObject({ type: "AVAILABILITY", componentPath: [] });
  });

  it("reads an MTConnect 1.4 device with units, subtypes, compositions and nested sensors", () => {
    const probe = parseProbeDocument(readSharedProbeFixture("simple-device.xml"));
    expect(probe.header.instanceId).toBe("12345");
    const [cnc, second] = probe.devices;
    expect(cnc?.name).toBe("SimpleCnc");
    expect(cnc?.uuid).toBe("872a3490-bd2d-0136-3eb0-0c85909298d9");
    expect(second?.uuid).toBe("f2db97b0-2bd1-0137-91ba-2a0081597801");
    expect(cnc === undefined ? 0 : listDeviceDataItems(cnc).length).toBe(35);
    expect(findItem(cnc, "a01c7f30")).toMatchObject({
      type: "EXECUTION",
      componentPath: ["Controller:p5add360", "Path:P1"],
    });
    expect(findItem(cnc, "d2e9e4a0")).toMatchObject({ type: "PART_COUNT", category: "EVENT" });
    expect(findItem(cnc, "if36ff60")).toMatchObject({ type: "CONTROLLER_MODE", name: "mode" });
    expect(findItem(cnc, "vee9c2d0")).toMatchObject({
      type: "ROTARY_VELOCITY",
      subType: "ACTUAL",
      category: "SAMPLE",
      units: "REVOLUTION/MINUTE",
      componentPath: ["Axes:a62a1050", "Rotary:C"],
    });
    expect(findItem(cnc, "afb596b0")).toMatchObject({ category: "CONDITION", compositionId: "b7792870" });
    expect(cnc?.components.some((component) => component.element === "Sensor")).toBe(true);
  });

  it("reads MTConnect 2.x devices with configuration, relationships and compositions", () => {
    const probe = parseProbeDocument(readSharedProbeFixture("okuma-mazak-devices.xml"));
    expect(probe.header).toMatchObject({ instanceId: "1", version: "2.0", bufferSize: 131072 });
    const [okuma, mazak] = probe.devices;
    expect(okuma).toMatchObject({ name: "OKUMA", uuid: "OKUMA.123456", element: "Device" });
    expect(mazak).toMatchObject({ name: "Mazak", uuid: "Mazak", id: "d1" });
    expect(findItem(okuma, "Lpexecution")).toMatchObject({ type: "EXECUTION", name: "pexecution" });
    expect(findItem(okuma, "Lppartcount")).toMatchObject({
      type: "PART_COUNT",
      componentPath: ["Controller:Controller"],
    });
    expect(findItem(okuma, "LS1speed")).toMatchObject({ type: "ROTARY_VELOCITY", units: "REVOLUTION/MINUTE" });
    expect(findItem(mazak, "execution")).toMatchObject({ componentPath: ["Controller:controller", "Path:path"] });
    expect(findItem(mazak, "PartCountAct")).toMatchObject({ type: "PART_COUNT" });
    expect(findItem(mazak, "mode")).toMatchObject({ type: "CONTROLLER_MODE" });
    expect(findItem(mazak, "avail")).toMatchObject({ type: "AVAILABILITY", componentPath: [] });
    // A data item with Definition and Relationships children is still one data item.
    expect(findItem(mazak, "tempspec")).toMatchObject({ type: "SPECIFICATION_LIMIT", name: "templimit" });
    expect(findItem(mazak, "Srpm")).toMatchObject({ category: "SAMPLE", subType: "ACTUAL" });
    expect(indexDataItems(probe).size).toBe(216);
  });

  it("refuses a document that is not a device model", () => {
    expect(() => parseProbeDocument("<MTConnectStreams/>")).toThrow(/not an MTConnectDevices/);
  });
});
