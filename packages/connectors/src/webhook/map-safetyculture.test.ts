import { parseCanonicalEvent } from "@gemba/domain/events/parse-event";
import { describe, expect, it } from "vitest";
import { type TSafetyCultureConfig, ZSafetyCultureConfig } from "./config";
import { mapSafetyCultureDelivery } from "./map-safetyculture";
import {
  actionCreated,
  inspectionCompleted,
  inspectionCompletedStatusV3,
  inspectionStarted,
} from "./safetyculture-fixtures";

const PRESS = "5b0d7c1e-8f7a-4b59-9a49-2f7d1c3e4a10";
const PLANT = "6c1e8d2f-9a8b-4c6a-8b5a-3a8e2d4f5b21";
const PAINT = "7d2f9e3a-ab9c-4d7b-9c6b-4b9f3e5a6c32";
const SOURCE = "2f4e6a8c-1b3d-4f5a-8c7e-9d0b1a2c3e4f";
const context = { sourceId: SOURCE, deliveredAt: new Date("2026-11-24T11:00:00Z") };

const config = (overrides: Partial<TSafetyCultureConfig> = {}): TSafetyCultureConfig =>
  ZSafetyCultureConfig.parse({
    format: "safetyculture",
    workCenters: [
      { match: "press daily inspection", workCenterId: PRESS },
      { match: "Riverside Plant", workCenterId: PLANT },
      { match: "template_5ac67d8738af471f9ad861232d8e1234", workCenterId: PAINT },
    ],
    ...overrides,
  });

/** Every item must pass the worker's own validator unchanged. */
function validated(items: unknown[]) {
  return items.map((item) => {
    const parsed = parseCanonicalEvent(item, { sourceId: SOURCE });
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.event;
  });
}

describe("mapSafetyCultureDelivery: completed inspections", () => {
  it("maps a passed inspection to INSPECTION_PASSED with a summary note", () => {
    const { items, rejected } = mapSafetyCultureDelivery(
      inspectionCompleted({ score: 19, totalScore: 20 }),
      config(),
      context,
    );
    expect(rejected).toEqual([]);
    const [event] = validated(items);
    expect(event).toMatchObject({
      kind: "operator.activity",
      workCenterId: PRESS,
      sourceId: SOURCE,
      eventTime: new Date("2026-11-24T07:42:33.159Z"),
      dedupeKey: "safetyculture:audit_50ba581235704a368d025056a583aa8b:inspection-completed:2026-11-24T07:42:33.328Z",
      payload: { type: "INSPECTION_PASSED" },
    });
    expect(event?.kind === "operator.activity" && event.payload.note).toBe(
      'Press daily inspection "24 Nov 2026 / Jon Snow" completed — score 19/20 (95 %) — SafetyCulture audit_50ba581235704a368d025056a583aa8b',
    );
  });

  it("fails an inspection scoring below the pass score", () => {
    const { items } = mapSafetyCultureDelivery(inspectionCompleted({ score: 15, totalScore: 20 }), config(), context);
    expect(items[0]?.payload).toMatchObject({ type: "INSPECTION_FAILED" });
    expect(items[0]?.payload).toHaveProperty(
      "note",
      expect.stringContaining("score 15/20 (75 %), below the pass score of 80 %"),
    );
  });

  it("fails an inspection with a failed item even at a high score, naming the items (hidden items ignored)", () => {
    const body = inspectionCompleted({ score: 19, totalScore: 20, failedLabels: ["Two-hand control works?"] });
    const { items } = mapSafetyCultureDelivery(body, config(), context);
    expect(items[0]?.payload).toMatchObject({ type: "INSPECTION_FAILED" });
    expect(items[0]?.payload).toHaveProperty("note", expect.stringContaining("1 failed item: Two-hand control works?"));
    expect(items[0]?.payload).not.toHaveProperty("note", expect.stringContaining("Hidden"));
    // With the failed-items rule off, the score alone decides.
    const lenient = mapSafetyCultureDelivery(body, config({ failOnFailedItems: false }), context);
    expect(lenient.items[0]?.payload).toMatchObject({ type: "INSPECTION_PASSED" });
  });

  it("treats an unscored inspection (0 of 0) as unscored, not 0 %", () => {
    const { items } = mapSafetyCultureDelivery(inspectionCompleted({ score: 0, totalScore: 0 }), config(), context);
    expect(items[0]?.payload).toMatchObject({ type: "INSPECTION_PASSED" });
    expect(items[0]?.payload).toHaveProperty("note", expect.stringContaining("unscored"));
  });

  it("records a configured checklist template as CHECKLIST_DONE, unless it failed", () => {
    const checklist = config({ checklistTemplates: [{ match: "Press daily inspection" }] });
    const done = mapSafetyCultureDelivery(inspectionCompleted(), checklist, context);
    expect(done.items[0]?.payload).toMatchObject({ type: "CHECKLIST_DONE" });
    const failed = mapSafetyCultureDelivery(
      inspectionCompleted({ failedLabels: ["Oil level ok?"] }),
      checklist,
      context,
    );
    expect(failed.items[0]?.payload).toMatchObject({ type: "INSPECTION_FAILED" });
  });

  it("prefers the site over the template when both are mapped (more specific first: asset, site, template)", () => {
    const body = inspectionCompleted({ siteName: "riverside plant" });
    expect(mapSafetyCultureDelivery(body, config(), context).items[0]?.workCenterId).toBe(PLANT);
  });

  it("keeps the same dedupe key for a retry and a new one for an edited, re-completed inspection", () => {
    const first = mapSafetyCultureDelivery(inspectionCompleted(), config(), context).items[0]?.dedupeKey;
    const retry = mapSafetyCultureDelivery(inspectionCompleted(), config(), { ...context, deliveredAt: new Date() })
      .items[0]?.dedupeKey;
    const edited = mapSafetyCultureDelivery(
      inspectionCompleted({ modifiedAt: "2026-11-24T09:00:00.000Z" }),
      config(),
      context,
    ).items[0]?.dedupeKey;
    expect(retry).toBe(first);
    expect(edited).not.toBe(first);
  });

  it("maps the lightweight v3 layout by template id, with the score from data.details", () => {
    const { items, rejected } = mapSafetyCultureDelivery(inspectionCompletedStatusV3(), config(), context);
    expect(rejected).toEqual([]);
    const [event] = validated(items);
    expect(event).toMatchObject({
      workCenterId: PAINT,
      eventTime: new Date("2026-11-24T09:05:10Z"),
      payload: { type: "INSPECTION_FAILED" },
    });
    expect(event?.dedupeKey).toBe(
      "safetyculture:audit_047ef3d184014ce7a04bc65701b51234:inspection-completed:2026-11-24T09:05:10.000Z",
    );
  });

  it("dead-letters an inspection whose site and template match no row, naming what it saw and what is configured", () => {
    const body = inspectionCompleted({ templateName: "Forklift pre-start", siteName: "Dock 3" });
    const { items, rejected } = mapSafetyCultureDelivery(body, config(), context);
    expect(items).toEqual([]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ stage: "mapping", payload: body });
    expect(rejected[0]?.reason).toContain('site "Dock 3"');
    expect(rejected[0]?.reason).toContain('template "Forklift pre-start"');
    expect(rejected[0]?.reason).toContain('configured matches: "press daily inspection", "Riverside Plant"');
    // A fallback work center takes such inspections instead.
    const withFallback = mapSafetyCultureDelivery(body, config({ fallbackWorkCenterId: PLANT }), context);
    expect(withFallback.items[0]?.workCenterId).toBe(PLANT);
  });

  it("dead-letters a completion notice for an inspection that is not completed", () => {
    const { rejected } = mapSafetyCultureDelivery(inspectionCompleted({ dateCompleted: null }), config(), context);
    expect(rejected[0]?.reason).toContain("data.audit.audit_data.date_completed is null");
  });
});

