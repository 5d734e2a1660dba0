import { describe, expect, it } from "vitest";
import { downtimeRef, parseDowntimeRef } from "./decision-kinds";
import { summarizeEvent } from "./event-summary";
import { decodeListCursor, encodeListCursor } from "./list-cursor";

describe("event lines", () => {
  it("reads each canonical kind", () => {
    expect(summarizeEvent("machine.state", { state: "DOWN", reasonCode: "HYDRAULIC_LEAK" })).toBe(
      "Machine reported down (hydraulic leak)",
    );
    expect(summarizeEvent("production.count", { total: 10, good: 9 })).toBe("Counted 10 units (9 good)");
    expect(summarizeEvent("production.scrap", { quantity: 1, reasonCode: "DIMENSION" })).toBe(
      "Scrapped 1 unit: dimension",
    );
    expect(summarizeEvent("order.lifecycle", { orderExternalId: "4711", transition: "STARTED" })).toBe(
      "Order 4711 started",
    );
    expect(summarizeEvent("operator.activity", { type: "INSPECTION_FAILED", note: "burr" })).toBe(
      "Inspection failed: burr",
    );
    expect(summarizeEvent("telemetry", { tag: "oil.temp", value: 61.5, unit: "°C" })).toBe("oil.temp = 61.5 °C");
  });

  it("never throws on odd payloads", () => {
    expect(summarizeEvent("machine.state", null)).toBe("Machine reported an unknown state");
    expect(summarizeEvent("custom.thing", "x")).toBe("Custom thing");
  });
});

describe("refs and cursors", () => {
  it("round-trips a downtime ref", () => {
    const ref = downtimeRef("0b6f8a4e-0000-4000-8000-000000000001", "2026-11-24T10:00:00+01:00");
    expect(ref).toBe("0b6f8a4e-0000-4000-8000-000000000001@2026-11-24T09:00:00.000Z");
    expect(parseDowntimeRef(ref)?.stopStart.toISOString()).toBe("2026-11-24T09:00:00.000Z");
    expect(parseDowntimeRef("nonsense")).toBeNull();
  });

  it("round-trips a list position; a bare instant means before it", () => {
    const position = { decidedAt: new Date(1_790_000_000_000), id: "0b6f8a4e-0000-4000-8000-000000000001" };
    expect(decodeListCursor(encodeListCursor(position))).toEqual(position);
    expect(decodeListCursor("1790000000000")).toEqual({ decidedAt: new Date(1_790_000_000_000), id: null });
    expect(decodeListCursor("abc")).toBeNull();
  });
});
