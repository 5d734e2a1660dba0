import { createUserSession } from "@gemba/auth/sessions";
import { MAX_SIGNAL_ATTEMPTS, processSignal } from "@gemba/db/automation/process-signal";
import { insertEvents } from "@gemba/db/events/insert-events";
import { refreshWorkCenter } from "@gemba/db/execution/refresh-work-center";
import { withTenant, withTenantClient } from "@gemba/db/tenant-scope";
import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import type { TRuleDefinitionInput } from "@gemba/domain/automation/rule-definition";
import { deliveryJobId } from "@gemba/jobs/automation";
import { QUEUES } from "@gemba/jobs/constants";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../../root";
import { createTestPlatform, type TestPlatform } from "../../testing/test-platform";
import { loadDryRunHistory } from "./load-dry-run-history";
import { emptyReferences, loadRuleLabels } from "./rule-references";

const MIN = 60_000;

let db: TestDatabase;
let platform: TestPlatform;
let plant: TenantFixture;
let other: TenantFixture;
let pressId: string;
let pressCode: string;
/** The press's 25-minute stop, 3 hours ago; the fixture's work center had a 30-minute one. */
let longStopStart: number;

beforeAll(async () => {
  db = await createTestDatabase();
  platform = createTestPlatform();
  plant = await createTenantFixture(db, "Alpha");
  other = await createTenantFixture(db, "Beta");
  const now = Date.now();
  longStopStart = now - 180 * MIN;
  pressCode = `PRS-201-${plant.tenantId.slice(0, 4)}`;
  // The events below are sparse: a long silence must not turn a stop into "no signal".
  const unknownTimeoutSeconds = 6 * 3600;
  pressId = await withTenant(db.app.prisma, plant.tenantId, async (tx) => {
    await tx.workCenter.update({
      where: { tenantId_id: { tenantId: plant.tenantId, id: plant.workCenterId } },
      data: { unknownTimeoutSeconds },
    });
    const press = await tx.workCenter.create({
      data: {
        tenantId: plant.tenantId,
        lineId: plant.lineId,
        code: pressCode,
        name: "Press 201",
        sequence: 2,
        unknownTimeoutSeconds,
      },
      select: { id: true },
    });
    return press.id;
  });
  const state = (workCenterId: string, at: number, value: string, key: string) => ({
    workCenterId,
    kind: "machine.state",
    eventTime: new Date(at),
    sourceId: "plc",
    dedupeKey: key,
    payload: { state: value },
  });
  const andon = (at: number, key: string) => ({
    workCenterId: pressId,
    kind: "operator.activity",
    eventTime: new Date(at),
    sourceId: "tablet",
    dedupeKey: key,
    payload: { type: "ANDON_CALLED" },
  });
  await withTenantClient(db.app.pool, plant.tenantId, (client) =>
    insertEvents(client, plant.tenantId, [
      state(pressId, now - 300 * MIN, "RUNNING", "p1"),
      state(pressId, longStopStart, "DOWN", "p2"),
      state(pressId, longStopStart + 25 * MIN, "RUNNING", "p3"),
      state(pressId, now - 60 * MIN, "DOWN", "p4"),
      state(pressId, now - 55 * MIN, "RUNNING", "p5"),
      state(plant.workCenterId, now - 300 * MIN, "RUNNING", "w1"),
      state(plant.workCenterId, now - 120 * MIN, "DOWN", "w2"),
      state(plant.workCenterId, now - 90 * MIN, "RUNNING", "w3"),
      andon(now - 100 * MIN, "a1"),
      andon(now - 40 * MIN, "a2"),
    ]),
  );
  for (const workCenterId of [pressId, plant.workCenterId]) {
    await refreshWorkCenter(db.app.pool, {
      tenantId: plant.tenantId,
      workCenterId,
      changedFrom: now - 300 * MIN,
      changedTo: now,
      now,
    });
  }
});

afterAll(async () => {
  await platform.close();
  await db.drop();
});

async function callerFor(tenant: TenantFixture, role: "OPERATOR" | "MANAGER" | "ADMIN") {
  const userId = tenant.users[role].userId;
  const sessionId = await createUserSession(db.app.prisma, { userId });
  return createCaller({
    db: db.app.prisma,
    session: { sessionId, userId, activeTenantId: tenant.tenantId },
    requestId: "rules-test",
    platform,
  });
}

const longStops = (): TRuleDefinitionInput => ({
  trigger: { kind: "STATE_DURATION", state: "DOWN", minutes: 10 },
  conditions: { workCenterIds: [pressId] },
  actions: [
    {
      kind: "CREATE_TASK",
      title: "{workCenter} down for {minutes} min",
      assigneeRole: "MANAGER",
      escalation: [{ role: "ADMIN", afterMinutes: 30 }],
    },
  ],
});

