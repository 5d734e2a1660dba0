import { describe, expect, it } from "vitest";
import {
  conditionsHold,
  eventMatchesTrigger,
  inTimeWindow,
  metricCrosses,
  renderTemplate,
  scheduleDueTimes,
  stateDurationDueAt,
  type TSignalContext,
} from "./match-rule";
import { ZRuleConditions, ZRuleTrigger } from "./rule-definition";

const WC1 = "00000000-0000-4000-8000-000000000001";
const WC2 = "00000000-0000-4000-8000-000000000002";
const LINE = "00000000-0000-4000-8000-0000000000a1";
const OTHER_LINE = "00000000-0000-4000-8000-0000000000a2";

const context = (overrides: Partial<TSignalContext> = {}): TSignalContext => ({
  workCenterId: WC1,
  lineId: LINE,
  shiftName: "Early",
  productId: null,
  reasonCode: "HYDRAULIC",
  local: { weekday: 1, minuteOfDay: 8 * 60 },
  ...overrides,
});

function trigger<K extends string>(input: { kind: K } & Record<string, unknown>) {
  const parsed = ZRuleTrigger.parse(input);
  if (parsed.kind !== input.kind) throw new Error("wrong kind");
  return parsed as Extract<typeof parsed, { kind: K }>;
}

describe("conditionsHold", () => {
  it("holds when every list is empty", () => {
    expect(conditionsHold(ZRuleConditions.parse({}), context({ workCenterId: null, local: null }))).toEqual({
      ok: true,
    });
  });

  it("names the first failed condition, with labels when given", () => {
    const conditions = ZRuleConditions.parse({ lineIds: [OTHER_LINE] });
    expect(conditionsHold(conditions, context(), { lines: { [OTHER_LINE]: "Press shop", [LINE]: "Paint" } })).toEqual({
      ok: false,
      failed: "not on line Press shop (was Paint)",
    });
    expect(conditionsHold(conditions, context({ lineId: null }))).toEqual({
      ok: false,
      failed: `no line known (needs ${OTHER_LINE})`,
    });
  });

  it("checks work center, shift, product and reason", () => {
    expect(conditionsHold(ZRuleConditions.parse({ workCenterIds: [WC1, WC2] }), context()).ok).toBe(true);
    expect(conditionsHold(ZRuleConditions.parse({ workCenterIds: [WC2] }), context()).ok).toBe(false);
    expect(conditionsHold(ZRuleConditions.parse({ shiftNames: ["Night"] }), context())).toEqual({
      ok: false,
      failed: "not in shift Night (was Early)",
    });
    expect(conditionsHold(ZRuleConditions.parse({ productIds: [WC2] }), context()).ok).toBe(false);
    expect(conditionsHold(ZRuleConditions.parse({ reasonCodes: ["HYDRAULIC"] }), context()).ok).toBe(true);
    expect(conditionsHold(ZRuleConditions.parse({ reasonCodes: ["MATERIAL"] }), context())).toEqual({
      ok: false,
      failed: "not with reason MATERIAL (was HYDRAULIC)",
    });
  });

  it("checks the time window, including one wrapping midnight", () => {
    const day = ZRuleConditions.parse({ timeWindow: { from: "06:00", to: "14:00", weekdays: [1, 2, 3, 4, 5] } });
    expect(conditionsHold(day, context()).ok).toBe(true);
    expect(conditionsHold(day, context({ local: { weekday: 6, minuteOfDay: 480 } }))).toEqual({
      ok: false,
      failed: "outside 06:00–14:00 on Mon, Tue, Wed, Thu, Fri",
    });
    expect(conditionsHold(day, context({ local: null })).ok).toBe(false);
    const night = { from: "22:00", to: "06:00", weekdays: [1] };
    expect(inTimeWindow(night, { weekday: 1, minuteOfDay: 23 * 60 })).toBe(true);
    // Tuesday 02:00 belongs to the window that opened on Monday.
    expect(inTimeWindow(night, { weekday: 2, minuteOfDay: 2 * 60 })).toBe(true);
    expect(inTimeWindow(night, { weekday: 1, minuteOfDay: 2 * 60 })).toBe(false);
    expect(inTimeWindow(night, { weekday: 1, minuteOfDay: 6 * 60 })).toBe(false);
    expect(inTimeWindow({ from: "22:00", to: "06:00", weekdays: [7] }, { weekday: 1, minuteOfDay: 60 })).toBe(true);
    expect(inTimeWindow({ from: "00:00", to: "00:00", weekdays: [] }, { weekday: 3, minuteOfDay: 5 })).toBe(true);
  });
});

