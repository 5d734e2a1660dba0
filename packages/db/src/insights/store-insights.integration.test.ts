import type { TInsightDraft } from "@gemba/domain/insights/insight";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../tenant-scope";
import { createTenantFixture, type TenantFixture } from "../testing/fixtures";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { storeInsightDrafts } from "./store-insights";

let db: TestDatabase;
let plant: TenantFixture;
let other: TenantFixture;
const HOUR = 3_600_000;
const NOW = Date.parse("2026-11-20T10:00:00Z");

beforeAll(async () => {
  db = await createTestDatabase();
  plant = await createTenantFixture(db, "Insights");
  other = await createTenantFixture(db, "Elsewhere");
});

afterAll(async () => {
  await db?.drop();
});

function draft(overrides: Partial<TInsightDraft> & { dedupeKey: string }): TInsightDraft {
  return {
    kind: "SPC",
    subject: { kind: "WORK_CENTER", id: plant.workCenterId, workCenterId: plant.workCenterId, lineId: plant.lineId },
    title: "Cycle time above the upper control limit",
    explanation: "The last point, 41.2 s, is above the upper control limit of 39.0 s.",
    recommendation: "Check the tool for wear before the next order.",
    evidence: { figures: [{ label: "Upper control limit", value: 39, unit: "s" }], chart: null },
    confidence: 0.8,
    spanStart: NOW - 2 * HOUR,
    spanEnd: NOW - HOUR,
    ...overrides,
  };
}

const store = (tenantId: string, drafts: TInsightDraft[], now = NOW) =>
  withTenant(db.app.prisma, tenantId, (tx) => storeInsightDrafts(tx, { tenantId, now, drafts }));

const insightsOf = (tenantId: string) =>
  withTenant(db.app.prisma, tenantId, (tx) => tx.insight.findMany({ orderBy: { detectedAt: "asc" } }));

const signalsOf = (tenantId: string) =>
  withTenant(db.app.prisma, tenantId, (tx) => tx.automationSignal.findMany({ where: { kind: "insight.created" } }));

describe("storing detector findings", () => {
  it("stores a new finding once, signals it to the rules engine, and refreshes it when seen again", async () => {
    const first = await store(plant.tenantId, [draft({ dedupeKey: "spc:once" })]);
    expect(first).toMatchObject({ updated: 0, disabled: 0, suppressed: 0 });
    expect(first.created).toHaveLength(1);
    expect(first.signalIds).toHaveLength(1);

    // The same finding on the next pass: later end, new figures, an earlier start is kept.
    const again = await store(
      plant.tenantId,
      [
        draft({
          dedupeKey: "spc:once",
          explanation: "Three of the last four points are above 2σ.",
          spanStart: NOW - HOUR,
          spanEnd: NOW,
        }),
      ],
      NOW + HOUR,
    );
    expect(again).toMatchObject({ created: [], updated: 1, signalIds: [] });

    const rows = (await insightsOf(plant.tenantId)).filter((row) => row.dedupeKey === "spc:once");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: "NEW",
      explanation: "Three of the last four points are above 2σ.",
      spanStart: new Date(NOW - 2 * HOUR),
      spanEnd: new Date(NOW),
    });
    const signals = await signalsOf(plant.tenantId);
    expect(signals.map((signal) => signal.payload)).toContainEqual({
      insightId: rows[0]?.id,
      insightKind: "SPC",
      workCenterId: plant.workCenterId,
      title: "Cycle time above the upper control limit",
    });
  });

  it("keeps what people decided when a finding is seen again", async () => {
    const { created } = await store(plant.tenantId, [draft({ dedupeKey: "spc:dismissed" })]);
    const id = created[0]?.id ?? "";
    await withTenant(db.app.prisma, plant.tenantId, (tx) =>
      tx.insight.update({
        where: { tenantId_id: { tenantId: plant.tenantId, id } },
        data: { status: "DISMISSED", dismissReason: "Known: trial material this week" },
      }),
    );
    await store(plant.tenantId, [draft({ dedupeKey: "spc:dismissed", spanEnd: NOW + HOUR })]);
    const row = (await insightsOf(plant.tenantId)).find((insight) => insight.id === id);
    expect(row).toMatchObject({ status: "DISMISSED", dismissReason: "Known: trial material this week" });
  });

  it("skips a detector the tenant switched off, in that tenant only", async () => {
    await withTenant(db.app.prisma, plant.tenantId, (tx) =>
      tx.detectorSetting.create({ data: { tenantId: plant.tenantId, kind: "LATE_ORDER", enabled: false } }),
    );
    const late = (tenant: TenantFixture) =>
      draft({
        kind: "LATE_ORDER",
        dedupeKey: "late:order",
        subject: { kind: "ORDER", id: tenant.orderId, workCenterId: tenant.workCenterId, lineId: tenant.lineId },
      });
    expect(await store(plant.tenantId, [late(plant)])).toMatchObject({ created: [], disabled: 1 });
    expect((await store(other.tenantId, [late(other)])).created).toHaveLength(1);
  });

  it("weights confidence by people's votes and stops signalling a detector voted down", async () => {
    const { created } = await store(plant.tenantId, [
      draft({ kind: "ANOMALY", dedupeKey: "anomaly:voted", confidence: 0.9 }),
    ]);
    const votedId = created[0]?.id ?? "";
    const voters = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        db.app.prisma.user.create({
          data: { email: `voter-${index}-${votedId.slice(0, 8)}@example.test`, name: `Voter ${index}` },
          select: { id: true },
        }),
      ),
    );
    await withTenant(db.app.prisma, plant.tenantId, (tx) =>
      tx.insightFeedback.createMany({
        data: voters.map((voter) => ({
          tenantId: plant.tenantId,
          insightId: votedId,
          userId: voter.id,
          useful: false,
        })),
      }),
    );

    const next = await store(plant.tenantId, [draft({ kind: "ANOMALY", dedupeKey: "anomaly:next", confidence: 0.9 })]);
    expect(next).toMatchObject({ suppressed: 1, signalIds: [] });
    const stored = (await insightsOf(plant.tenantId)).find((row) => row.dedupeKey === "anomaly:next");
    // Weight 2 × (0 + 2) / (6 + 4) = 0.4: still stored, to be looked at, with the lowered confidence.
    expect(stored?.confidence).toBeCloseTo(0.36, 5);
  });

  it("refuses a malformed draft with the detector's mistake in the message", async () => {
    await expect(store(plant.tenantId, [draft({ dedupeKey: "bad", confidence: 1.5 })])).rejects.toThrow(/confidence/);
  });
});
