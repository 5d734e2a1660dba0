import { ZOrderLifecycleEvent } from "@gemba/domain/events/canonical-events";
import { describe, expect, it } from "vitest";
import { orderLifecycleEvents, type TOrderLifecycleChange } from "./order-lifecycle";

const changedAt = new Date("2026-11-20T08:15:00.000Z");
const base = { sourceId: "erp-1", externalId: "1000123", workCenterId: null };
const after = (overrides: Partial<TOrderLifecycleChange["after"]>): TOrderLifecycleChange["after"] => ({
  status: "PLANNED",
  quantity: 500,
  releasedAt: null,
  startedAt: null,
  completedAt: null,
  lastChangedAt: changedAt,
  ...overrides,
});

describe("orderLifecycleEvents", () => {
  it("emits every step an order passed between two syncs, timed by the ERP's own timestamps", () => {
    const releasedAt = new Date("2026-11-20T06:00:00Z");
    const events = orderLifecycleEvents({
      ...base,
      before: { status: "PLANNED", quantity: 500 },
      after: after({ status: "IN_PROGRESS", releasedAt }),
    });
    expect(events.map((event) => [event.payload.transition, event.eventTime.toISOString()])).toEqual([
      ["RELEASED", releasedAt.toISOString()],
      ["STARTED", changedAt.toISOString()],
    ]);
    expect(events[0]?.dedupeKey).toBe("erp:1000123:RELEASED:2026-11-20T08:15:00.000Z");
    for (const event of events) expect(ZOrderLifecycleEvent.safeParse(event).success).toBe(true);
  });

  it("reports a new order's steps so far, and nothing for a new planned one", () => {
    expect(orderLifecycleEvents({ ...base, before: null, after: after({}) })).toEqual([]);
    const released = orderLifecycleEvents({ ...base, before: null, after: after({ status: "RELEASED" }) });
    expect(released.map((event) => event.payload)).toEqual([
      { orderExternalId: "1000123", transition: "RELEASED", quantity: 500 },
    ]);
  });

  it("names quantity changes, and nothing for moves backwards or into CANCELLED", () => {
    const events = orderLifecycleEvents({
      ...base,
      before: { status: "COMPLETED", quantity: 500 },
      after: after({ status: "IN_PROGRESS", quantity: 450 }),
    });
    expect(events.map((event) => event.payload)).toEqual([
      { orderExternalId: "1000123", transition: "QUANTITY_CHANGED", quantity: 450 },
    ]);
    expect(
      orderLifecycleEvents({
        ...base,
        before: { status: "RELEASED", quantity: 5 },
        after: after({ status: "CANCELLED", quantity: 5 }),
      }),
    ).toEqual([]);
  });
});