describe("eventMatchesTrigger", () => {
  const andon = trigger({
    kind: "EVENT",
    eventKinds: ["operator.activity"],
    payloadMatches: [{ path: "type", equals: "ANDON_CALLED" }],
  });

  it("matches kind and every payload field", () => {
    expect(eventMatchesTrigger(andon, { kind: "operator.activity", payload: { type: "ANDON_CALLED" } })).toBe(true);
    expect(eventMatchesTrigger(andon, { kind: "operator.activity", payload: { type: "ISSUE_RAISED" } })).toBe(false);
    expect(eventMatchesTrigger(andon, { kind: "machine.state", payload: { type: "ANDON_CALLED" } })).toBe(false);
    expect(eventMatchesTrigger(andon, { kind: "operator.activity", payload: null })).toBe(false);
  });

  it("follows dotted paths and compares strictly", () => {
    const nested = trigger({
      kind: "EVENT",
      eventKinds: ["a", "b"],
      payloadMatches: [
        { path: "detail.code", equals: 5 },
        { path: "ok", equals: true },
      ],
    });
    expect(eventMatchesTrigger(nested, { kind: "b", payload: { detail: { code: 5 }, ok: true } })).toBe(true);
    expect(eventMatchesTrigger(nested, { kind: "b", payload: { detail: { code: "5" }, ok: true } })).toBe(false);
    expect(eventMatchesTrigger(nested, { kind: "b", payload: { detail: [5], ok: true } })).toBe(false);
    expect(eventMatchesTrigger(nested, { kind: "b", payload: { ok: true } })).toBe(false);
    // Inherited properties are not payload fields.
    const proto = trigger({ kind: "EVENT", eventKinds: ["a"], payloadMatches: [{ path: "toString", equals: "x" }] });
    expect(eventMatchesTrigger(proto, { kind: "a", payload: {} })).toBe(false);
  });

  it("matches any payload when no payload match is given", () => {
    const any = trigger({ kind: "EVENT", eventKinds: ["machine.state"] });
    expect(eventMatchesTrigger(any, { kind: "machine.state", payload: 1 })).toBe(true);
  });
});

describe("metricCrosses", () => {
  const above = trigger({ kind: "METRIC_THRESHOLD", tag: "temp", direction: "ABOVE", threshold: 80 });
  const below = trigger({ kind: "METRIC_THRESHOLD", tag: "pressure", direction: "BELOW", threshold: 2 });

  it("fires on the crossing only", () => {
    expect(metricCrosses(above, 79, 81)).toBe(true);
    expect(metricCrosses(above, 80, 80.1)).toBe(true);
    expect(metricCrosses(above, 81, 82)).toBe(false);
    expect(metricCrosses(above, 79, 80)).toBe(false);
    expect(metricCrosses(above, 90, 70)).toBe(false);
    expect(metricCrosses(below, 2.5, 1.9)).toBe(true);
    expect(metricCrosses(below, 1.5, 1.9)).toBe(false);
    expect(metricCrosses(below, 1, 3)).toBe(false);
  });

  it("counts a first reading beyond the threshold as a crossing", () => {
    expect(metricCrosses(above, null, 85)).toBe(true);
    expect(metricCrosses(above, null, 75)).toBe(false);
    expect(metricCrosses(above, null, Number.NaN)).toBe(false);
  });
});

