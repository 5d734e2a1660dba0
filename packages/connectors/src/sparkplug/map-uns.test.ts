import { ZCanonicalEvent } from "@gemba/domain/events/canonical-events";
import { describe, expect, it } from "vitest";
import { createUnsMapper, topicMatchesFilter } from "./map-uns";

const WC = "5b0d7c1e-8f7a-4b59-9a49-2f7d1c3e4a10";
const body = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const at = new Date("2024-05-01T10:00:00Z");

describe("createUnsMapper", () => {
  const mapper = createUnsMapper({
    sourceId: "uns-test",
    rules: [
      { topic: "acme/plant1/+/line1/press/state", as: "state", workCenterId: WC, states: {} },
      { topic: "acme/plant1/+/line1/press/temp", as: "telemetry", workCenterId: WC, tag: "temp", unit: "°C" },
    ],
  });

  it("matches MQTT filters", () => {
    expect(topicMatchesFilter("a/+/c", "a/b/c")).toBe(true);
    expect(topicMatchesFilter("a/+/c", "a/b/x/c")).toBe(false);
    expect(topicMatchesFilter("a/#", "a")).toBe(true);
    expect(topicMatchesFilter("a/#", "a/b/c")).toBe(true);
    expect(topicMatchesFilter("a/b", "a/b/c")).toBe(false);
  });

  it("maps JSON bodies to canonical events", () => {
    const state = mapper.map("acme/plant1/area1/line1/press/state", body({ value: "running", timestamp: 1000 }), at);
    const temp = mapper.map("acme/plant1/area1/line1/press/temp", body({ value: 21.5 }), at);
    if (state.status !== "mapped" || temp.status !== "mapped") throw new Error("expected mapped");
    expect(state.events.map((event) => [event.kind, event.eventTime, event.payload])).toEqual([
      ["machine.state", new Date(1000), { state: "RUNNING" }],
    ]);
    expect(temp.events.map((event) => event.payload)).toEqual([{ tag: "temp", value: 21.5, unit: "°C" }]);
    for (const event of [...state.events, ...temp.events]) expect(ZCanonicalEvent.safeParse(event).success).toBe(true);
  });

  it("reports bodies that are not JSON or miss value as invalid", () => {
    expect(mapper.map("acme/plant1/a/line1/press/state", new TextEncoder().encode("RUNNING"), at)).toEqual({
      status: "invalid",
      reason: "body is not JSON",
    });
    const missing = mapper.map("acme/plant1/a/line1/press/state", body({ state: 1 }), at);
    expect(missing.status).toBe("invalid");
    if (missing.status === "invalid") expect(missing.reason).toMatch(/^body must be \{value, timestamp\?\}: value/);
  });

  it("ignores topics no rule maps", () => {
    expect(mapper.map("acme/plant1/a/line2/press/state", new Uint8Array([1]), at)).toEqual({ status: "unmatched" });
  });
});
