import { ZRuleDefinition } from "@gemba/domain/automation/rule-definition";
import { describe, expect, it } from "vitest";
import { eventInterestOf, eventInterests, type TLoadedRule } from "./load-rules";
import { deliveryBackoffMs } from "./notifications";

const rule = (definition: unknown): TLoadedRule => ({
  id: "r",
  name: "r",
  version: 1,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  definition: ZRuleDefinition.parse(definition),
});
const task = [{ kind: "CREATE_TASK", title: "t", assigneeRole: "OPERATOR" }];

describe("which stored events ingest signals to the engine", () => {
  const interest = eventInterestOf([
    rule({ trigger: { kind: "EVENT", eventKinds: ["operator.activity"] }, actions: task }),
    rule({ trigger: { kind: "METRIC_THRESHOLD", tag: "temp", direction: "ABOVE", threshold: 1 }, actions: task }),
  ]);

  it("takes the kinds EVENT rules listen to and telemetry of the tags metric rules watch", () => {
    expect(eventInterests(interest, { kind: "operator.activity", payload: {} })).toBe(true);
    expect(eventInterests(interest, { kind: "telemetry", payload: { tag: "temp", value: 3 } })).toBe(true);
    expect(eventInterests(interest, { kind: "telemetry", payload: { tag: "load", value: 3 } })).toBe(false);
    expect(eventInterests(interest, { kind: "production.count", payload: { total: 1 } })).toBe(false);
    expect(eventInterests(interest, { kind: "telemetry", payload: null })).toBe(false);
  });

  it("takes nothing when no rule listens", () => {
    expect(eventInterests(eventInterestOf([]), { kind: "telemetry", payload: { tag: "temp" } })).toBe(false);
  });
});

describe("delivery backoff", () => {
  it("grows fourfold from the base and stops growing at an hour", () => {
    expect([1, 2, 3, 4, 5].map((attempts) => deliveryBackoffMs(attempts))).toEqual([
      30_000, 120_000, 480_000, 1_920_000, 3_600_000,
    ]);
    expect(deliveryBackoffMs(2, 100)).toBe(400);
  });
});
