import { parseCanonicalEvent } from "@gemba/domain/events/parse-event";
import { describe, expect, it } from "vitest";
import { type TGenericWebhookConfig, ZGenericWebhookConfig } from "./config";
import { mapDelivery } from "./map-delivery";
import { mapGenericDelivery } from "./map-generic";

const PRESS = "5b0d7c1e-8f7a-4b59-9a49-2f7d1c3e4a10";
const LATHE = "6c1e8d2f-9a8b-4c6a-8b5a-3a8e2d4f5b21";
const SOURCE = "2f4e6a8c-1b3d-4f5a-8c7e-9d0b1a2c3e4f";
const deliveredAt = new Date("2026-11-24T11:00:00Z");
const context = { sourceId: SOURCE, deliveredAt };

const config = (input: Record<string, unknown>): TGenericWebhookConfig =>
  ZGenericWebhookConfig.parse({ format: "generic", ...input });

const machineFeed = config({
  eventsPath: "events",
  kind: {
    from: "path",
    path: "type",
    values: [
      { value: "status", kind: "machine.state" },
      { value: "parts", kind: "production.count" },
    ],
  },
  workCenter: {
    from: "path",
    path: "machine.name",
    values: [
      { value: "Press 400t", workCenterId: PRESS },
      { value: "Okuma LB3000", workCenterId: LATHE },
    ],
  },
  eventTimePath: "ts",
  dedupeKeyPath: "id",
  state: {
    statePath: "status",
    states: [
      { value: "run", state: "RUNNING" },
      { value: "fault", state: "DOWN" },
    ],
    reasonCodePath: "code",
  },
  count: { totalPath: "qty.total", goodPath: "qty.good" },
});

function validated(items: unknown[]) {
  return items.map((item) => {
    const parsed = parseCanonicalEvent(item, { sourceId: SOURCE });
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.event;
  });
}

