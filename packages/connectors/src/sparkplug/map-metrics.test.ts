import { ZCanonicalEvent } from "@gemba/domain/events/canonical-events";
import { describe, expect, it } from "vitest";
import type { TResolvedMetric } from "./host-state";
import { createSparkplugMapper, globToRegExp, type TSparkplugMappingRule, ZSparkplugMappingRule } from "./map-metrics";

const WC = "5b0d7c1e-8f7a-4b59-9a49-2f7d1c3e4a10";
const rules: TSparkplugMappingRule[] = [
  {
    match: { metric: "Line1/*/State" },
    as: "state",
    workCenterId: WC,
    states: { "1": "RUNNING", "2": "IDLE", "3": "DOWN" },
  },
  { match: { edgeNode: "E1", metric: "Line1/Press/Total" }, as: "count_total", workCenterId: WC },
  { match: { edgeNode: "E1", metric: "Line1/Press/Good" }, as: "count_good", workCenterId: WC },
  {
    match: { metric: "Line1/Press/Scrap" },
    as: "scrap",
    workCenterId: WC,
    reasonCode: "QUALITY",
    counter: "cumulative",
  },
  { match: { device: "PLC", metric: "Line1/**/Temp" }, as: "telemetry", workCenterId: WC, unit: "°C" },
];
const metric = (name: string, value: TResolvedMetric["value"], seq: number, ms = 1000 + seq): TResolvedMetric => ({
  group: "G",
  edgeNode: "E1",
  device: "PLC",
  name,
  value,
  timestamp: new Date(ms),
  seq,
});

describe("createSparkplugMapper", () => {
  it("parses rules with zod", () => {
    for (const rule of rules) expect(ZSparkplugMappingRule.parse(rule)).toEqual(rule);
    expect(ZSparkplugMappingRule.safeParse({ match: { metric: "x" }, as: "state", workCenterId: "nope" }).success).toBe(
      false,
    );
  });

  it("matches globs per path segment", () => {
    expect(globToRegExp("Line1/*/State").test("Line1/Press/State")).toBe(true);
    expect(globToRegExp("Line1/*/State").test("Line1/A/B/State")).toBe(false);
    expect(globToRegExp("Line1/**/Temp").test("Line1/A/B/Temp")).toBe(true);
    expect(globToRegExp("a.b").test("axb")).toBe(false);
  });

  it("maps states, telemetry and counts, and counts unmatched metrics", () => {
    const mapper = createSparkplugMapper({ sourceId: "sparkplug-test", rules });
    const birth = mapper.map([
      metric("Line1/Press/Total", 100, 0),
      metric("Line1/Press/Good", 98, 0),
      metric("Other", 1, 0),
    ]);
    expect(birth.events).toEqual([]); // First counter values are baselines only.
    expect(birth.unmatched).toBe(1);

    const data = mapper.map([
      metric("Line1/Press/State", 3, 1),
      metric("Line1/Press/Total", 105, 1),
      metric("Line1/Press/Good", 102, 1),
      metric("Line1/Oven/Zone1/Temp", 180.5, 1),
    ]);
    for (const event of data.events) expect(ZCanonicalEvent.safeParse(event).success).toBe(true);
    expect(data.events.map((event) => [event.kind, event.payload])).toEqual([
      ["machine.state", { state: "DOWN" }],
      ["telemetry", { tag: "Line1/Oven/Zone1/Temp", value: 180.5, unit: "°C" }],
      ["production.count", { total: 5, good: 4 }],
    ]);
    expect(data.events[0]?.dedupeKey).toBe("sp:G/E1/PLC:Line1/Press/State@1001#seq1:state");
  });

  it("treats a smaller counter value as a reset and never lets good exceed total", () => {
    const mapper = createSparkplugMapper({ sourceId: "s", rules });
    mapper.map([metric("Line1/Press/Total", 500, 0), metric("Line1/Press/Good", 500, 0)]);
    const reset = mapper.map([metric("Line1/Press/Total", 3, 1)]);
    expect(reset.events.map((event) => event.payload)).toEqual([{ total: 3, good: 0 }]);
    const goodLater = mapper.map([metric("Line1/Press/Good", 3, 2)]);
    expect(goodLater.events).toEqual([]);
    const next = mapper.map([metric("Line1/Press/Total", 4, 3)]);
    expect(next.events.map((event) => event.payload)).toEqual([{ total: 1, good: 1 }]);
  });

  it("does not duplicate a redelivered message", () => {
    const mapper = createSparkplugMapper({ sourceId: "s", rules });
    mapper.map([metric("Line1/Press/Scrap", 1, 0)]);
    const first = mapper.map([metric("Line1/Press/Scrap", 3, 1), metric("Line1/Press/State", 1, 1)]);
    const again = mapper.map([metric("Line1/Press/Scrap", 3, 1), metric("Line1/Press/State", 1, 1)]);
    expect(first.events.map((event) => event.payload)).toEqual([
      { quantity: 2, reasonCode: "QUALITY" },
      { state: "RUNNING" },
    ]);
    // The counter yields no second delta; the state event repeats with the same dedupe key, stored once.
    expect(again.events.map((event) => event.dedupeKey)).toEqual([first.events[1]?.dedupeKey]);
  });

  it("reports values it cannot map as problems", () => {
    const mapper = createSparkplugMapper({ sourceId: "s", rules });
    const result = mapper.map([metric("Line1/Press/State", 9, 1), metric("Line1/Press/Total", -1, 1)]);
    expect(result.events).toEqual([]);
    expect(result.problems.map((problem) => problem.reason)).toEqual([
      "value 9 is not a known machine state",
      "counter value -1 is not a non-negative integer",
    ]);
  });
});
