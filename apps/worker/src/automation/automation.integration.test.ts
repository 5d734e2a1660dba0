import { randomBytes, randomUUID } from "node:crypto";
import { fireRule } from "@gemba/db/automation/fire-rule";
import { sealWebhookSecret } from "@gemba/db/automation/notifications";
import { processSignal } from "@gemba/db/automation/process-signal";
import { withTenant } from "@gemba/db/tenant-scope";
import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { enqueueIngestBatch } from "@gemba/jobs/ingest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitUntil } from "../testing/test-worker";
import { deliverNotification } from "./deliver";
import { DEFAULT_AUTOMATION_SETTINGS } from "./settings";
import { ANDON_TRIGGER, andonEvent, createRule, startAutomationTestWorker } from "./testing/automation-worker";
import { startSmtpSink, startWebhookSink, type TSmtpSink, type TWebhookSink } from "./testing/sinks";

let db: TestDatabase;
let plant: TenantFixture;
let smtp: TSmtpSink;
let hooks: TWebhookSink;
let worker: Awaited<ReturnType<typeof startAutomationTestWorker>>;
const secretsKey = randomBytes(32);
const WEBHOOK_SECRET = "whsec_test_8f2a";

const inTenant = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(db.app.prisma, plant.tenantId, work);

beforeAll(async () => {
  db = await createTestDatabase();
  plant = await createTenantFixture(db, "Rules");
  smtp = await startSmtpSink();
  hooks = await startWebhookSink(WEBHOOK_SECRET);
  worker = await startAutomationTestWorker(db.app, {
    secretsKey,
    automation: { smtpUrl: smtp.url, mailFrom: "Gemba <rules@plant.test>", retryBaseMs: 20 },
  });
});

afterAll(async () => {
  await worker?.stop();
  await smtp?.close();
  await hooks?.close();
  await db?.drop();
});

async function ingest(items: unknown[]) {
  await enqueueIngestBatch(worker.worker.queues, {
    tenantId: plant.tenantId,
    connectorId: null,
    sourceId: "tablet",
    items,
  });
}

async function disableRules() {
  await inTenant((tx) => tx.rule.updateMany({ where: {}, data: { enabled: false } }));
}

