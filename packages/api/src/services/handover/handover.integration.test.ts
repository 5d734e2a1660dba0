import { draftDueHandovers } from "@gemba/db/handover/draft-due-handovers";
import { draftHandover } from "@gemba/db/handover/draft-handover";
import { loadSiteShifts } from "@gemba/db/handover/site-shifts";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createHandoverTestPlant,
  SHIFT_END,
  SHIFT_START,
  type THandoverTestPlant,
} from "./testing/handover-test-plant";

let db: TestDatabase;
let plant: THandoverTestPlant;
let handoverId: string;

const MIN = 60_000;

beforeAll(async () => {
  db = await createTestDatabase();
  plant = await createHandoverTestPlant(db, "Handover");
});

afterAll(async () => {
  await db.drop();
});

/** Good units counted late into one of the lathe's buckets (a re-derivation after late events). */
const addUnits = (bucketStart: string, units: number) =>
  plant.inTenant((tx) =>
    tx.workCenterBucket.update({
      where: {
        tenantId_workCenterId_bucketStart: {
          tenantId: plant.tenantId,
          workCenterId: plant.lathe,
          bucketStart: new Date(bucketStart),
        },
      },
      data: { totalCount: { increment: units }, goodCount: { increment: units } },
    }),
  );

const code = (prefix: string) => `${prefix}-${plant.tenantId.slice(0, 6)}`;

describe("drafting when a shift ends", () => {
  it("finds the shift in the site calendar and drafts it once, from the worker's directory", async () => {
    const now = SHIFT_END + 10 * MIN;
    const shifts = await plant.inTenant((tx) =>
      loadSiteShifts(tx, { siteId: plant.fixture.siteId, timeZone: "Europe/Berlin" }, now - 2 * 3_600_000, now),
    );
    expect(shifts.map((shift) => [shift.key, shift.start, shift.end])).toEqual([
      ["2026-11-02|Early", SHIFT_START, SHIFT_END],
    ]);

    expect(await draftDueHandovers(db.app, SHIFT_END - MIN)).toMatchObject({ created: 0, failures: [] });
    expect(await draftDueHandovers(db.app, now)).toMatchObject({ sites: 1, created: 1, refreshed: 0, failures: [] });
    expect(await draftDueHandovers(db.app, now + MIN)).toMatchObject({ created: 0, refreshed: 0 });

    const operator = await plant.caller("OPERATOR");
    const current = await operator.handover.current({});
    expect(current.handover).toMatchObject({ shiftName: "Early", status: "DRAFT", notes: "" });
    expect(current.handover?.shiftStart.getTime()).toBe(SHIFT_START);
    handoverId = current.handover?.id ?? "";
  });

  it("sums OEE and the six big losses per line and for the site over the shift only", async () => {
    const { summary } = await (await plant.caller("OPERATOR")).handover.get({ handoverId });
    expect(summary.coveredUntil).toBe(new Date(SHIFT_END).toISOString());
    const site = summary.oee.site;
    expect(site).toMatchObject({ plannedMinutes: 960, runMinutes: 900, totalCount: 880, goodCount: 860 });
    expect(site.availability).toBeCloseTo(900 / 960, 6);
    expect(site.performance).toBeCloseTo(880 / 900, 6);
    expect(site.quality).toBeCloseTo(860 / 880, 6);
    expect(site.oee).toBeCloseTo(860 / 960, 6);
    expect(site.lossMinutes).toMatchObject({ EQUIPMENT_FAILURE: 60, REDUCED_SPEED: 20, MINOR_STOPS: 0, UNKNOWN: 0 });

    const [lineOne, lineTwo] = summary.oee.lines;
    // Line 1 is the golden case of DESIGN.md: 79.2 %.
    expect(lineOne).toMatchObject({ name: "Line 1", plannedMinutes: 480, runMinutes: 420, goodCount: 380 });
    expect(lineOne?.oee).toBeCloseTo(0.7917, 4);
    expect(lineTwo).toMatchObject({ name: "L2", plannedMinutes: 480 });
    expect(lineTwo?.oee).toBeCloseTo(1, 6);
  });

  it("lists the top downtimes, the orders that progressed, open tasks, decisions and unclassified stops", async () => {
    const { summary } = await (await plant.caller("OPERATOR")).handover.get({ handoverId });
    expect(summary.topDowntimes.map((row) => [row.workCenterCode, row.reasonLabel, row.minutes, row.count])).toEqual([
      [code("PRS"), "Mechanical failure", 55, 2],
      [code("PRS"), "Unclassified", 50, 2],
      [code("LTH"), "Changeover / setup", 15, 1],
    ]);

    expect(
      summary.orders.map((order) => [
        order.externalId,
        order.producedGoodInShift,
        order.producedGood,
        order.progress,
        order.late,
        order.atRisk,
      ]),
    ).toEqual([
      ["4712-Handover", 60, 60, 0.12, true, false],
      // Projected when drafted (13:10 that day, at the pace of its last two hours): on time.
      ["4711-Handover", 380, 530, 0.53, false, false],
    ]);

    expect(summary.tasks).toMatchObject({ openCount: 2, urgentCount: 1, overdueCount: 1 });
    expect(summary.tasks.top.map((task) => [task.title, task.workCenterCode, task.overdue])).toEqual([
      ["Replace the pump seal", code("PRS"), true],
      ["Refill the coolant store", null, false],
    ]);

    expect(summary.decisions).toEqual([
      expect.objectContaining({
        decisionId: plant.decisionId,
        title: "Run order 4711 at reduced speed",
        decidedBy: "Handover OPERATOR",
        workCenterCode: code("PRS"),
      }),
    ]);

    expect(
      summary.unclassifiedDowntimes.map((stop) => [stop.workCenterCode, stop.since, stop.minutes, stop.ongoing]),
    ).toEqual([
      [code("PRS"), "2026-11-02T12:40:00.000Z", 50, true],
      [code("PRS"), "2026-11-02T08:00:00.000Z", 30, false],
    ]);
  });
});

