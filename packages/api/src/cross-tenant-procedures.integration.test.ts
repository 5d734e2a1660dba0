import { randomBytes } from "node:crypto";
import { createUserSession } from "@gemba/auth/sessions";
import { draftHandover } from "@gemba/db/handover/draft-handover";
import { storeInsightDrafts } from "@gemba/db/insights/store-insights";
import { withTenant } from "@gemba/db/tenant-scope";
import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { appRouter, createCaller } from "./root";
import { workCenterDraft } from "./services/insights/testing/insight-draft";
import { createInvitationToken } from "./services/invitations/invitation-token";
import { isIdField, sampleInput } from "./testing/sample-input";
import { createTestPlatform, type TestPlatform } from "./testing/test-platform";

type AnyProcedure = { _def: { type: "query" | "mutation" | "subscription"; inputs: z.ZodType[] } };

let db: TestDatabase;
let tenantA: TenantFixture;
let tenantB: TenantFixture;
let foreignIds: Record<string, string>;
let foreignStrings: string[];
let ownIds: Record<string, string>;
let platform: TestPlatform;

beforeAll(async () => {
  db = await createTestDatabase();
  platform = createTestPlatform();
  tenantA = await createTenantFixture(db, "Alpha");
  tenantB = await createTenantFixture(db, "Beta");
  const connectorOf = (tenantId: string) =>
    withTenant(db.app.prisma, tenantId, async (tx) => {
      const connector = await tx.connector.create({
        data: {
          tenantId,
          kind: "MTCONNECT",
          name: "Agent",
          config: { agentUrl: "http://127.0.0.1:9/", devices: [], pollIntervalSeconds: 5, sampleCount: 100 },
        },
        select: { id: true },
      });
      const letter = await tx.deadLetter.create({
        data: {
          tenantId,
          connectorId: connector.id,
          sourceId: connector.id,
          batchId: "probe",
          position: 0,
          stage: "validation",
          reason: "probe",
          payload: { kind: "probe" },
        },
        select: { id: true },
      });
      return { connectorId: connector.id, deadLetterId: letter.id.toString() };
    });
  const connectorOfB = await connectorOf(tenantB.tenantId);
  const connectorOfA = await connectorOf(tenantA.tenantId);
  const invitationOfB = await withTenant(db.app.prisma, tenantB.tenantId, (tx) =>
    tx.invitation.create({
      data: {
        tenantId: tenantB.tenantId,
        email: "pending@beta.example.test",
        name: "Pending Person",
        role: "OPERATOR",
        tokenHash: createInvitationToken(tenantB.tenantId).tokenHash,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
      select: { id: true },
    }),
  );
  const sessionOfB = await createUserSession(db.app.prisma, { userId: tenantB.users.ADMIN.userId });
  const newestAuditOfB = await withTenant(db.app.prisma, tenantB.tenantId, (tx) =>
    tx.auditEntry.findFirstOrThrow({ orderBy: { id: "desc" }, select: { id: true } }),
  );
  const reasonCategoryOf = (tenantId: string) =>
    withTenant(db.app.prisma, tenantId, (tx) =>
      tx.reasonCategory.create({ data: { tenantId, name: "Probe" }, select: { id: true } }),
    );
  const categoryOfB = await reasonCategoryOf(tenantB.tenantId);
  const categoryOfA = await reasonCategoryOf(tenantA.tenantId);
  const calendarOf = (tenantId: string, siteId: string) =>
    withTenant(db.app.prisma, tenantId, async (tx) => {
      const pattern = await tx.shiftPattern.create({
        data: { tenantId, siteId, name: "Probe", validFrom: new Date("2026-01-05T00:00:00Z") },
        select: { id: true },
      });
      const shift = await tx.shift.create({
        data: { tenantId, patternId: pattern.id, name: "Early", weekdays: [1], startMinute: 360, durationMinutes: 480 },
        select: { id: true },
      });
      const period = await tx.noShiftPeriod.create({
        data: { tenantId, siteId, kind: "HOLIDAY", reason: "Probe", startsAt: new Date(), endsAt: new Date() },
        select: { id: true },
      });
      return { patternId: pattern.id, shiftId: shift.id, periodId: period.id };
    });
  const calendarOfB = await calendarOf(tenantB.tenantId, tenantB.siteId);
  const calendarOfA = await calendarOf(tenantA.tenantId, tenantA.siteId);
  const decisionOf = (tenant: TenantFixture) =>
    withTenant(db.app.prisma, tenant.tenantId, async (tx) => {
      const decision = await tx.decision.create({
        data: {
          tenantId: tenant.tenantId,
          title: "Probe decision",
          rationale: "Probe",
          expectedOutcome: "Probe",
          decidedById: tenant.users.MANAGER.userId,
        },
        select: { id: true },
      });
      const task = await tx.task.create({
        data: { tenantId: tenant.tenantId, title: "Probe task", source: "manual" },
        select: { id: true },
      });
      return { decisionId: decision.id, taskId: task.id };
    });
  const decisionOfB = await decisionOf(tenantB);
  const decisionOfA = await decisionOf(tenantA);
  // A rule with a run and a failed e-mail, and a webhook endpoint.
  const automationOf = (tenant: TenantFixture) =>
    withTenant(db.app.prisma, tenant.tenantId, async (tx) => {
      const rule = await tx.rule.create({
        data: {
          tenantId: tenant.tenantId,
          name: "Probe rule",
          triggerKind: "STATE_DURATION",
          definition: {
            trigger: { kind: "STATE_DURATION", state: "DOWN", minutes: 10, unclassifiedOnly: false },
            actions: [{ kind: "CREATE_TASK", title: "Probe", assigneeRole: "MANAGER" }],
          },
        },
        select: { id: true },
      });
      const notification = await tx.notification.create({
        data: {
          tenantId: tenant.tenantId,
          channel: "EMAIL",
          target: "probe@example.test",
          subject: "Probe",
          body: {},
          idempotencyKey: "probe",
          status: "FAILED",
        },
        select: { id: true },
      });
      const endpoint = await tx.webhookEndpoint.create({
        data: { tenantId: tenant.tenantId, name: "Probe", url: "https://probe.example.test/", secretCiphertext: "x" },
        select: { id: true },
      });
      const signal = await tx.automationSignal.create({
        data: {
          tenantId: tenant.tenantId,
          kind: "events",
          key: "probe",
          payload: {},
          occurredAt: new Date(),
          attempts: 10,
          lastError: "probe",
          processedAt: new Date(),
        },
        select: { id: true },
      });
      return {
        ruleId: rule.id,
        notificationId: notification.id,
        endpointId: endpoint.id,
        signalId: signal.id.toString(),
      };
    });
  const automationOfB = await automationOf(tenantB);
  const automationOfA = await automationOf(tenantA);
  // A drafted handover of the probe calendar's Monday shift.
  const handoverOf = (tenant: TenantFixture) =>
    withTenant(db.app.prisma, tenant.tenantId, (tx) =>
      draftHandover(tx, {
        tenantId: tenant.tenantId,
        siteId: tenant.siteId,
        shift: {
          key: "2026-01-05|Early",
          name: "Early",
          start: Date.parse("2026-01-05T05:00:00Z"),
          end: Date.parse("2026-01-05T13:00:00Z"),
        },
        now: Date.parse("2026-01-05T13:05:00Z"),
      }),
    );
  const handoverOfB = await handoverOf(tenantB);
  const handoverOfA = await handoverOf(tenantA);
  // A checklist with one version, a run of it, and an uploaded image.
  const checklistOf = (tenant: TenantFixture) =>
    withTenant(db.app.prisma, tenant.tenantId, async (tx) => {
      const template = await tx.checklistTemplate.create({
        data: { tenantId: tenant.tenantId, name: "Probe checklist" },
        select: { id: true },
      });
      await tx.checklistTemplateVersion.create({
        data: { tenantId: tenant.tenantId, templateId: template.id, version: 1, steps: probeChecklistSteps },
      });
      const run = await tx.checklistRun.create({
        data: {
          tenantId: tenant.tenantId,
          templateId: template.id,
          version: 1,
          workCenterId: tenant.workCenterId,
          source: "manual",
        },
        select: { id: true },
      });
      const media = await tx.mediaFile.create({
        data: { tenantId: tenant.tenantId, contentType: "image/png", data: new Uint8Array([0x89, 0x50]), byteSize: 2 },
        select: { id: true },
      });
      return { templateId: template.id, runId: run.id, mediaId: media.id, stepId: "probe-step" };
    });
  const checklistOfB = await checklistOf(tenantB);
  const checklistOfA = await checklistOf(tenantA);
  // An insight about the tenant's work center, stored as the worker stores them.
  const insightOf = (tenant: TenantFixture) =>
    withTenant(db.app.prisma, tenant.tenantId, async (tx) => {
      const stored = await storeInsightDrafts(tx, {
        tenantId: tenant.tenantId,
        now: Date.now(),
        drafts: [
          workCenterDraft(
            { workCenterId: tenant.workCenterId, lineId: tenant.lineId },
            { dedupeKey: `probe:${tenant.tenantId}` },
          ),
        ],
      });
      return { insightId: stored.created[0]?.id ?? "" };
    });
  const insightOfB = await insightOf(tenantB);
  const insightOfA = await insightOf(tenantA);
  // One id of tenant B per identifier name a procedure may take.
  foreignIds = {
    tenantId: tenantB.tenantId,
    siteId: tenantB.siteId,
    areaId: tenantB.areaId,
    lineId: tenantB.lineId,
    workCenterId: tenantB.workCenterId,
    productId: tenantB.productId,
    orderId: tenantB.orderId,
    membershipId: tenantB.users.OPERATOR.membershipId,
    userId: tenantB.users.OPERATOR.userId,
    invitationId: invitationOfB.id,
    connectorId: connectorOfB.connectorId,
    deadLetterIds: connectorOfB.deadLetterId,
    // An OPC UA address on a plant's server (the Objects folder), not a Gemba entity.
    nodeId: "i=85",
    sessionId: sessionOfB,
    // A well-formed invitation token of tenant B whose secret is not B's.
    token: `${tenantB.tenantId}.${randomBytes(32).toString("base64url")}`,
    // Not an entity id but a position: paging from B's newest entry must still show only A's.
    cursor: (newestAuditOfB.id + 1n).toString(),
    categoryId: categoryOfB.id,
    categoryIds: categoryOfB.id,
    workCenterIds: tenantB.workCenterId,
    patternId: calendarOfB.patternId,
    copyFromPatternId: calendarOfB.patternId,
    shiftId: calendarOfB.shiftId,
    periodId: calendarOfB.periodId,
    decisionId: decisionOfB.decisionId,
    taskId: decisionOfB.taskId,
    assigneeUserId: tenantB.users.OPERATOR.userId,
    ...automationOfB,
    handoverId: handoverOfB.handoverId,
    ...checklistOfB,
    ...insightOfB,
  };
  ownIds = {
    ...foreignIds,
    tenantId: tenantA.tenantId,
    siteId: tenantA.siteId,
    areaId: tenantA.areaId,
    lineId: tenantA.lineId,
    workCenterId: tenantA.workCenterId,
    productId: tenantA.productId,
    orderId: tenantA.orderId,
    membershipId: tenantA.users.OPERATOR.membershipId,
    userId: tenantA.users.OPERATOR.userId,
    connectorId: connectorOfA.connectorId,
    deadLetterIds: connectorOfA.deadLetterId,
    categoryId: categoryOfA.id,
    categoryIds: categoryOfA.id,
    workCenterIds: tenantA.workCenterId,
    patternId: calendarOfA.patternId,
    copyFromPatternId: calendarOfA.patternId,
    shiftId: calendarOfA.shiftId,
    periodId: calendarOfA.periodId,
    decisionId: decisionOfA.decisionId,
    taskId: decisionOfA.taskId,
    assigneeUserId: tenantA.users.OPERATOR.userId,
    ...automationOfA,
    handoverId: handoverOfA.handoverId,
    ...checklistOfA,
    ...insightOfA,
  };
  // Positions and small serial numbers are not names: they may appear in any tenant's output.
  const {
    cursor: _position,
    deadLetterIds: _serial,
    nodeId: _address,
    stepId: _sameInEveryPlant,
    signalId: _serialSignal,
    ...foreignEntities
  } = foreignIds;
  foreignStrings = [...Object.values(foreignEntities), tenantB.users.ADMIN.email, tenantB.users.OPERATOR.email];
});

afterAll(async () => {
  await platform.close();
  await db.drop();
});

// At run time `_def.procedures` is flat: "router.procedure" → procedure.
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>);
// Mutations that end the caller's own sessions run last so they cannot mask other results.
const ordered = [...procedures].sort(
  ([a], [b]) => Number(a === "me.signOutEverywhere") - Number(b === "me.signOutEverywhere"),
);

