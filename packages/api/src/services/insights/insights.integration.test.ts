import { storeInsightDrafts } from "@gemba/db/insights/store-insights";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExecutionTestPlant, type TExecutionTestPlant } from "../execution/testing/execution-test-plant";
import { workCenterDraft } from "./testing/insight-draft";

let db: TestDatabase;
let plant: TExecutionTestPlant;
let lineTwo: string;
let lathe: string;

const T0 = Date.parse("2026-11-10T08:00:00Z");
const HOUR = 3_600_000;

beforeAll(async () => {
  db = await createTestDatabase();
  plant = await createExecutionTestPlant(db, "Insights", "Europe/Berlin");
  lineTwo = await plant.addLine("LTH");
  lathe = await plant.addWorkCenter("LTH-01", lineTwo);
  const press = { workCenterId: plant.fixture.workCenterId, lineId: plant.fixture.lineId };
  const store = (now: number, drafts: Parameters<typeof storeInsightDrafts>[1]["drafts"]) =>
    plant.inTenant((tx) => storeInsightDrafts(tx, { tenantId: plant.tenantId, now, drafts }));
  // Found an hour apart, so "newest first" has one right answer.
  await store(T0, [workCenterDraft(press, { dedupeKey: "spc:press:1" })]);
  await store(T0 + HOUR, [
    workCenterDraft({ workCenterId: lathe, lineId: lineTwo }, { dedupeKey: "anomaly:lathe", kind: "ANOMALY" }),
  ]);
  await store(T0 + 2 * HOUR, [
    {
      ...workCenterDraft(press, { dedupeKey: "bottleneck:line1", kind: "BOTTLENECK" }),
      subject: { kind: "LINE", id: plant.fixture.lineId, workCenterId: null, lineId: plant.fixture.lineId },
      title: "The press constrains line 1",
    },
  ]);
  await store(T0 + 3 * HOUR, [workCenterDraft(press, { dedupeKey: "spc:press:2", title: "Scrap rate drifting up" })]);
});

afterAll(async () => {
  await db.drop();
});

const titlesOf = (list: { insights: { title: string }[] }) => list.insights.map((insight) => insight.title);