describe("event rules end to end", () => {
  it("turns an andon event into one task, one e-mail and one signed webhook", async () => {
    const endpointId = randomUUID();
    await inTenant((tx) =>
      tx.webhookEndpoint.create({
        data: {
          tenantId: plant.tenantId,
          id: endpointId,
          name: "MES bridge",
          url: hooks.url,
          secretCiphertext: sealWebhookSecret(secretsKey, {
            tenantId: plant.tenantId,
            endpointId,
            secret: WEBHOOK_SECRET,
          }),
        },
      }),
    );
    const ruleId = await createRule(db.app, plant.tenantId, "Andon help", {
      trigger: ANDON_TRIGGER,
      conditions: { lineIds: [plant.lineId] },
      actions: [
        {
          kind: "CREATE_TASK",
          title: "Andon at {workCenter} ({line})",
          assigneeRole: "OPERATOR",
          priority: "URGENT",
          escalation: [{ role: "MANAGER", afterMinutes: 5 }],
        },
        { kind: "EMAIL", toRoles: ["MANAGER"], to: ["lead@plant.test"], subject: "Andon: {workCenter} by rule {rule}" },
        { kind: "WEBHOOK", endpointId },
      ],
    });
    const before = Date.now();
    await ingest([andonEvent(plant.workCenterId, `andon-${randomUUID()}`)]);

    await waitUntil(async () => smtp.mails.length === 1 && hooks.received.length === 1, 20_000, "e-mail and webhook");
    const run = await inTenant((tx) => tx.ruleRun.findFirstOrThrow({ where: { ruleId } }));
    expect(run.status).toBe("SUCCEEDED");
    expect(run.summary).toMatch(/Andon called/);
    const task = await inTenant((tx) => tx.task.findFirstOrThrow({ where: { sourceId: run.id } }));
    expect(task).toMatchObject({
      source: "rule",
      status: "OPEN",
      priority: "URGENT",
      assigneeRole: "OPERATOR",
      workCenterId: plant.workCenterId,
      escalationStep: 0,
    });
    expect(task.title).toMatch(/^Andon at WC-\w+ \(Line 1\)$/);
    expect(task.nextEscalationAt?.getTime()).toBeGreaterThanOrEqual(before + 5 * 60_000);

    const [mail] = smtp.mails;
    expect(mail?.subject).toMatch(/^Andon: WC-\w+ by rule Andon help$/);
    expect(mail?.to.sort()).toEqual([plant.users.MANAGER.email, "lead@plant.test"].sort());
    expect(mail?.from).toBe("rules@plant.test");
    const notifications = await inTenant((tx) => tx.notification.findMany({ where: { ruleRunId: run.id } }));
    expect(notifications.map((n) => n.status)).toEqual(["SENT", "SENT"]);
    const email = notifications.find((n) => n.channel === "EMAIL");
    expect(mail?.messageId).toBe(`<${email?.id}@notifications.gemba>`);

    const [hook] = hooks.received;
    expect(hook?.signatureValid).toBe(true);
    const webhook = notifications.find((n) => n.channel === "WEBHOOK");
    expect(hook?.headers["gemba-idempotency-key"]).toBe(webhook?.id);
    expect(JSON.parse(hook?.body ?? "{}")).toMatchObject({
      id: webhook?.id,
      type: "rule.fired",
      rule: { id: ruleId, name: "Andon help" },
      run: { id: run.id },
      workCenter: { id: plant.workCenterId },
    });
    const audit = await inTenant((tx) => tx.auditEntry.findFirst({ where: { action: "rule.fire", entityId: run.id } }));
    expect(audit?.summary).toMatch(/^Rule "Andon help" fired/);
    const signal = await inTenant((tx) => tx.automationSignal.findFirstOrThrow({ orderBy: { id: "desc" } }));
    expect(signal.processedAt).not.toBeNull();
    await disableRules();
  });

  it("fires a metric rule on crossings only, with the previous reading taken from Postgres", async () => {
    const ruleId = await createRule(db.app, plant.tenantId, "Spindle hot", {
      trigger: { kind: "METRIC_THRESHOLD", tag: "spindle_temp", direction: "ABOVE", threshold: 80 },
      actions: [{ kind: "CREATE_TASK", title: "{workCenter} spindle at {value}", assigneeRole: "MANAGER" }],
    });
    const base = Date.now() - 60_000;
    const reading = (n: number, value: number) => ({
      kind: "telemetry",
      workCenterId: plant.workCenterId,
      eventTime: new Date(base + n * 1_000).toISOString(),
      dedupeKey: `temp-${ruleId}-${n}`,
      payload: { tag: "spindle_temp", value, unit: "°C" },
    });
    // Two batches: the second's first reading follows the first batch's last one (95 → 96: no crossing).
    await ingest([reading(0, 70), reading(1, 85), reading(2, 90), reading(3, 75), reading(4, 95)]);
    await waitUntil(
      async () => (await inTenant((tx) => tx.ruleRun.count({ where: { ruleId } }))) === 2,
      20_000,
      "two crossings",
    );
    await ingest([reading(5, 96), reading(6, 60), reading(7, 81)]);
    await waitUntil(
      async () => (await inTenant((tx) => tx.ruleRun.count({ where: { ruleId } }))) === 3,
      20_000,
      "the third crossing",
    );
    await worker.worker.automationSweeper.runOnce(Date.now() + 10_000);
    const titles = await inTenant((tx) =>
      tx.task.findMany({ where: { title: { contains: "spindle at" } }, orderBy: { createdAt: "asc" } }),
    );
    expect(titles.map((task) => task.title.replace(/^WC-\w+ /, "")).sort()).toEqual(
      ["spindle at 85", "spindle at 95", "spindle at 81"].sort(),
    );
    await disableRules();
  });
});

