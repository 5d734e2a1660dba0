import { describe, expect, it } from "vitest";
import { mergeStatePieces, runDryRun, type TDryRunHistory } from "./dry-run";
import { describeTrigger } from "./dry-run-text";
import { type TRuleDefinitionInput, ZRuleDefinition } from "./rule-definition";

const MIN = 60_000;
const HOUR = 60 * MIN;
// Tuesday 2026-03-10 12:00 UTC = 13:00 in Berlin (CET, before the spring change).
const TO = Date.UTC(2026, 2, 10, 12, 0);
const FROM = TO - 24 * HOUR;

const SITE = "00000000-0000-4000-8000-0000000000a1";
const LINE = "00000000-0000-4000-8000-0000000000b1";
const OTHER_LINE = "00000000-0000-4000-8000-0000000000b2";
const PRESS = "00000000-0000-4000-8000-000000000201";
const PRESS_2 = "00000000-0000-4000-8000-000000000202";
const CNC = "00000000-0000-4000-8000-000000000101";
const PRODUCT = "00000000-0000-4000-8000-0000000000c1";
const TEMPLATE = "00000000-0000-4000-8000-0000000000d1";

function history(overrides: Partial<TDryRunHistory> = {}): TDryRunHistory {
  return {
    from: FROM,
    to: TO,
    ruleName: "Long stops",
    sites: [
      {
        id: SITE,
        timeZone: "Europe/Berlin",
        // Early 06:00–14:00 local (05:00–13:00 UTC) on both days.
        shifts: [
          { name: "Early", start: Date.UTC(2026, 2, 9, 5), end: Date.UTC(2026, 2, 9, 13) },
          { name: "Late", start: Date.UTC(2026, 2, 9, 13), end: Date.UTC(2026, 2, 9, 21) },
          { name: "Early", start: Date.UTC(2026, 2, 10, 5), end: Date.UTC(2026, 2, 10, 13) },
        ],
      },
    ],
    workCenters: [
      { id: PRESS, code: "PRS-201", lineId: LINE, lineName: "Press line", siteId: SITE },
      { id: PRESS_2, code: "PRS-202", lineId: LINE, lineName: "Press line", siteId: SITE },
      { id: CNC, code: "CNC-101", lineId: OTHER_LINE, lineName: "CNC line", siteId: SITE },
    ],
    events: [],
    statePieces: [],
    checklistFailures: [],
    orders: [],
    metricBefore: {},
    metricLookbackMs: HOUR,
    labels: { reasons: { HYDRAULIC: "Hydraulic leak" }, products: { [PRODUCT]: "Bracket" } },
    ...overrides,
  };
}

const rule = (input: TRuleDefinitionInput) => ZRuleDefinition.parse(input);

const taskForManager = {
  kind: "CREATE_TASK" as const,
  title: "{workCenter} down for {minutes} min",
  assigneeRole: "MANAGER" as const,
  escalation: [{ role: "ADMIN" as const, afterMinutes: 15 }],
};

const down = (workCenterId: string, startUtc: number, minutes: number, extra: Partial<{ reason: string }> = {}) => ({
  workCenterId,
  state: "DOWN",
  start: startUtc,
  end: startUtc + minutes * MIN,
  reasonCode: extra.reason ?? null,
  unclassified: extra.reason === undefined,
});