describe("the insights feed", () => {
  it("lists newest first, names the subjects and pages without repeats", async () => {
    const manager = await plant.caller("MANAGER");
    const all = await manager.insights.list({});
    expect(titlesOf(all)).toEqual([
      "Scrap rate drifting up",
      "The press constrains line 1",
      "Cycle time above the upper control limit",
      "Cycle time above the upper control limit",
    ]);
    expect(all.insights[1]?.subject).toMatchObject({ kind: "LINE", label: "Line 1" });
    expect(all.insights[2]?.subject.label).toBe(`LTH-01-${plant.tenantId.slice(0, 6)} · LTH-01`);

    const first = await manager.insights.list({ limit: 3 });
    expect(first.nextCursor).not.toBeNull();
    const second = await manager.insights.list({ limit: 3, cursor: first.nextCursor });
    expect([...first.insights, ...second.insights].map((insight) => insight.id)).toEqual(
      all.insights.map((insight) => insight.id),
    );
    expect(second.nextCursor).toBeNull();
  });

  it("filters by kind, line, work center and status", async () => {
    const manager = await plant.caller("MANAGER");
    expect(titlesOf(await manager.insights.list({ kind: "BOTTLENECK" }))).toEqual(["The press constrains line 1"]);
    expect((await manager.insights.list({ lineId: lineTwo })).insights.map((row) => row.kind)).toEqual(["ANOMALY"]);
    expect((await manager.insights.list({ workCenterId: plant.fixture.workCenterId })).insights).toHaveLength(2);
    expect((await manager.insights.list({ status: "DISMISSED" })).insights).toHaveLength(0);
  });

  it("is for managers and up: operators are refused", async () => {
    const operator = await plant.caller("OPERATOR");
    await expect(operator.insights.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    const manager = await plant.caller("MANAGER");
    await expect(manager.insights.detectorSettings()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(manager.insights.maintenanceModel()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("tells an admin why there is no maintenance model yet", async () => {
    const admin = await plant.caller("ADMIN");
    expect(await admin.insights.maintenanceModel()).toEqual({
      latest: null,
      missingBecause: expect.stringContaining("Needs at least 10 work-center days followed by a breakdown"),
    });
  });
});

describe("an insight's status", () => {
  it("goes new → acknowledged → dismissed with a reason, audited; a final status stays", async () => {
    const manager = await plant.caller("MANAGER");
    const [target] = (await manager.insights.list({ kind: "ANOMALY" })).insights;
    const insightId = target?.id ?? "";
    await manager.insights.setStatus({ insightId, status: "ACKNOWLEDGED" });
    await expect(manager.insights.setStatus({ insightId, status: "DISMISSED" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Say why it is dismissed: the detector learns from it.",
    });
    await manager.insights.setStatus({ insightId, status: "DISMISSED", dismissReason: "Sensor was recalibrated" });
    await expect(manager.insights.setStatus({ insightId, status: "ACTED_ON" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    const detail = await manager.insights.get({ insightId });
    expect(detail).toMatchObject({
      status: "DISMISSED",
      dismissReason: "Sensor was recalibrated",
      statusChangedBy: { name: "Insights MANAGER" },
    });
    expect((await manager.insights.list({ status: "DISMISSED" })).insights.map((row) => row.id)).toEqual([insightId]);
    const audit = await plant.inTenant((tx) =>
      tx.auditEntry.findMany({ where: { entityId: insightId }, orderBy: { id: "asc" }, select: { summary: true } }),
    );
    expect(audit.map((entry) => entry.summary)).toEqual([
      'Marked the insight "Cycle time above the upper control limit" as acknowledged',
      'Marked the insight "Cycle time above the upper control limit" as dismissed: Sensor was recalibrated',
    ]);
  });
});

describe("feedback", () => {
  it("re-weights the detector and, after enough 'not useful' votes, hides it from the feed", async () => {
    const manager = await plant.caller("MANAGER");
    const admin = await plant.caller("ADMIN");
    const spc = (await manager.insights.list({ kind: "SPC" })).insights.map((row) => row.id);
    expect(spc).toHaveLength(2);

    const first = await manager.insights.feedback({ insightId: spc[0] ?? "", useful: true });
    expect(first).toMatchObject({ votes: { useful: 1, notUseful: 0 }, suppressed: false });
    expect(first.weight).toBeCloseTo((2 * 3) / 5);
    // Answering again replaces my vote instead of adding one.
    const changed = await manager.insights.feedback({ insightId: spc[0] ?? "", useful: false });
    expect(changed.votes).toEqual({ useful: 0, notUseful: 1 });
    expect((await manager.insights.get({ insightId: spc[0] ?? "" })).myFeedback).toEqual({ useful: false, note: null });

    // A third SPC finding, so two people can cast five votes.
    await plant.inTenant((tx) =>
      storeInsightDrafts(tx, {
        tenantId: plant.tenantId,
        now: T0 + 4 * HOUR,
        drafts: [
          workCenterDraft(
            { workCenterId: plant.fixture.workCenterId, lineId: plant.fixture.lineId },
            { dedupeKey: "spc:press:3" },
          ),
        ],
      }),
    );
    const all = (await manager.insights.list({ kind: "SPC" })).insights.map((row) => row.id);
    await manager.insights.feedback({ insightId: all[0] ?? "", useful: false });
    await admin.insights.feedback({ insightId: all[0] ?? "", useful: false });
    await admin.insights.feedback({ insightId: all[1] ?? "", useful: false });
    const fifth = await admin.insights.feedback({ insightId: all[2] ?? "", useful: false, note: "Noise" });
    expect(fifth.votes).toEqual({ useful: 0, notUseful: 5 });
    expect(fifth.weight).toBeCloseTo(4 / 9);
    expect(fifth.suppressed).toBe(true);

    const feed = await manager.insights.list({});
    expect(feed.insights.map((row) => row.kind)).not.toContain("SPC");
    expect(feed.hiddenKinds).toEqual(["SPC"]);
    const everything = await manager.insights.list({ includeSuppressed: true, kind: "SPC" });
    expect(everything.insights.every((row) => row.suppressed)).toBe(true);
    expect(everything.insights).toHaveLength(3);

    const settings = await admin.insights.detectorSettings();
    expect(settings.find((setting) => setting.kind === "SPC")).toMatchObject({ suppressed: true, shown: false });
    const stored = await plant.inTenant((tx) => tx.detectorSetting.findFirst({ where: { kind: "SPC" } }));
    expect(stored?.weight).toBeCloseTo(4 / 9);
  });

  it("lets an admin switch a detector off, audited, which hides its insights", async () => {
    const admin = await plant.caller("ADMIN");
    const standing = await admin.insights.setDetectorSetting({ kind: "BOTTLENECK", enabled: false });
    expect(standing).toMatchObject({ enabled: false, shown: false, weight: 1 });
    const feed = await admin.insights.list({});
    expect(feed.insights.map((row) => row.kind)).toEqual(["ANOMALY"]);
    expect(feed.hiddenKinds.sort()).toEqual(["BOTTLENECK", "SPC"]);
    await admin.insights.setDetectorSetting({ kind: "BOTTLENECK", enabled: true });
    const audit = await plant.inTenant((tx) =>
      tx.auditEntry.findMany({ where: { entityType: "DetectorSetting" }, select: { summary: true } }),
    );
    expect(audit.map((entry) => entry.summary)).toEqual([
      "Switched off the bottleneck detector",
      "Switched on the bottleneck detector",
    ]);
  });
});

describe("decisions about an insight", () => {
  it("links the insight, captures the line's context and shows in the insight's detail and why", async () => {
    const manager = await plant.caller("MANAGER");
    const [bottleneck] = (await manager.insights.list({ kind: "BOTTLENECK" })).insights;
    const insightId = bottleneck?.id ?? "";
    const logged = await manager.decisions.log({
      title: "Add a second press shift",
      rationale: "The press is the line's constraint most of the week.",
      options: [{ label: "Second shift", chosen: true }],
      expectedOutcome: "Line 1 output up 10 %",
      situation: { kind: "INSIGHT", insightId },
    });
    const decision = await manager.decisions.get({ decisionId: logged.decisionId });
    expect(decision.situation).toMatchObject({
      kind: "INSIGHT",
      ref: insightId,
      label: "Insight (Bottleneck): The press constrains line 1",
    });
    expect(decision.links[0]?.target).toEqual({ kind: "INSIGHT", insightId });
    expect(decision.contextSnapshot?.scope).toEqual({ kind: "LINE", label: "Line 1" });

    const detail = await manager.insights.get({ insightId });
    expect(detail.decisions).toMatchObject([{ id: logged.decisionId, title: "Add a second press shift" }]);

    const why = await manager.decisions.why({ subject: "INSIGHT", insightId });
    expect(why.subject).toMatchObject({ kind: "INSIGHT", ref: { type: "insight", id: insightId } });
    expect(why.items.some((item) => item.ref?.type === "decision" && item.ref.id === logged.decisionId)).toBe(true);
  });

  it("refuses an insight id that is not in the plant", async () => {
    const manager = await plant.caller("MANAGER");
    await expect(
      manager.decisions.log({
        title: "About nothing",
        rationale: "Probe",
        options: [{ label: "Do it", chosen: true }],
        expectedOutcome: "Nothing",
        situation: { kind: "INSIGHT", insightId: "00000000-0000-4000-8000-000000000000" },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