describe("exactly once", () => {
  it("fires once when the same signal is processed concurrently, again, and by the sweep", async () => {
    const ruleId = await createRule(db.app, plant.tenantId, "Andon once", {
      trigger: ANDON_TRIGGER,
      actions: [
        { kind: "CREATE_TASK", title: "Once {workCenter}", assigneeRole: "OPERATOR" },
        { kind: "EMAIL", to: ["once@plant.test"], subject: "Once" },
      ],
    });
    // Stored through ingest but processed by hand: the queue's consumers are not needed here.
    const signalId = await inTenant(async (tx) => {
      const event = await tx.event.create({
        data: {
          tenantId: plant.tenantId,
          workCenterId: plant.workCenterId,
          kind: "operator.activity",
          eventTime: new Date(),
          sourceId: "manual",
          dedupeKey: randomUUID(),
          payload: { type: "ANDON_CALLED" },
        },
        select: { id: true },
      });
      const signal = await tx.automationSignal.create({
        data: {
          tenantId: plant.tenantId,
          kind: "events",
          key: `events:test-${event.id}`,
          payload: { eventIds: [event.id.toString()] },
          occurredAt: new Date(),
          createdAt: new Date(Date.now() - 60_000),
        },
        select: { id: true },
      });
      return signal.id.toString();
    });
    const outcomes = await Promise.all([
      processSignal(db.app, plant.tenantId, signalId),
      processSignal(db.app, plant.tenantId, signalId),
      worker.worker.automationSweeper.runOnce(),
    ]);
    const again = await processSignal(db.app, plant.tenantId, signalId);
    expect(again.status).toBe("done-before");
    expect(outcomes.length).toBe(3);
    expect(await inTenant((tx) => tx.ruleRun.count({ where: { ruleId } }))).toBe(1);
    const run = await inTenant((tx) => tx.ruleRun.findFirstOrThrow({ where: { ruleId } }));
    expect(await inTenant((tx) => tx.task.count({ where: { sourceId: run.id } }))).toBe(1);
    expect(await inTenant((tx) => tx.notification.count({ where: { ruleRunId: run.id } }))).toBe(1);
    await waitUntil(async () => smtp.mails.some((mail) => mail.subject === "Once"), 10_000, "the e-mail");
    await worker.worker.automationSweeper.runOnce();
    expect(smtp.mails.filter((mail) => mail.subject === "Once")).toHaveLength(1);
    await disableRules();
  });

  it("records a failing action on the run with its reason and still does the others", async () => {
    const template = await inTenant((tx) =>
      tx.checklistTemplate.create({
        data: { tenantId: plant.tenantId, name: "Old start-up check", archivedAt: new Date() },
        select: { id: true },
      }),
    );
    const ruleId = await createRule(db.app, plant.tenantId, "Checklist on andon", {
      trigger: ANDON_TRIGGER,
      actions: [
        { kind: "START_CHECKLIST", templateId: template.id },
        { kind: "CREATE_TASK", title: "Still created", assigneeRole: "OPERATOR" },
      ],
    });
    await ingest([andonEvent(plant.workCenterId, `andon-${randomUUID()}`)]);
    await waitUntil(
      async () => (await inTenant((tx) => tx.ruleRun.count({ where: { ruleId, finishedAt: { not: null } } }))) === 1,
      20_000,
      "the run",
    );
    const run = await inTenant((tx) => tx.ruleRun.findFirstOrThrow({ where: { ruleId } }));
    expect(run.status).toBe("FAILED");
    expect(run.error).toBe('action 1 (START_CHECKLIST): the checklist "Old start-up check" is archived');
    expect(run.actions).toMatchObject([
      { kind: "START_CHECKLIST", status: "FAILED" },
      { kind: "CREATE_TASK", status: "DONE" },
    ]);
    expect(await inTenant((tx) => tx.task.count({ where: { sourceId: run.id } }))).toBe(1);
    expect(await inTenant((tx) => tx.checklistRun.count())).toBe(0);
    await disableRules();
  });
});