describe("mapGenericDelivery", () => {
  it("maps records of several kinds from an array, keeping bad records apart with reasons", () => {
    const body = {
      events: [
        {
          id: "e-1",
          type: "status",
          machine: { name: "press 400T" },
          status: "fault",
          code: "JAM",
          ts: "2026-11-24T08:00:00Z",
        },
        {
          id: "e-2",
          type: "parts",
          machine: { name: "Okuma LB3000" },
          qty: { total: "12", good: 11 },
          ts: 1795507200000,
        },
        { id: "e-3", type: "status", machine: { name: "Press 250t" }, status: "run", ts: "2026-11-24T08:01:00Z" },
        { id: "e-4", type: "status", machine: { name: "Press 400t" }, status: "warming", ts: "2026-11-24T08:02:00Z" },
        {
          id: "e-5",
          type: "parts",
          machine: { name: "Press 400t" },
          qty: { total: 3, good: 4 },
          ts: "2026-11-24T08:03:00Z",
        },
        { id: "e-6", type: "alarm", machine: { name: "Press 400t" }, ts: "2026-11-24T08:04:00Z" },
        "not a record",
      ],
    };
    const { items, rejected } = mapGenericDelivery(body, machineFeed, context);
    expect(validated(items)).toEqual([
      {
        kind: "machine.state",
        workCenterId: PRESS,
        eventTime: new Date("2026-11-24T08:00:00Z"),
        sourceId: SOURCE,
        dedupeKey: "e-1",
        payload: { state: "DOWN", reasonCode: "JAM" },
      },
      {
        kind: "production.count",
        workCenterId: LATHE,
        eventTime: new Date(1795507200000),
        sourceId: SOURCE,
        dedupeKey: "e-2",
        payload: { total: 12, good: 11 },
      },
    ]);
    expect(rejected.map((entry) => entry.reason)).toEqual([
      'record 2: work center field "machine.name" is "Press 250t", which matches none of the configured values ("Press 400t", "Okuma LB3000"): add it under Work center → Values, then retry',
      'record 3: state field "status" is "warming", which is neither a configured value ("run", "fault") nor a state (RUNNING, IDLE, DOWN, PLANNED_STOP)',
      'record 4: good (4, "qty.good") exceeds total (3, "qty.total")',
      'record 5: kind field "type" is "alarm", which is neither a configured value ("status", "parts") nor an event kind (operator.activity, machine.state, production.count, production.scrap, telemetry)',
      'record 6: expected a JSON object, got "not a record"',
    ]);
    expect(rejected.every((entry) => entry.stage === "mapping")).toBe(true);
    // Each dead letter carries its own record, so it can be retried alone once the mapping is fixed.
    expect(rejected[0]?.payload).toEqual(body.events[2]);
  });

  it("treats the whole body as one record, with a fixed kind and work center", () => {
    const telemetry = config({
      kind: { from: "fixed", kind: "telemetry" },
      workCenter: { from: "fixed", workCenterId: PRESS },
      eventTimePath: "time",
      epochUnit: "seconds",
      telemetry: { valuePath: "reading", tagPath: "sensor", unit: "°C" },
    });
    const { items, rejected } = mapGenericDelivery(
      { sensor: "oil-temp", reading: 61.5, time: 1795507200 },
      telemetry,
      context,
    );
    expect(rejected).toEqual([]);
    expect(validated(items)[0]).toMatchObject({
      kind: "telemetry",
      eventTime: new Date(1795507200 * 1000),
      payload: { tag: "oil-temp", value: 61.5, unit: "°C" },
    });
    const bad = mapGenericDelivery({ sensor: "oil-temp", reading: "hot", time: 1795507200 }, telemetry, context);
    expect(bad.rejected[0]?.reason).toBe('telemetry value field "reading" is "hot"; expected a number');
  });

  it("maps operator activity with a value table and a note", () => {
    const activity = config({
      kind: { from: "fixed", kind: "operator.activity" },
      workCenter: { from: "fixed", workCenterId: LATHE },
      activity: {
        typePath: "result",
        types: [
          { value: "ok", type: "INSPECTION_PASSED" },
          { value: "nok", type: "INSPECTION_FAILED" },
        ],
        notePath: "remarks",
      },
    });
    const { items } = mapGenericDelivery({ result: "NOK", remarks: "Burr on flange" }, activity, context);
    expect(validated(items)[0]).toMatchObject({
      eventTime: deliveredAt,
      payload: { type: "INSPECTION_FAILED", note: "Burr on flange" },
    });
    // Canonical names are accepted without a table row.
    expect(mapGenericDelivery({ result: "issue_raised" }, activity, context).items[0]?.payload).toEqual({
      type: "ISSUE_RAISED",
    });
  });

  it("maps scrap with a fixed reason code when the record has none", () => {
    const scrap = config({
      kind: { from: "fixed", kind: "production.scrap" },
      workCenter: { from: "fixed", workCenterId: PRESS },
      scrap: { quantityPath: "n", reasonCodePath: "why", reasonCode: "QUALITY" },
    });
    expect(mapGenericDelivery({ n: 2 }, scrap, context).items[0]?.payload).toEqual({
      quantity: 2,
      reasonCode: "QUALITY",
    });
    expect(mapGenericDelivery({ n: 2, why: "BURR" }, scrap, context).items[0]?.payload).toEqual({
      quantity: 2,
      reasonCode: "BURR",
    });
    expect(mapGenericDelivery({ n: 0 }, scrap, context).rejected[0]?.reason).toContain("is 0");
  });

  it("derives stable dedupe keys without an id field", () => {
    const counts = config({
      kind: { from: "fixed", kind: "production.count" },
      workCenter: { from: "fixed", workCenterId: PRESS },
      count: { totalPath: "n" },
    });
    const once = mapGenericDelivery({ n: 5, b: 1 }, counts, context).items[0];
    const sameDeliveryReordered = mapGenericDelivery({ b: 1, n: 5 }, counts, context).items[0];
    const laterDelivery = mapGenericDelivery({ n: 5, b: 1 }, counts, {
      ...context,
      deliveredAt: new Date("2026-11-24T11:01:00Z"),
    }).items[0];
    expect(once?.dedupeKey).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(sameDeliveryReordered?.dedupeKey).toBe(once?.dedupeKey);
    // Without an event time in the record, the same counts a minute later are a new event.
    expect(laterDelivery?.dedupeKey).not.toBe(once?.dedupeKey);
    expect(once?.payload).toEqual({ total: 5, good: 5 });
  });

  it("dead-letters the body when the records field is not an array", () => {
    const { rejected } = mapGenericDelivery({ events: { id: 1 } }, machineFeed, context);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toBe(
      'records field "events" is {"id":1}, not an array of records: fix the connector\'s Records field or the sender',
    );
  });

  it("reports unreadable event times and missing ids", () => {
    const body = {
      events: [
        { type: "status", machine: { name: "Press 400t" }, status: "run", ts: "yesterday", id: "x" },
        { type: "status", machine: { name: "Press 400t" }, status: "run", ts: "2026-11-24T08:00:00Z" },
      ],
    };
    expect(mapGenericDelivery(body, machineFeed, context).rejected.map((entry) => entry.reason)).toEqual([
      'record 0: event time field "ts" is "yesterday"; expected ISO 8601 text (2026-11-24T08:15:00Z) or a unix time in milliseconds',
      'record 1: unique id field "id" is (missing); expected text or a number',
    ]);
  });
});

describe("generic config validation", () => {
  it("requires the payload fields of every kind the mapping can produce", () => {
    const result = ZGenericWebhookConfig.safeParse({
      format: "generic",
      kind: { from: "fixed", kind: "telemetry" },
      workCenter: { from: "fixed", workCenterId: PRESS },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ["telemetry"],
      message: 'Records of kind telemetry need the "telemetry" fields.',
    });
  });
});

describe("mapDelivery", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const stored = {
    format: "generic",
    kind: { from: "fixed", kind: "production.count" },
    workCenter: { from: "fixed", workCenterId: PRESS },
    count: { totalPath: "n" },
  };

  it("dead-letters invalid JSON with the raw text (stage decode)", () => {
    const { items, rejected } = mapDelivery(bytes("{not json"), stored, context);
    expect(items).toEqual([]);
    expect(rejected[0]).toMatchObject({ stage: "decode", payload: "{not json" });
    expect(rejected[0]?.reason).toContain("not valid JSON");
  });

  it("dead-letters bytes that are not UTF-8 as base64", () => {
    const { rejected } = mapDelivery(new Uint8Array([0xff, 0xfe, 0x00]), stored, context);
    expect(rejected[0]).toMatchObject({ stage: "decode", payload: { encoding: "base64", data: "//4A" } });
  });

  it("dead-letters authentic input when the stored configuration is invalid", () => {
    const { rejected } = mapDelivery(bytes('{"n":1}'), { format: "generic" }, context);
    expect(rejected[0]).toMatchObject({ stage: "mapping", payload: { n: 1 } });
    expect(rejected[0]?.reason).toContain("configuration is invalid");
  });

  it("maps valid input with the stored configuration", () => {
    expect(mapDelivery(bytes('{"n":3}'), stored, context).items[0]?.payload).toEqual({ total: 3, good: 3 });
  });
});