describe("scheduleDueTimes", () => {
  const iso = (times: number[]) => times.map((time) => new Date(time).toISOString());
  const daily = trigger({ kind: "SCHEDULE", times: ["06:00", "18:00"], weekdays: [1, 2, 3, 4, 5, 6, 7] });

  it("lists the due instants in (from, to], in the site's zone", () => {
    const from = Date.parse("2026-01-14T23:00:00Z");
    const to = Date.parse("2026-01-15T17:00:00Z");
    expect(iso(scheduleDueTimes(daily, from, to, "Europe/Berlin"))).toEqual([
      "2026-01-15T05:00:00.000Z",
      "2026-01-15T17:00:00.000Z",
    ]);
    // "from" is exclusive: a run that already covered 17:00 does not see it again.
    expect(scheduleDueTimes(daily, to, to + 60_000, "Europe/Berlin")).toEqual([]);
    expect(scheduleDueTimes(daily, to, from, "Europe/Berlin")).toEqual([]);
  });

  it("keeps to the weekdays, which are local weekdays", () => {
    const weekdays = trigger({ kind: "SCHEDULE", times: ["00:30"], weekdays: [1] });
    // Monday 2026-01-19 00:30 in Berlin is Sunday 23:30 UTC.
    const due = scheduleDueTimes(
      weekdays,
      Date.parse("2026-01-12T00:00:00Z"),
      Date.parse("2026-01-26T00:00:00Z"),
      "Europe/Berlin",
    );
    expect(iso(due)).toEqual(["2026-01-18T23:30:00.000Z", "2026-01-25T23:30:00.000Z"]);
  });

  it("is DST-correct: once a day across both changes", () => {
    const atTwoThirty = trigger({ kind: "SCHEDULE", times: ["02:30"], weekdays: [1, 2, 3, 4, 5, 6, 7] });
    // Spring forward in Berlin on 2026-03-29: 02:30 does not exist and happens at 03:30 CEST.
    const spring = scheduleDueTimes(
      atTwoThirty,
      Date.parse("2026-03-28T00:00:00Z"),
      Date.parse("2026-03-30T00:00:00Z"),
      "Europe/Berlin",
    );
    expect(iso(spring)).toEqual(["2026-03-28T01:30:00.000Z", "2026-03-29T01:30:00.000Z"]);
    // Fall back on 2026-10-25: 02:30 happens twice, the rule fires at the first.
    const autumn = scheduleDueTimes(
      atTwoThirty,
      Date.parse("2026-10-24T12:00:00Z"),
      Date.parse("2026-10-26T12:00:00Z"),
      "Europe/Berlin",
    );
    expect(iso(autumn)).toEqual(["2026-10-25T00:30:00.000Z", "2026-10-26T01:30:00.000Z"]);
  });
});

describe("stateDurationDueAt", () => {
  const down = trigger({ kind: "STATE_DURATION", state: "DOWN", minutes: 10 });
  const unclassified = trigger({ kind: "STATE_DURATION", state: "DOWN", minutes: 10, unclassifiedOnly: true });
  const start = Date.parse("2026-01-15T08:00:00Z");
  const due = start + 10 * 60_000;

  it("fires once the stretch has lasted the duration", () => {
    expect(stateDurationDueAt(down, { state: "DOWN", start, end: null, unclassified: false })).toBe(due);
    expect(stateDurationDueAt(down, { state: "DOWN", start, end: due, unclassified: false })).toBe(due);
    expect(stateDurationDueAt(down, { state: "DOWN", start, end: due + 1, unclassified: false })).toBe(due);
  });

  it("never fires for a stretch that ended earlier, another state, or a classified stop when unclassified only", () => {
    expect(stateDurationDueAt(down, { state: "DOWN", start, end: due - 1, unclassified: true })).toBeNull();
    expect(stateDurationDueAt(down, { state: "IDLE", start, end: null, unclassified: true })).toBeNull();
    expect(stateDurationDueAt(unclassified, { state: "DOWN", start, end: null, unclassified: false })).toBeNull();
    expect(stateDurationDueAt(unclassified, { state: "DOWN", start, end: null, unclassified: true })).toBe(due);
  });
});

describe("renderTemplate", () => {
  it("fills placeholders and marks missing known ones", () => {
    expect(
      renderTemplate("{workCenter} {state} for {minutes} min ({reason})", {
        workCenter: "PRS-201",
        state: "DOWN",
        minutes: 10,
        reason: null,
      }),
    ).toBe("PRS-201 DOWN for 10 min (—)");
    expect(renderTemplate("{rule}: {checklist} step {step} = {value}", { rule: "R" })).toBe("R: — step — = —");
  });

  it("leaves unknown placeholders and other braces as written", () => {
    expect(renderTemplate("{workcentre} {} {1} {", { workCenter: "X" })).toBe("{workcentre} {} {1} {");
    expect(renderTemplate("{value}", { value: 0 })).toBe("0");
    expect(renderTemplate("{custom}", { custom: "y" })).toBe("y");
  });
});