describe("delivery", () => {
  it("retries a refused e-mail with backoff and gives up with the reason", async () => {
    const ruleId = await createRule(db.app, plant.tenantId, "Refused mail", {
      trigger: ANDON_TRIGGER,
      actions: [{ kind: "EMAIL", to: ["refused@plant.test"], subject: "Refused" }],
    });
    smtp.refuseWith = { code: 451, message: "Mailbox temporarily unavailable" };
    try {
      await ingest([andonEvent(plant.workCenterId, `andon-${randomUUID()}`)]);
      const failed = async () =>
        inTenant((tx) => tx.notification.findFirst({ where: { subject: "Refused", status: "FAILED" } }));
      const seen: number[] = [];
      await waitUntil(
        async () => {
          const row = await inTenant((tx) => tx.notification.findFirst({ where: { subject: "Refused" } }));
          if (row && !seen.includes(row.nextAttemptAt.getTime())) seen.push(row.nextAttemptAt.getTime());
          return (await failed()) !== null;
        },
        30_000,
        "the notification to fail",
      );
      const row = await failed();
      expect(row?.attempts).toBe(6);
      expect(row?.lastError).toMatch(/^SMTP: .*Mailbox temporarily unavailable.* \(gave up after 6 attempts\)$/);
      // Backoff: the gaps between scheduled attempts grow.
      const gaps = seen.slice(1).map((at, index) => at - (seen[index] ?? at));
      expect(gaps.length).toBeGreaterThanOrEqual(3);
      expect(smtp.mails.filter((mail) => mail.subject === "Refused")).toHaveLength(0);
      expect(await inTenant((tx) => tx.ruleRun.count({ where: { ruleId, status: "SUCCEEDED" } }))).toBe(1);
    } finally {
      smtp.refuseWith = null;
      await disableRules();
    }
  });

  it("says so on the notification when no SMTP server is configured", async () => {
    const id = await inTenant(async (tx) => {
      const row = await tx.notification.create({
        data: {
          tenantId: plant.tenantId,
          channel: "EMAIL",
          target: "a@plant.test",
          subject: "No server",
          body: { to: ["a@plant.test"], text: "x" },
          idempotencyKey: randomUUID(),
        },
        select: { id: true },
      });
      return row.id;
    });
    const outcome = await deliverNotification(db.app, { ...DEFAULT_AUTOMATION_SETTINGS, smtpUrl: null }, null, {
      tenantId: plant.tenantId,
      notificationId: id,
    });
    expect(outcome).toMatchObject({ status: "PENDING", error: "no SMTP server configured (SMTP_URL)" });
    const row = await inTenant((tx) =>
      tx.notification.findUniqueOrThrow({ where: { tenantId_id: { tenantId: plant.tenantId, id } } }),
    );
    expect(row.lastError).toBe("no SMTP server configured (SMTP_URL) (attempt 1 of 6)");
  });
});

describe("fireRule", () => {
  it("creates nothing twice for one key, even from two transactions at once", async () => {
    const ruleId = await createRule(db.app, plant.tenantId, "Direct", {
      trigger: ANDON_TRIGGER,
      actions: [{ kind: "CREATE_TASK", title: "Direct", assigneeRole: "OPERATOR" }],
    });
    const rule = await inTenant((tx) => tx.rule.findFirstOrThrow({ where: { id: ruleId } }));
    const { ZRuleDefinition } = await import("@gemba/domain/automation/rule-definition");
    const firing = {
      rule: { ...rule, definition: ZRuleDefinition.parse(rule.definition) },
      signalKey: `event:${randomUUID()}`,
      signalKind: "operator.activity",
      workCenterId: plant.workCenterId,
      orderId: null,
      triggeredAt: new Date(),
      summary: "direct",
      context: { workCenterId: null, lineId: null, shiftName: null, productId: null, reasonCode: null, local: null },
      values: {},
      evidence: null,
    };
    const outcomes = await Promise.all([
      fireRule(db.app, plant.tenantId, firing),
      fireRule(db.app, plant.tenantId, firing),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["already", "fired"]);
    expect(await inTenant((tx) => tx.task.count({ where: { title: "Direct" } }))).toBe(1);
    await disableRules();
  });
});