/**
 * Inputs the sampler cannot make valid (a rule definition needs a trigger and an action), with the
 * same ids inside: a rule naming B's work center, line, product, endpoint or decision is refused.
 */
const ruleDefinitionWith = (ids: Record<string, string>) => ({
  trigger: { kind: "STATE_DURATION", state: "DOWN", minutes: 10 },
  conditions: { workCenterIds: [ids.workCenterId], lineIds: [ids.lineId], productIds: [ids.productId] },
  actions: [
    { kind: "WEBHOOK", endpointId: ids.endpointId },
    { kind: "ATTACH_TO_DECISION", decisionId: ids.decisionId },
  ],
});
const probeChecklistSteps = [{ id: "probe-step", title: "Probe", input: { kind: "CHECK", required: true } }];
const validInputs: Record<string, (ids: Record<string, string>) => unknown> = {
  "rules.create": (ids) => ({ name: "Probe", definition: ruleDefinitionWith(ids) }),
  "rules.update": (ids) => ({
    ruleId: ids.ruleId,
    expectedVersion: 1,
    name: "Probe",
    definition: ruleDefinitionWith(ids),
  }),
  "rules.dryRun": (ids) => ({ ruleId: ids.ruleId, definition: ruleDefinitionWith(ids) }),
  "checklists.templates.create": (ids) => ({ name: "Probe checklist", lineId: ids.lineId, steps: probeChecklistSteps }),
  "checklists.templates.publishVersion": (ids) => ({
    templateId: ids.templateId,
    basedOnVersion: 1,
    steps: [...probeChecklistSteps, { id: "second", title: "Second", input: { kind: "CHECK" } }],
  }),
};