describe("mapSafetyCultureDelivery: actions and issues", () => {
  it("maps a created action to ISSUE_RAISED", () => {
    const { items, rejected } = mapSafetyCultureDelivery(
      actionCreated({ siteName: "Riverside Plant" }),
      config(),
      context,
    );
    expect(rejected).toEqual([]);
    const [event] = validated(items);
    expect(event).toMatchObject({
      workCenterId: PLANT,
      eventTime: new Date("2026-11-24T10:10:58Z"),
      dedupeKey: "safetyculture:7c1e4a8b-2f5d-4c3e-9a61-0d8b2e7f4a10:issue-raised",
      payload: {
        type: "ISSUE_RAISED",
        note: 'Action "Replace cracked guard panel on Press 400t" raised in SafetyCulture — priority HIGH — site Riverside Plant — SafetyCulture 7c1e4a8b-2f5d-4c3e-9a61-0d8b2e7f4a10',
      },
    });
  });

  it("dead-letters an action with no site, asset or template unless a fallback is set", () => {
    const { rejected } = mapSafetyCultureDelivery(actionCreated(), config(), context);
    expect(rejected[0]?.reason).toContain("the payload names no asset, site or template");
    expect(
      mapSafetyCultureDelivery(actionCreated(), config({ fallbackWorkCenterId: PRESS }), context).items,
    ).toHaveLength(1);
  });
});

describe("mapSafetyCultureDelivery: other input", () => {
  it("dead-letters event types it does not map, listing those it does", () => {
    const { items, rejected } = mapSafetyCultureDelivery(inspectionStarted(), config(), context);
    expect(items).toEqual([]);
    expect(rejected[0]?.reason).toContain('"TRIGGER_EVENT_INSPECTION_HAS_STARTED"');
    expect(rejected[0]?.reason).toContain("TRIGGER_EVENT_INSPECTION_COMPLETED");
  });

  it("dead-letters a body that is not a SafetyCulture payload", () => {
    expect(mapSafetyCultureDelivery({ machine: "P1" }, config(), context).rejected[0]?.reason).toContain(
      "missing event.event_types",
    );
    expect(mapSafetyCultureDelivery([1, 2], config(), context).rejected[0]?.reason).toContain("got an array");
  });
});