describe("the lead's notes, signing and acknowledging", () => {
  it("keeps the lead's notes when the draft is drafted again with fresh figures", async () => {
    const lead = await plant.caller("OPERATOR");
    const saved = await lead.handover.updateNotes({ handoverId, notes: "Die set 14 is cracked — use set 15.\n" });
    expect(saved.notes).toBe("Die set 14 is cracked — use set 15.\n");

    await addUnits("2026-11-02T12:45:00Z", 20);
    const redrafted = await plant.inTenant((tx) =>
      draftHandover(tx, {
        tenantId: plant.tenantId,
        siteId: plant.fixture.siteId,
        shift: { key: "2026-11-02|Early", name: "Early", start: SHIFT_START, end: SHIFT_END },
        now: SHIFT_END + 20 * MIN,
      }),
    );
    expect(redrafted).toEqual({ handoverId, outcome: "refreshed", status: "DRAFT" });

    const view = await lead.handover.get({ handoverId });
    expect(view.notes).toBe("Die set 14 is cracked — use set 15.\n");
    expect(view.summary.oee.site.goodCount).toBe(880);
    expect(view.summary.draftedAt).toBe(new Date(SHIFT_END + 20 * MIN).toISOString());
  });

  it("signs: the figures are frozen and the notes final", async () => {
    const lead = await plant.caller("OPERATOR");
    const signed = await lead.handover.sign({ handoverId });
    expect(signed).toMatchObject({ status: "SIGNED", signedBy: { name: "Handover OPERATOR" } });
    expect(signed.viewer).toMatchObject({
      canEditNotes: false,
      canSign: false,
      canAcknowledge: false,
      signedByMe: true,
    });

    await expect(lead.handover.updateNotes({ handoverId, notes: "too late" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/already signed/),
    });
    await expect(lead.handover.sign({ handoverId })).rejects.toMatchObject({ code: "CONFLICT" });

    await addUnits("2026-11-02T12:30:00Z", 500);
    const kept = await plant.inTenant((tx) =>
      draftHandover(tx, {
        tenantId: plant.tenantId,
        siteId: plant.fixture.siteId,
        shift: { key: "2026-11-02|Early", name: "Early", start: SHIFT_START, end: SHIFT_END },
        now: SHIFT_END + 30 * MIN,
      }),
    );
    expect(kept).toEqual({ handoverId, outcome: "kept", status: "SIGNED" });
    const after = await lead.handover.get({ handoverId });
    expect(after.summary).toEqual(signed.summary);
    expect(after.summary.oee.site.goodCount).toBe(880);

    const audit = await plant.inTenant((tx) =>
      tx.auditEntry.findFirst({ where: { action: "handover.sign", entityId: handoverId }, select: { summary: true } }),
    );
    expect(audit?.summary).toBe("Signed the handover of the Early shift of Nov 2, 06:00 at Handover Site");
  });

  it("refuses the signer's own acknowledgement with a clear message, and takes the next lead's", async () => {
    const lead = await plant.caller("OPERATOR");
    await expect(lead.handover.acknowledge({ handoverId })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message:
        "You signed this handover, so you cannot acknowledge it too: someone taking over the next shift acknowledges it.",
    });

    const next = await plant.caller("MANAGER");
    expect((await next.handover.get({ handoverId })).viewer.canAcknowledge).toBe(true);
    const acknowledged = await next.handover.acknowledge({ handoverId, note: "Spare die ordered for Tuesday." });
    expect(acknowledged).toMatchObject({
      status: "ACKNOWLEDGED",
      acknowledgedBy: { name: "Handover MANAGER" },
      acknowledgeNote: "Spare die ordered for Tuesday.",
    });
    // Sent twice from a tablet: the same acknowledgement.
    expect((await next.handover.acknowledge({ handoverId })).acknowledgedAt).toEqual(acknowledged.acknowledgedAt);
    await expect((await plant.caller("ADMIN")).handover.acknowledge({ handoverId })).rejects.toMatchObject({
      code: "CONFLICT",
    });

    const audit = await plant.inTenant((tx) =>
      tx.auditEntry.findMany({ where: { entityId: handoverId }, orderBy: { id: "asc" }, select: { action: true } }),
    );
    expect(audit.map((entry) => entry.action)).toEqual(["handover.sign", "handover.acknowledge"]);
  });

  it("refuses to acknowledge a draft", async () => {
    const draft = await plant.inTenant((tx) =>
      draftHandover(tx, {
        tenantId: plant.tenantId,
        siteId: plant.fixture.siteId,
        shift: { key: "2026-11-03|Early", name: "Early", start: SHIFT_START + 86_400_000, end: SHIFT_END + 86_400_000 },
        now: SHIFT_START + 86_400_000 + 60 * MIN,
      }),
    );
    expect(draft.outcome).toBe("created");
    await expect(
      (await plant.caller("MANAGER")).handover.acknowledge({ handoverId: draft.handoverId }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/not signed yet/) });
    // Drafted while the shift ran: the worker drafts it again once the shift is over.
    const view = await (await plant.caller("OPERATOR")).handover.get({ handoverId: draft.handoverId });
    expect(view.summary.coveredUntil).toBe(new Date(SHIFT_START + 86_400_000 + 60 * MIN).toISOString());
    expect(await draftDueHandovers(db.app, SHIFT_END + 86_400_000 + 5 * MIN)).toMatchObject({
      created: 0,
      refreshed: 1,
    });
  });
});

