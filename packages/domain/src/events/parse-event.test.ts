import { describe, expect, it } from "vitest";
import { parseCanonicalEvent } from "./parse-event";

const workCenterId = "6f1c2d3e-4b5a-4c6d-8e7f-901234567890";
const base = { kind: "production.count", workCenterId, dedupeKey: "k1", payload: { total: 10, good: 9 } };

describe("parseCanonicalEvent", () => {
  it("accepts ISO strings and epoch milliseconds as event time, and fills the source", () => {
    const fromIso = parseCanonicalEvent({ ...base, eventTime: "2026-11-24T08:00:00.000Z" }, { sourceId: "mqtt-1" });
    const fromEpoch = parseCanonicalEvent({ ...base, eventTime: Date.UTC(2026, 10, 24, 8) }, { sourceId: "mqtt-1" });
    expect(fromIso).toEqual(fromEpoch);
    expect(fromIso.ok && fromIso.event.sourceId).toBe("mqtt-1");
  });

  it("explains what is wrong", () => {
    const bad = parseCanonicalEvent(
      { ...base, eventTime: "yesterday", payload: { total: 1, good: 2 } },
      { sourceId: "s" },
    );
    expect(bad).toEqual({
      ok: false,
      reason: expect.stringMatching(/eventTime.*payload\.good: good must not exceed total/),
    });
    expect(parseCanonicalEvent("text", { sourceId: "s" })).toEqual({ ok: false, reason: "not a JSON object" });
    expect(parseCanonicalEvent({ ...base, kind: "coffee.break", eventTime: 0 }, { sourceId: "s" }).ok).toBe(false);
  });

  it("refuses an event that claims another source's dedupe space", () => {
    const spoofed = parseCanonicalEvent({ ...base, eventTime: 0, sourceId: "erp" }, { sourceId: "webhook-7" });
    expect(spoofed).toEqual({ ok: false, reason: expect.stringMatching(/does not belong/) });
  });
});
