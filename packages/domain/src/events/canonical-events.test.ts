import { describe, expect, it } from "vitest";
import { DEFAULT_REASONS, findDefaultReason, LOSS_FACTOR } from "../reasons/default-reasons";
import { CANONICAL_EVENT_KINDS, ZCanonicalEvent, ZReasonCode } from "./canonical-events";

const envelope = {
  workCenterId: "6f1c2f9e-8a0b-4c7d-9e2f-1a2b3c4d5e6f",
  eventTime: new Date("2026-11-17T12:00:00Z"),
  sourceId: "simulator",
  dedupeKey: "CNC-101:x:1:0",
};

describe("ZCanonicalEvent", () => {
  it("accepts each kind", () => {
    const events = [
      { kind: "machine.state", payload: { state: "DOWN", reasonCode: "FAIL_MECH" } },
      { kind: "production.count", payload: { total: 12, good: 11 } },
      { kind: "production.scrap", payload: { quantity: 1, reasonCode: "DIMENSION" } },
      { kind: "telemetry", payload: { tag: "spindle_load", value: 57.5, unit: "%" } },
      { kind: "operator.activity", payload: { type: "CHECKLIST_DONE" } },
    ];
    for (const event of events) expect(ZCanonicalEvent.parse({ ...envelope, ...event })).toMatchObject(event);
    const order = {
      ...envelope,
      workCenterId: null,
      kind: "order.lifecycle",
      payload: { orderExternalId: "1000123", transition: "RELEASED", quantity: 500 },
    };
    expect(ZCanonicalEvent.parse(order).workCenterId).toBeNull();
    expect(CANONICAL_EVENT_KINDS).toHaveLength(6);
  });

  it("rejects what machines do not report or cannot be", () => {
    const bad = [
      { kind: "machine.state", payload: { state: "NO_SHIFT" } },
      { kind: "machine.state", payload: { state: "UNKNOWN" } },
      { kind: "production.count", payload: { total: 5, good: 6 } },
      { kind: "production.count", payload: { total: -1, good: 0 } },
      { kind: "production.count", payload: { total: 1.5, good: 1 } },
      { kind: "production.scrap", payload: { quantity: 0, reasonCode: "DIMENSION" } },
      { kind: "order.lifecycle", payload: { orderExternalId: "1", transition: "PAUSED" } },
      { kind: "shipment.sent", payload: {} },
    ];
    for (const event of bad) expect(ZCanonicalEvent.safeParse({ ...envelope, ...event }).success).toBe(false);
    // Only order events may lack a work center.
    const noWorkCenter = { ...envelope, workCenterId: null, kind: "production.count", payload: { total: 1, good: 1 } };
    expect(ZCanonicalEvent.safeParse(noWorkCenter).success).toBe(false);
  });
});

describe("default reasons", () => {
  it("defines every default code once, with a loss category per DESIGN.md", () => {
    expect(DEFAULT_REASONS.map((r) => r.code).sort()).toEqual([...ZReasonCode.options].sort());
    expect(findDefaultReason("FAIL_HYD")?.lossCategory).toBe("EQUIPMENT_FAILURE");
    expect(findDefaultReason("CHANGEOVER")).toMatchObject({
      appliesTo: "PLANNED_STOP",
      excludedFromPlannedTime: false,
    });
    expect(findDefaultReason("BREAK")).toMatchObject({ lossCategory: null, excludedFromPlannedTime: true });
    expect(findDefaultReason("MICRO_STOP")?.lossCategory).toBe("MINOR_STOPS");
    expect(findDefaultReason("STARTUP_REJECT")?.lossCategory).toBe("STARTUP_REJECTS");
    expect(findDefaultReason("CUSTOM_CODE")).toBeUndefined();
    expect(LOSS_FACTOR.SETUP_ADJUSTMENT).toBe("availability");
    expect(LOSS_FACTOR.REDUCED_SPEED).toBe("performance");
  });
});
