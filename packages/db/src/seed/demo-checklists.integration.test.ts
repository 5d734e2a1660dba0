import { readStoredSteps } from "@gemba/domain/checklists/checklist-steps";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../tenant-scope";
import { createTenantFixture, type TenantFixture } from "../testing/fixtures";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { seedDemoChecklists } from "./demo-checklists";

// A Thursday afternoon in Chicago: the six days before hold four weekdays and a weekend.
const NOW = new Date("2026-11-19T21:20:00Z");

let db: TestDatabase;
let plant: TenantFixture;

beforeAll(async () => {
  db = await createTestDatabase();
  plant = await createTenantFixture(db, "Stamping");
});

afterAll(async () => {
  await db.drop();
});

const inPlant = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(db.app.prisma, plant.tenantId, work);

describe("demo checklists", () => {
  it("does nothing in a plant without the stamping line", async () => {
    const result = await inPlant((tx) =>
      seedDemoChecklists(tx, { tenantId: plant.tenantId, now: NOW, managerId: null, operatorId: null }),
    );
    expect(result).toEqual({ templates: 0, runs: 0 });
  });

  it("seeds two valid templates and a week of press runs, one of them with a hot die and a failed first part", async () => {
    const operatorId = plant.users.OPERATOR.userId;
    const auditBefore = await inPlant((tx) => tx.auditEntry.count());
    await inPlant(async (tx) => {
      const line = await tx.line.create({
        data: { tenantId: plant.tenantId, areaId: plant.areaId, code: "STP1", name: "Stamping Line" },
        select: { id: true },
      });
      await tx.workCenter.createMany({
        data: ["PRS-201", "PRS-202", "PRS-203"].map((code, index) => ({
          tenantId: plant.tenantId,
          lineId: line.id,
          code,
          name: "Press",
          sequence: index + 1,
        })),
      });
    });
    const result = await inPlant((tx) =>
      seedDemoChecklists(tx, { tenantId: plant.tenantId, now: NOW, managerId: plant.users.MANAGER.userId, operatorId }),
    );
    // Days 1–6 before a Thursday: Wed, Tue, Mon (weekend skipped), Fri, so 4 days × 2 presses, the v1 run 10 days
    // before (a Monday), and today's run in progress.
    expect(result).toEqual({ templates: 2, runs: 10 });

    const seeded = await inPlant(async (tx) => ({
      templates: await tx.checklistTemplate.findMany({
        orderBy: { name: "asc" },
        select: {
          name: true,
          currentVersion: true,
          lineId: true,
          versions: { select: { version: true, steps: true } },
        },
      }),
      runs: await tx.checklistRun.findMany({
        orderBy: { startedAt: "asc" },
        select: {
          version: true,
          status: true,
          failedSteps: true,
          signedOffById: true,
          workCenter: { select: { code: true } },
          results: { select: { stepId: true, outOfLimit: true, failed: true } },
        },
      }),
      signals: await tx.automationSignal.count(),
      audit: await tx.auditEntry.count(),
    }));
    expect(
      seeded.templates.map((template) => [template.name, template.currentVersion, template.lineId !== null]),
    ).toEqual([
      ["Changeover checklist", 1, false],
      ["Press start-up check", 2, true],
    ]);
    for (const template of seeded.templates) {
      for (const version of template.versions) expect(readStoredSteps(version.steps).length).toBeGreaterThan(0);
    }
    expect(seeded.runs[0]).toMatchObject({ version: 1, status: "COMPLETED", failedSteps: 0 });
    expect(seeded.runs.slice(1).every((run) => run.version === 2)).toBe(true);
    const flagged = seeded.runs.filter((run) => run.failedSteps > 0);
    expect(flagged).toEqual([
      expect.objectContaining({
        workCenter: { code: "PRS-202" },
        failedSteps: 2,
        results: expect.arrayContaining([
          { stepId: "die-temp", outOfLimit: true, failed: false },
          { stepId: "first-part", outOfLimit: false, failed: true },
        ]),
      }),
    ]);
    const open = seeded.runs.filter((run) => run.status === "IN_PROGRESS");
    expect(open).toEqual([expect.objectContaining({ workCenter: { code: "PRS-203" }, signedOffById: null })]);
    expect(
      seeded.runs.filter((run) => run.status === "COMPLETED").every((run) => run.signedOffById === operatorId),
    ).toBe(true);
    // History, not live activity: no rule may fire on it, and the audit trail is the seed's alone.
    expect(seeded.signals).toBe(0);
    expect(seeded.audit).toBe(auditBefore);
  });
});