function callerAsAdminOfA(sessionId: string) {
  return createCaller({
    db: db.app.prisma,
    session: { sessionId, userId: tenantA.users.ADMIN.userId, activeTenantId: tenantA.tenantId },
    requestId: "cross-tenant-test",
    platform,
  });
}

async function invoke(path: string, input: unknown, sessionId: string): Promise<unknown> {
  const caller = callerAsAdminOfA(sessionId) as unknown as Record<string, unknown>;
  let target: unknown = caller;
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

describe("every tRPC procedure refuses another tenant's ids (d)", () => {
  it("enumerates the router", () => {
    expect(procedures.length).toBeGreaterThanOrEqual(15);
  });

  it.each(ordered)("%s", async (path, procedure) => {
    const sessionId = await createUserSession(db.app.prisma, { userId: tenantA.users.ADMIN.userId });
    const schema = procedure._def.inputs[0];
    const input = validInputs[path]?.(foreignIds) ?? (schema ? sampleInput(schema, foreignIds, path) : undefined);
    const takesIds =
      input !== null && typeof input === "object" && Object.keys(input).some((field) => isIdField(field));

    if (takesIds) {
      const outcome = await invoke(path, input, sessionId).then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      expect(outcome.ok, `${path} accepted tenant B's ids: ${JSON.stringify(outcome)}`).toBe(false);
      if (!outcome.ok) {
        expect(outcome.error).toBeInstanceOf(TRPCError);
        expect(["NOT_FOUND", "FORBIDDEN"]).toContain((outcome.error as TRPCError).code);
      }
      // Control: the same query with tenant A's own ids works, so the refusal above is about
      // the tenant, not a broken procedure. (Mutations are exercised by their own tests.)
      if (procedure._def.type === "query" && schema && !path.startsWith("onboarding.")) {
        await expect(invoke(path, sampleInput(schema, ownIds, path), sessionId)).resolves.toBeDefined();
      }
      return;
    }
    // No ids to smuggle in: whatever it returns must not mention tenant B.
    const result = await invoke(path, input, sessionId).catch((error: unknown) => ({ error: String(error) }));
    const text = JSON.stringify(result, (_key, value) => (typeof value === "bigint" ? value.toString() : value));
    for (const foreign of foreignStrings) expect(text, `${path} leaked ${foreign}`).not.toContain(foreign);
  });
});

describe("the cross-tenant check depends on row-level security", () => {
  it("lets tenant B's work center through once RLS is off — so the checks above can fail", async () => {
    const sessionId = await createUserSession(db.app.prisma, { userId: tenantA.users.ADMIN.userId });
    await db.owner.pool.query(`ALTER TABLE "WorkCenter" DISABLE ROW LEVEL SECURITY`);
    try {
      const leaked = await invoke("plant.workCenter", { workCenterId: tenantB.workCenterId }, sessionId);
      expect(leaked).toMatchObject({ id: tenantB.workCenterId });
    } finally {
      await db.owner.pool.query(`ALTER TABLE "WorkCenter" ENABLE ROW LEVEL SECURITY`);
    }
    await expect(invoke("plant.workCenter", { workCenterId: tenantB.workCenterId }, sessionId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