describe("dry run of a STATE_DURATION rule", () => {
  const definition = rule({
    trigger: { kind: "STATE_DURATION", state: "DOWN", minutes: 10 },
    conditions: { workCenterIds: [PRESS] },
    actions: [taskForManager],
  });

  it("fires once per stop that lasted long enough, at the moment it reached the duration", () => {
    const stopAt = Date.UTC(2026, 2, 10, 7, 12); // 08:12 Berlin
    const result = runDryRun(
      definition,
      history({
        statePieces: [
          // One stop cut at a derivation edge: still one stretch, one firing.
          down(PRESS, stopAt, 5, { reason: "HYDRAULIC" }),
          { ...down(PRESS, stopAt + 5 * MIN, 29, { reason: "HYDRAULIC" }) },
          // Too short.
          down(PRESS, Date.UTC(2026, 2, 10, 9, 0), 9),
          // Long, but another work center: turned away by the condition.
          down(PRESS_2, Date.UTC(2026, 2, 10, 9, 0), 40),
          // Started before the window, reached 10 min inside it.
          down(PRESS, FROM - 5 * MIN, 30),
          // Reached 10 min before the window: the engine fired then, not now.
          down(PRESS, FROM - 30 * MIN, 60),
        ],
      }),
    );
    expect(result.candidateCount).toBe(3);
    expect(result.firingCount).toBe(2);
    const [latest, earliest] = result.firings;
    expect(latest).toMatchObject({
      at: stopAt + 10 * MIN,
      localTime: "Tue 08:22",
      workCenterId: PRESS,
      subject: "PRS-201",
      summary: "PRS-201 DOWN for 10 min (Hydraulic leak)",
      actions: [{ kind: "CREATE_TASK", text: "Task for Manager: PRS-201 down for 10 min · then Admin after 15 min" }],
    });
    expect(latest?.why).toBe("Down from Tue 08:12, reached 10 min at Tue 08:22 (lasted 34 min in all)");
    expect(earliest?.at).toBe(FROM + 5 * MIN);
    expect(result.filtered).toEqual([
      {
        condition: "workCenterIds",
        label: "Work center is PRS-201",
        count: 1,
        example: "not at work center PRS-201 (was PRS-202)",
      },
    ]);
    expect(result.bySubject).toEqual([{ subject: "PRS-201", count: 2 }]);
  });

  it("counts each condition that turned signals away, first failing condition first", () => {
    const strict = rule({
      trigger: { kind: "STATE_DURATION", state: "DOWN", minutes: 10 },
      conditions: { lineIds: [LINE], shiftNames: ["Early"] },
      actions: [taskForManager],
    });
    const result = runDryRun(
      strict,
      history({
        labels: { lines: { [LINE]: "Press line" } },
        statePieces: [
          down(PRESS, Date.UTC(2026, 2, 10, 6, 0), 20), // Early shift, press line: fires
          down(PRESS_2, Date.UTC(2026, 2, 9, 14, 0), 20), // Late shift
          down(PRESS_2, Date.UTC(2026, 2, 9, 23, 0), 20), // no shift at all
          down(CNC, Date.UTC(2026, 2, 10, 6, 0), 20), // other line
        ],
      }),
    );
    expect(result.firingCount).toBe(1);
    expect(result.filtered).toEqual([
      expect.objectContaining({ condition: "shiftNames", label: "Shift is Early", count: 2 }),
      expect.objectContaining({ condition: "lineIds", label: "Line is Press line", count: 1 }),
    ]);
  });

  it("counts the work center's current stop as still going past its last stored piece", () => {
    const ongoing = { ...down(PRESS, TO - 20 * MIN, 8), ongoing: true };
    const ended = down(PRESS_2, TO - 20 * MIN, 8);
    const result = runDryRun(
      rule({ trigger: { kind: "STATE_DURATION", state: "DOWN", minutes: 10 }, actions: [taskForManager] }),
      history({ statePieces: [ongoing, ended] }),
    );
    expect(result.firings.map((firing) => [firing.subject, firing.at])).toEqual([["PRS-201", TO - 10 * MIN]]);
    expect(result.firings[0]?.why).toMatch(/still going/);
  });

  it("with unclassifiedOnly skips stops someone gave a reason", () => {
    const unclassified = rule({
      trigger: { kind: "STATE_DURATION", state: "DOWN", minutes: 10, unclassifiedOnly: true },
      actions: [taskForManager],
    });
    const result = runDryRun(
      unclassified,
      history({
        statePieces: [
          down(PRESS, Date.UTC(2026, 2, 10, 6, 0), 20, { reason: "HYDRAULIC" }),
          down(PRESS, Date.UTC(2026, 2, 10, 8, 0), 20),
        ],
      }),
    );
    expect(result.firings.map((firing) => firing.at)).toEqual([Date.UTC(2026, 2, 10, 8, 10)]);
    expect(result.notes.join(" ")).toMatch(/classified later/);
  });
});