describe("history", () => {
  it("finds a handover by a word of its notes, of the incoming lead's note, or of the report", async () => {
    const reader = await plant.caller("OPERATOR");
    const byNotes = await reader.handover.list({ q: "CRACKED" });
    expect(byNotes.handovers.map((row) => row.id)).toEqual([handoverId]);
    expect(byNotes.handovers[0]?.excerpt).toContain("Die set 14 is cracked");
    // As signed: 20 units were counted late, before the signature (see above).
    expect(byNotes.handovers[0]?.oee).toBeCloseTo((900 / 960) * (880 / 900) * (880 / 900), 6);
    expect((await reader.handover.list({ q: "spare die" })).handovers.map((row) => row.id)).toEqual([handoverId]);
    expect((await reader.handover.list({ q: "pump seal" })).handovers.length).toBeGreaterThanOrEqual(1);
    expect((await reader.handover.list({ q: "tractor" })).handovers).toEqual([]);
  });

  it("filters by status, shift name and the local dates, newest first, one page at a time", async () => {
    const reader = await plant.caller("OPERATOR");
    const all = await reader.handover.list({});
    expect(all.handovers.map((row) => row.shiftStart.toISOString())).toEqual([
      "2026-11-03T05:00:00.000Z",
      "2026-11-02T05:00:00.000Z",
    ]);
    expect(all.shiftNames).toEqual(["Early"]);
    expect((await reader.handover.list({ status: "ACKNOWLEDGED" })).handovers.map((row) => row.id)).toEqual([
      handoverId,
    ]);
    expect((await reader.handover.list({ shiftName: "late" })).handovers).toEqual([]);
    expect(
      (await reader.handover.list({ from: "2026-11-02", to: "2026-11-02" })).handovers.map((row) => row.id),
    ).toEqual([handoverId]);

    const first = await reader.handover.list({ limit: 1 });
    expect(first.nextCursor).not.toBeNull();
    const second = await reader.handover.list({ limit: 1, cursor: first.nextCursor ?? "" });
    expect(second.handovers.map((row) => row.id)).toEqual([handoverId]);
    expect(second.nextCursor).toBeNull();
  });
});

describe("draft now", () => {
  it("drafts the running or last shift of the real clock, and drafts it again when asked again", async () => {
    const lead = await plant.caller("OPERATOR");
    const first = await lead.handover.draftNow({});
    expect(first.status).toBe("DRAFT");
    const current = await lead.handover.current({});
    expect(current.handover?.id).toBe(first.handoverId);
    expect(current.draftable).toMatchObject({ name: "Early", handoverId: first.handoverId });
    expect((await lead.handover.draftNow({})).outcome).toBe(first.outcome === "kept" ? "kept" : "refreshed");
  });
});