const auditActions = (entityId: string) =>
  withTenant(db.app.prisma, plant.tenantId, (tx) =>
    tx.auditEntry.findMany({ where: { entityId }, orderBy: { id: "asc" }, select: { action: true, summary: true } }),
  );

async function refusal(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe("the dry run replays the last 24 hours", () => {
  it("finds the stop that lasted past 10 minutes on the press, and counts the one elsewhere it turns away", async () => {
    const manager = await callerFor(plant, "MANAGER");
    const result = await manager.rules.dryRun({ definition: longStops(), name: "Long stops" });
    expect(result.candidateCount).toBe(2);
    expect(result.firingCount).toBe(1);
    expect(result.firings).toEqual([
      expect.objectContaining({
        at: longStopStart + 10 * MIN,
        workCenterId: pressId,
        subject: pressCode,
        summary: `${pressCode} DOWN for 10 min`,
        actions: [
          { kind: "CREATE_TASK", text: `Task for Manager: ${pressCode} down for 10 min · then Admin after 30 min` },
        ],
      }),
    ]);
    expect(result.firings[0]?.why).toMatch(/lasted 25 min in all/);
    expect(result.filtered).toEqual([
      expect.objectContaining({ condition: "workCenterIds", label: `Work center is ${pressCode}`, count: 1 }),
    ]);
    expect(result).toMatchObject({ capped: false, actualRuns: null });
  });

  it("replays andon calls from the stored events", async () => {
    const manager = await callerFor(plant, "MANAGER");
    const result = await manager.rules.dryRun({
      definition: {
        trigger: {
          kind: "EVENT",
          eventKinds: ["operator.activity"],
          payloadMatches: [{ path: "type", equals: "ANDON_CALLED" }],
        },
        actions: [{ kind: "EMAIL", toRoles: ["MANAGER"], subject: "Andon at {workCenter}" }],
      },
    });
    expect(result.firingCount).toBe(2);
    expect(result.firings.map((firing) => firing.actions[0]?.text)).toEqual([
      `E-mail to every Manager: Andon at ${pressCode}`,
      `E-mail to every Manager: Andon at ${pressCode}`,
    ]);
  });

  it("says so when it scanned only the newest events", async () => {
    const history = await withTenant(db.app.prisma, plant.tenantId, async (tx) =>
      loadDryRunHistory(
        tx,
        plant.tenantId,
        {
          trigger: { kind: "EVENT", eventKinds: ["operator.activity"], payloadMatches: [] },
          conditions: {
            workCenterIds: [],
            lineIds: [],
            shiftNames: [],
            productIds: [],
            reasonCodes: [],
            timeWindow: null,
          },
          actions: [{ kind: "WEBHOOK", endpointId: pressId }],
        },
        { now: Date.now(), ruleName: "Cap", labels: await loadRuleLabels(tx, emptyReferences()), eventCap: 1 },
      ),
    );
    expect(history.capped).toBe(true);
    expect(history.events).toHaveLength(1);
    expect(history.notes?.[0]).toMatch(/Only the newest 1 matching events were replayed/);
  });

  it("never sees another tenant's history", async () => {
    const manager = await callerFor(other, "MANAGER");
    const result = await manager.rules.dryRun({ definition: { ...longStops(), conditions: {} } });
    expect(result.firingCount).toBe(0);
  });
});

describe("creating and editing rules", () => {
  it("creates, lists, edits (bumping the version), disables and deletes a rule, auditing each step", async () => {
    const manager = await callerFor(plant, "MANAGER");
    const created = await manager.rules.create({ name: "Long stops on the press", definition: longStops() });
    expect(created).toMatchObject({
      version: 1,
      enabled: true,
      triggerKind: "STATE_DURATION",
      triggerSummary: "Down longer than 10 min",
      conditionsSummary: `at ${pressCode}`,
    });

    const listed = (await manager.rules.list()).find((rule) => rule.id === created.id);
    expect(listed).toMatchObject({ lastRun: null, runs24h: 0, failures24h: 0 });

    const fetched = await manager.rules.get({ ruleId: created.id });
    expect(fetched.definition?.conditions.workCenterIds).toEqual([pressId]);
    expect(fetched.labels.workCenters[pressId]).toBe(pressCode);

    const edited = await manager.rules.update({
      ruleId: created.id,
      expectedVersion: 1,
      name: "Long stops (15 min)",
      description: "Maintenance looks at anything longer",
      definition: { ...longStops(), trigger: { kind: "STATE_DURATION", state: "DOWN", minutes: 15 } },
    });
    expect(edited).toMatchObject({
      version: 2,
      name: "Long stops (15 min)",
      triggerSummary: "Down longer than 15 min",
    });
    const stale = await refusal(
      manager.rules.update({ ruleId: created.id, expectedVersion: 1, name: "Stale", definition: longStops() }),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toMatch(/version 2/);

    await manager.rules.setEnabled({ ruleId: created.id, enabled: false });
    expect((await manager.rules.get({ ruleId: created.id })).enabled).toBe(false);

    // The dry run of a saved rule also counts its real runs in the window.
    const dry = await manager.rules.dryRun({ definition: longStops(), ruleId: created.id });
    expect(dry.actualRuns).toBe(0);

    await manager.rules.delete({ ruleId: created.id });
    expect((await manager.rules.list()).some((rule) => rule.id === created.id)).toBe(false);
    expect((await refusal(manager.rules.get({ ruleId: created.id }))).code).toBe("NOT_FOUND");

    const trail = await auditActions(created.id);
    expect(trail.map((entry) => entry.action)).toEqual(["rule.create", "rule.update", "rule.disable", "rule.delete"]);
    expect(trail[0]?.summary).toBe(
      `Created rule "Long stops on the press": Down longer than 10 min · at ${pressCode} → 1 action`,
    );
  });

  it("names the field and what to fix when the definition is wrong", async () => {
    const manager = await callerFor(plant, "MANAGER");
    const error = await refusal(
      manager.rules.create({
        name: "Broken",
        definition: {
          trigger: { kind: "STATE_DURATION", state: "DOWN", minutes: 0 },
          actions: [{ kind: "CREATE_TASK", title: " ", assigneeRole: "MANAGER" }],
        },
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    const issues = (error.cause as unknown as { issues: { path: (string | number)[]; message: string }[] }).issues;
    expect(issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["definition.trigger.minutes", "When → minutes: use 1 or more"],
      ["definition.actions.0.title", "Then → action 1 (task) → title: fill it in"],
    ]);
  });

  it("refuses work centers that are not in the plant, without echoing them", async () => {
    const manager = await callerFor(plant, "MANAGER");
    const error = await refusal(
      manager.rules.create({
        name: "Foreign",
        definition: { ...longStops(), conditions: { workCenterIds: [other.workCenterId] } },
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe(
      "Only if → work centers: one of the choices is not in this plant any more. Pick them again from the list.",
    );
    expect(error.message).not.toContain(other.workCenterId);
  });
});

describe("run history and notifications", () => {
  it("lists runs newest first with their action outcomes, pages them, and counts the last 24 hours", async () => {
    const manager = await callerFor(plant, "MANAGER");
    const rule = await manager.rules.create({ name: "Andon", definition: longStops() });
    const now = Date.now();
    const runIds = await withTenant(db.app.prisma, plant.tenantId, async (tx) => {
      const run = (minutesAgo: number, status: "SUCCEEDED" | "FAILED", actions: unknown[], error: string | null) =>
        tx.ruleRun.create({
          data: {
            tenantId: plant.tenantId,
            ruleId: rule.id,
            ruleVersion: 1,
            idempotencyKey: `${rule.id}:test:${minutesAgo}`,
            signalKind: "state",
            workCenterId: pressId,
            triggeredAt: new Date(now - minutesAgo * MIN),
            firedAt: new Date(now - minutesAgo * MIN),
            summary: `${pressCode} DOWN for 10 min`,
            status,
            actions: actions as object[],
            error,
          },
          select: { id: true },
        });
      const ok = await run(50, "SUCCEEDED", [{ index: 0, kind: "CREATE_TASK", status: "DONE", ref: "task-1" }], null);
      const failed = await run(
        20,
        "FAILED",
        [{ index: 0, kind: "WEBHOOK", status: "FAILED", error: "HTTP 502" }],
        "1 action failed",
      );
      const old = await run(26 * 60, "SUCCEEDED", [], null);
      return { ok: ok.id, failed: failed.id, old: old.id };
    });

    const first = await manager.rules.runs({ ruleId: rule.id, limit: 1 });
    expect(first.items.map((run) => run.id)).toEqual([runIds.failed]);
    expect(first.items[0]).toMatchObject({
      ruleName: "Andon",
      workCenterCode: pressCode,
      status: "FAILED",
      error: "1 action failed",
      actions: [{ index: 0, kind: "WEBHOOK", status: "FAILED", ref: null, error: "HTTP 502" }],
    });
    const second = await manager.rules.runs({ ruleId: rule.id, limit: 1, cursor: first.nextCursor ?? undefined });
    expect(second.items.map((run) => run.id)).toEqual([runIds.ok]);
    const failures = await manager.rules.runs({ status: "FAILED" });
    expect(failures.items.map((run) => run.id)).toEqual([runIds.failed]);

    const listed = (await manager.rules.list()).find((entry) => entry.id === rule.id);
    expect(listed).toMatchObject({
      runs24h: 2,
      failures24h: 1,
      lastRun: { status: "FAILED", summary: `${pressCode} DOWN for 10 min` },
    });
  });

  it("shows failed deliveries with their error and retries them", async () => {
    const manager = await callerFor(plant, "MANAGER");
    const [failedId, sentId] = await withTenant(db.app.prisma, plant.tenantId, async (tx) => {
      const notification = (key: string, status: "FAILED" | "SENT", lastError: string | null) =>
        tx.notification.create({
          data: {
            tenantId: plant.tenantId,
            channel: "EMAIL",
            target: "maintenance@example.test",
            subject: `Press down (${key})`,
            body: { text: "PRS-201 is down" },
            idempotencyKey: key,
            status,
            attempts: 5,
            lastError,
          },
          select: { id: true },
        });
      return [
        (await notification("n1", "FAILED", "550 mailbox unavailable")).id,
        (await notification("n2", "SENT", null)).id,
      ];
    });
    const failed = await manager.rules.notifications({ status: "FAILED" });
    expect(failed.items).toEqual([
      expect.objectContaining({ id: failedId, status: "FAILED", lastError: "550 mailbox unavailable", attempts: 5 }),
    ]);

    const retried = await manager.rules.retryNotification({ notificationId: failedId });
    expect(retried.status).toBe("PENDING");
    const row = await withTenant(db.app.prisma, plant.tenantId, (tx) =>
      tx.notification.findFirstOrThrow({
        where: { id: failedId },
        select: { status: true, nextAttemptAt: true, attempts: true },
      }),
    );
    // A fresh round of attempts, woken now.
    expect(row).toMatchObject({ status: "PENDING", attempts: 0 });
    expect(Math.abs(row.nextAttemptAt.getTime() - Date.now())).toBeLessThan(60_000);
    const job = await platform.queues.get(QUEUES.automation).getJob(deliveryJobId(failedId, 5));
    expect(job?.data).toEqual({ tenantId: plant.tenantId, notificationId: failedId });
    expect((await auditActions(failedId)).map((entry) => entry.action)).toEqual(["notification.retry"]);

    const sent = await refusal(manager.rules.retryNotification({ notificationId: sentId }));
    expect(sent.code).toBe("CONFLICT");
  });

  it("shows triggers the engine could not process, with the reason, and hands them back on Retry", async () => {
    const manager = await callerFor(plant, "MANAGER");
    // A trigger written by something that bypassed validation: the engine cannot read its events.
    const [signal] = await withTenantClient(
      db.app.pool,
      plant.tenantId,
      async (client) =>
        (
          await client.query<{ id: string }>(
            `INSERT INTO "AutomationSignal" ("tenantId", kind, key, payload, "occurredAt")
           VALUES ($1, 'events', 'events:broken-batch', '{"eventIds": ["not-a-number"]}', now()) RETURNING id::text`,
            [plant.tenantId],
          )
        ).rows,
    );
    const signalId = signal?.id ?? "";
    await expect(processSignal(db.app, plant.tenantId, signalId)).rejects.toThrow();
    const [retrying] = await manager.rules.stuckSignals();
    expect(retrying).toMatchObject({ id: signalId, what: "Machine events", attempts: 1, givenUp: false });
    expect(retrying?.lastError).toMatch(/eventIds/);

    for (let attempt = 1; attempt < MAX_SIGNAL_ATTEMPTS; attempt += 1) {
      await processSignal(db.app, plant.tenantId, signalId).catch(() => undefined);
    }
    expect((await manager.rules.stuckSignals())[0]).toMatchObject({ attempts: MAX_SIGNAL_ATTEMPTS, givenUp: true });

    await manager.rules.retrySignal({ signalId });
    const row = await withTenant(db.app.prisma, plant.tenantId, (tx) =>
      tx.automationSignal.findFirstOrThrow({ where: { id: BigInt(signalId) } }),
    );
    expect(row).toMatchObject({ processedAt: null, attempts: 0, lastError: null });
    expect(await manager.rules.stuckSignals()).toEqual([]);
    expect((await auditActions(signalId)).map((entry) => entry.action)).toEqual(["automation_signal.retry"]);
    expect((await refusal(manager.rules.retrySignal({ signalId }))).code).toBe("CONFLICT");
    // Processed by the sweep now (here: directly), it fails again and shows again — nothing is lost.
    await processSignal(db.app, plant.tenantId, signalId).catch(() => undefined);
    expect(await manager.rules.stuckSignals()).toHaveLength(1);
  });
});

describe("webhook endpoints", () => {
  it("shows the secret once, stores it sealed, rotates it, and refuses deletion while a rule posts to it", async () => {
    const admin = await callerFor(plant, "ADMIN");
    const created = await admin.webhookEndpoints.create({ name: "CMMS", url: "https://cmms.example.test/hooks/gemba" });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const listed = await admin.webhookEndpoints.list();
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    const { openWebhookSecret } = await import("@gemba/db/automation/notifications");
    const sealed = async () =>
      (
        await withTenant(db.app.prisma, plant.tenantId, (tx) =>
          tx.webhookEndpoint.findFirstOrThrow({
            where: { id: created.endpoint.id },
            select: { secretCiphertext: true },
          }),
        )
      ).secretCiphertext;
    // Sealed the way the deliverer opens it.
    const open = async () =>
      openWebhookSecret(platform.secretsKey, {
        tenantId: plant.tenantId,
        endpointId: created.endpoint.id,
        secretCiphertext: await sealed(),
      });
    expect(await open()).toBe(created.secret);

    const rotated = await admin.webhookEndpoints.rotateSecret({ endpointId: created.endpoint.id });
    expect(rotated.secret).not.toBe(created.secret);
    expect(await open()).toBe(rotated.secret);

    const manager = await callerFor(plant, "MANAGER");
    const rule = await manager.rules.create({
      name: "Tell the CMMS",
      definition: { ...longStops(), actions: [{ kind: "WEBHOOK", endpointId: created.endpoint.id }] },
    });
    expect((await admin.webhookEndpoints.list()).find((entry) => entry.id === created.endpoint.id)?.usedBy).toEqual([
      { id: rule.id, name: "Tell the CMMS" },
    ]);
    const blocked = await refusal(admin.webhookEndpoints.delete({ endpointId: created.endpoint.id }));
    expect(blocked.code).toBe("CONFLICT");
    expect(blocked.message).toMatch(/Rule "Tell the CMMS" still sends webhooks here/);

    await admin.webhookEndpoints.setEnabled({ endpointId: created.endpoint.id, enabled: false });
    await manager.rules.delete({ ruleId: rule.id });
    await admin.webhookEndpoints.delete({ endpointId: created.endpoint.id });
    expect((await auditActions(created.endpoint.id)).map((entry) => entry.action)).toEqual([
      "webhook-endpoint.create",
      "webhook-endpoint.rotate-secret",
      "webhook-endpoint.disable",
      "webhook-endpoint.delete",
    ]);
  });

  it("says what is wrong with an address", async () => {
    const admin = await callerFor(plant, "ADMIN");
    const error = await refusal(admin.webhookEndpoints.create({ name: "Bad", url: "ftp://files.example.test/in" }));
    expect(error.code).toBe("BAD_REQUEST");
    const issues = (error.cause as unknown as { issues: { message: string }[] }).issues;
    expect(issues.map((issue) => issue.message)).toEqual(["Only https:// and http:// addresses can receive webhooks."]);
  });
});

describe("who may do what", () => {
  it("keeps rules to managers and endpoints to admins", async () => {
    const operator = await callerFor(plant, "OPERATOR");
    const manager = await callerFor(plant, "MANAGER");
    const admin = await callerFor(plant, "ADMIN");
    expect((await refusal(operator.rules.list())).code).toBe("FORBIDDEN");
    expect((await refusal(operator.rules.create({ name: "No", definition: longStops() }))).code).toBe("FORBIDDEN");
    expect((await refusal(operator.rules.dryRun({ definition: longStops() }))).code).toBe("FORBIDDEN");
    expect((await refusal(operator.rules.notifications({}))).code).toBe("FORBIDDEN");
    expect((await refusal(manager.webhookEndpoints.list())).code).toBe("FORBIDDEN");
    expect((await refusal(manager.webhookEndpoints.create({ name: "No", url: "https://x.example.test" }))).code).toBe(
      "FORBIDDEN",
    );
    await expect(manager.rules.options()).resolves.toMatchObject({ eventKinds: expect.arrayContaining(["telemetry"]) });
    await expect(admin.webhookEndpoints.list()).resolves.toBeDefined();
  });
});
