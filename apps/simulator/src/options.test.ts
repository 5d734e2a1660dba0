import { describe, expect, it } from "vitest";
import { loadSimulatorOptions } from "./options";

describe("loadSimulatorOptions", () => {
  it("has defaults matching the documented contract", () => {
    expect(loadSimulatorOptions([], {})).toMatchObject({
      speed: 1,
      protocols: ["sparkplug", "mtconnect", "opcua"],
      mqttUrl: "mqtt://127.0.0.1:1883",
      groupId: "Riverside",
      mtconnectPort: 5480,
      mtconnectBufferSize: 1000,
      opcuaPort: 4841,
      host: "127.0.0.1",
    });
  });

  it("reads the environment, and flags win over it", () => {
    const options = loadSimulatorOptions(["--speed", "60", "--protocols", "mtconnect, OPCUA"], {
      SIMULATOR_SPEED: "10",
      SIMULATOR_MQTT_URL: "mqtt://broker:1883",
      SIMULATOR_SEED: "42",
    });
    expect(options).toMatchObject({
      speed: 60,
      seed: 42,
      mqttUrl: "mqtt://broker:1883",
      protocols: ["mtconnect", "opcua"],
    });
  });

  it("names every bad option with its flag and variable", () => {
    expect(() =>
      loadSimulatorOptions(["--speed", "fast", "--protocols", "modbus"], { SIMULATOR_GROUP_ID: "a/b" }),
    ).toThrow(/--speed \(SIMULATOR_SPEED\)[\s\S]*--protocols \(SIMULATOR_PROTOCOLS\)[\s\S]*--group-id/);
    expect(() => loadSimulatorOptions(["--sped", "2"], {})).toThrow(/--sped/);
    expect(loadSimulatorOptions(["--help"], {})).toBe("help");
  });
});