describe("dry run of other triggers", () => {
  it("an andon rule fires on each andon call and renders the e-mail", () => {
    const andon = rule({
      trigger: {
        kind: "EVENT",
        eventKinds: ["operator.activity"],
        payloadMatches: [{ path: "type", equals: "ANDON_CALLED" }],
      },
      conditions: { timeWindow: { from: "06:00", to: "14:00" } },
      actions: [
        { kind: "EMAIL", to: ["shift-lead@example.test"], toRoles: ["MANAGER"], subject: "Andon at {workCenter}" },
      ],
    });
    expect(describeTrigger(andon.trigger)).toBe("Andon is called");
    const event = (id: string, at: number, type: string) => ({
      id,
      kind: "operator.activity",
      eventTime: at,
      workCenterId: CNC,
      payload: { type },
    });
    const result = runDryRun(
      andon,
      history({
        events: [
          event("1", Date.UTC(2026, 2, 10, 7, 0), "ANDON_CALLED"), // 08:00 local: fires
          event("2", Date.UTC(2026, 2, 10, 7, 5), "ISSUE_RAISED"), // not an andon: not a candidate
          event("3", Date.UTC(2026, 2, 9, 20, 0), "ANDON_CALLED"), // 21:00 local: outside the window
        ],
      }),
    );
    expect(result.candidateCount).toBe(2);
    expect(result.firings).toEqual([
      expect.objectContaining({
        summary: "CNC-101: Andon called",
        actions: [{ kind: "EMAIL", text: "E-mail to shift-lead@example.test, every Manager: Andon at CNC-101" }],
      }),
    ]);
    expect(result.filtered).toEqual([
      expect.objectContaining({ condition: "timeWindow", count: 1, example: "outside 06:00–14:00" }),
    ]);
  });

  it("a threshold rule fires on crossings, using the reading before the window", () => {
    const hot = rule({
      trigger: { kind: "METRIC_THRESHOLD", tag: "spindle_temp", direction: "ABOVE", threshold: 80 },
      actions: [{ kind: "CREATE_TASK", title: "{workCenter} spindle at {value}", assigneeRole: "OPERATOR" }],
    });
    const reading = (id: string, minutesAfterFrom: number, value: number) => ({
      id,
      kind: "telemetry",
      eventTime: FROM + minutesAfterFrom * MIN,
      workCenterId: CNC,
      payload: { tag: "spindle_temp", value, unit: "°C" },
    });
    const result = runDryRun(
      hot,
      history({
        // Already above before the window: the first reading inside is not a crossing.
        metricBefore: { [CNC]: { value: 85, at: FROM - 5 * MIN } },
        // After two silent hours the next reading beyond the limit counts as a crossing again.
        events: [
          reading("1", 10, 86),
          reading("2", 20, 70),
          reading("3", 30, 81.5),
          reading("4", 40, 90),
          reading("5", 200, 91),
        ],
      }),
    );
    expect(result.firings).toEqual([
      expect.objectContaining({ at: FROM + 200 * MIN }),
      expect.objectContaining({
        at: FROM + 30 * MIN,
        summary: "CNC-101: spindle_temp 81.5 °C, above 80",
        actions: [{ kind: "CREATE_TASK", text: "Task for Operator: CNC-101 spindle at 81.5" }],
      }),
    ]);
  });

  it("a schedule fires at its local times, once per named work center", () => {
    const morning = rule({
      trigger: { kind: "SCHEDULE", times: ["06:00"], weekdays: [1, 2, 3, 4, 5] },
      conditions: { workCenterIds: [PRESS] },
      actions: [{ kind: "START_CHECKLIST", templateId: TEMPLATE }],
    });
    const result = runDryRun(morning, history({ labels: { checklistTemplates: { [TEMPLATE]: "Start-up check" } } }));
    // Tuesday 06:00 Berlin = 05:00 UTC; Monday's 06:00 is before the window.
    expect(result.firings).toEqual([
      expect.objectContaining({
        at: Date.UTC(2026, 2, 10, 5, 0),
        localTime: "Tue 06:00",
        actions: [{ kind: "START_CHECKLIST", text: "Start checklist Start-up check at PRS-201" }],
      }),
    ]);
  });

  it("a checklist rule fires on failed steps of the watched templates, and can check the product", () => {
    const failed = rule({
      trigger: { kind: "CHECKLIST_FAILED", templateIds: [TEMPLATE] },
      conditions: { productIds: [PRODUCT] },
      actions: [{ kind: "CREATE_TASK", title: "{checklist}: {step} was {value}", assigneeRole: "MANAGER" }],
    });
    const failure = (runId: string, templateId: string, at: number) => ({
      runId,
      stepId: "torque",
      templateId,
      templateName: "Start-up check",
      workCenterId: PRESS,
      stepTitle: "Torque",
      valueText: "84.2 Nm",
      at,
    });
    const result = runDryRun(
      failed,
      history({
        orders: [{ workCenterId: PRESS, productId: PRODUCT, start: FROM, end: FROM + 10 * HOUR }],
        checklistFailures: [
          failure("r1", TEMPLATE, FROM + HOUR), // during the Bracket order: fires
          failure("r2", TEMPLATE, FROM + 12 * HOUR), // no order running: no product
          failure("r3", "00000000-0000-4000-8000-0000000000d2", FROM + HOUR), // another template
        ],
      }),
    );
    expect(result.candidateCount).toBe(2);
    expect(result.firings.map((firing) => firing.actions[0]?.text)).toEqual([
      "Task for Manager: Start-up check: Torque was 84.2 Nm",
    ]);
    expect(result.filtered).toEqual([
      expect.objectContaining({ condition: "productIds", count: 1, example: "no product known (needs Bracket)" }),
    ]);
  });

  it("an insight rule says it cannot be replayed instead of pretending nothing happened", () => {
    const insight = rule({ trigger: { kind: "INSIGHT_CREATED" }, actions: [taskForManager] });
    const result = runDryRun(insight, history());
    expect(result.firingCount).toBe(0);
    expect(result.notes.join(" ")).toMatch(/not replayed/);
  });
});

describe("mergeStatePieces", () => {
  it("joins adjacent pieces of one state per work center only", () => {
    const start = Date.UTC(2026, 2, 10, 6);
    const merged = mergeStatePieces([
      down(PRESS, start + 10 * MIN, 10),
      down(PRESS, start, 10),
      down(PRESS, start + 30 * MIN, 5),
      down(PRESS_2, start + 20 * MIN, 5),
    ]);
    expect(merged.map((stretch) => [stretch.workCenterId, stretch.start, stretch.end])).toEqual([
      [PRESS, start, start + 20 * MIN],
      [PRESS, start + 30 * MIN, start + 35 * MIN],
      [PRESS_2, start + 20 * MIN, start + 25 * MIN],
    ]);
  });
});
