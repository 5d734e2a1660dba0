import { randomBytes, randomUUID } from "node:crypto";
import { storeIngestBatch } from "@gemba/db/events/store-ingest-batch";
import { sealSecrets } from "@gemba/db/secrets/secrets-box";
import { withTenant } from "@gemba/db/tenant-scope";
import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { testEnv } from "@gemba/db/testing/test-env";
import { QUEUES } from "@gemba/jobs/constants";
import { createQueues, type QueueSet } from "@gemba/jobs/queue";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectorEventsKey, connectorHealthKey, epochMinute } from "../framework/health";
import type { TWebhookConfig } from "./config";
import { receiveWebhook, type TReceiveWebhookInput } from "./receive-webhook";
import { claimDelivery } from "./replay-guard";
import { inspectionCompleted, inspectionStarted } from "./safetyculture-fixtures";
import { signWebhook } from "./signature";

const SECRETS_KEY = randomBytes(32);
const SECRET_A = `whsec_${randomBytes(24).toString("hex")}`;
const SECRET_B = `whsec_${randomBytes(24).toString("hex")}`;

let db: TestDatabase;
let redis: Redis;
let queues: QueueSet;
let prefix: string;
let plant: TenantFixture;
let other: TenantFixture;
const connectors = { safetyCulture: "", generic: "", paused: "", noSecret: "", mtconnect: "", otherTenant: "" };

async function createConnector(
  tenant: TenantFixture,
  input: { kind?: "WEBHOOK" | "MTCONNECT"; config: unknown; secret?: string; enabled?: boolean },
): Promise<string> {
  const id = randomUUID();
  await withTenant(db.app.prisma, tenant.tenantId, (tx) =>
    tx.connector.create({
      data: {
        tenantId: tenant.tenantId,
        id,
        kind: input.kind ?? "WEBHOOK",
        name: `connector-${id}`,
        enabled: input.enabled ?? true,
        config: input.config as object,
        secrets: input.secret
          ? sealSecrets(SECRETS_KEY, { secret: input.secret }, { tenantId: tenant.tenantId, connectorId: id })
          : null,
      },
    }),
  );
  return id;
}

beforeAll(async () => {
  db = await createTestDatabase();
  plant = await createTenantFixture(db, "Webhook");
  other = await createTenantFixture(db, "Elsewhere");
  redis = new Redis(testEnv.TEST_REDIS_URL, { maxRetriesPerRequest: null });
  prefix = `gemba-test-${randomBytes(4).toString("hex")}`;
  queues = createQueues(redis, prefix);

  const safetyCultureConfig: TWebhookConfig = {
    format: "safetyculture",
    workCenters: [{ match: "Press daily inspection", workCenterId: plant.workCenterId }],
    passScorePercent: 80,
    failOnFailedItems: true,
    checklistTemplates: [],
  };
  connectors.safetyCulture = await createConnector(plant, { config: safetyCultureConfig, secret: SECRET_A });
  connectors.generic = await createConnector(plant, {
    config: {
      format: "generic",
      eventsPath: "readings",
      kind: { from: "fixed", kind: "production.count" },
      workCenter: {
        from: "path",
        path: "station",
        values: [
          { value: "ST-1", workCenterId: plant.workCenterId },
          // Mis-mapped to another tenant's work center: row-level security makes it unknown to the worker.
          { value: "ST-X", workCenterId: other.workCenterId },
        ],
      },
      eventTimePath: "at",
      dedupeKeyPath: "id",
      count: { totalPath: "total", goodPath: "good" },
    },
    secret: SECRET_A,
  });
  connectors.paused = await createConnector(plant, { config: safetyCultureConfig, secret: SECRET_A, enabled: false });
  connectors.noSecret = await createConnector(plant, { config: safetyCultureConfig });
  connectors.mtconnect = await createConnector(plant, { kind: "MTCONNECT", config: {}, secret: SECRET_A });
  connectors.otherTenant = await createConnector(other, {
    config: {
      ...safetyCultureConfig,
      workCenters: [{ match: "Press daily inspection", workCenterId: other.workCenterId }],
    },
    secret: SECRET_B,
  });
});

afterAll(async () => {
  await queues.close();
  for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 })) {
    if ((keys as string[]).length > 0) await redis.del(...(keys as string[]));
  }
  await redis.del(...Object.values(connectors).map(connectorHealthKey));
  redis.disconnect();
  await db.drop();
});

/** A delivery signed now (or with the given secret/timestamp), as the route would hand it over. */
function delivery(
  connectorId: string,
  body: unknown,
  options: { secret?: string; timestamp?: number; headers?: Record<string, string>; raw?: string } = {},
): TReceiveWebhookInput {
  const raw = options.raw ?? JSON.stringify(body);
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers = new Headers(
    options.headers ?? {
      "content-type": "application/json",
      "x-gemba-timestamp": String(timestamp),
      "x-gemba-signature": signWebhook(options.secret ?? SECRET_A, timestamp, raw),
    },
  );
  return {
    db: db.app,
    redis,
    queues,
    secretsKey: SECRETS_KEY,
    connectorId,
    headers,
    rawBody: new TextEncoder().encode(raw),
  };
}

const ingestQueue = () => queues.get(QUEUES.ingest);
const jobsOf = async (connectorId: string) =>
  (await ingestQueue().getJobs(["waiting", "active", "delayed", "completed", "failed"])).filter(
    (job) => job.data.connectorId === connectorId,
  );
const health = (connectorId: string) => redis.hgetall(connectorHealthKey(connectorId));

/** Runs the real ingest step (what the worker does with the job) and returns what it stored. */
async function storeJob(batchId: string) {
  const job = await ingestQueue().getJob(batchId);
  if (!job?.id) throw new Error(`no job ${batchId}`);
  return storeIngestBatch(db.app.pool, { ...job.data, batchId: job.id });
}

describe("receiveWebhook (real Postgres, Redis and queue)", () => {
  it("turns an authentic SafetyCulture delivery into one ingest job the worker stores as an event", async () => {
    const connectorId = connectors.safetyCulture;
    const body = inspectionCompleted({ score: 15, totalScore: 20, failedLabels: ["Two-hand control works?"] });
    const response = await receiveWebhook(delivery(connectorId, body));
    expect(response).toMatchObject({ status: 202, body: { accepted: 1, rejected: 0 } });
    const batchId = String(response.body.batchId);
    expect(batchId).toMatch(/^webhook-[0-9a-f]{64}$/);

    const jobs = await jobsOf(connectorId);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.id).toBe(batchId);
    expect(jobs[0]?.data).toMatchObject({
      tenantId: plant.tenantId,
      connectorId,
      sourceId: connectorId,
      rejected: [],
      items: [
        {
          kind: "operator.activity",
          workCenterId: plant.workCenterId,
          eventTime: "2026-11-24T07:42:33.159Z",
          payload: { type: "INSPECTION_FAILED" },
        },
      ],
    });

    const outcome = await storeJob(batchId);
    expect(outcome).toMatchObject({ received: 1, deadLettered: 0 });
    expect(outcome.inserted).toHaveLength(1);
    const events = await withTenant(db.app.prisma, plant.tenantId, (tx) =>
      tx.event.findMany({
        where: { sourceId: connectorId },
        select: { kind: true, workCenterId: true, payload: true },
      }),
    );
    expect(events).toEqual([
      {
        kind: "operator.activity",
        workCenterId: plant.workCenterId,
        payload: { type: "INSPECTION_FAILED", note: expect.stringContaining("1 failed item: Two-hand control works?") },
      },
    ]);

    const counters = await health(connectorId);
    expect(Date.parse(counters.lastMessageAt ?? "")).toBeGreaterThan(Date.now() - 60_000);
    const minute = epochMinute(new Date());
    const perMinute = await redis.mget(
      connectorEventsKey(connectorId, minute),
      connectorEventsKey(connectorId, minute - 1),
    );
    expect(perMinute.reduce((sum, count) => sum + Number(count ?? 0), 0)).toBe(1);
  });

  it("refuses a replay of the same signed request with 409 and queues nothing more", async () => {
    const connectorId = connectors.safetyCulture;
    const request = delivery(connectorId, inspectionCompleted({ auditId: "audit_replay0000000000000000000000001" }));
    expect((await receiveWebhook(request)).status).toBe(202);
    const before = (await jobsOf(connectorId)).length;
    const errorsBefore = Number((await health(connectorId)).errorCount ?? 0);

    const replay = await receiveWebhook(request);
    expect(replay.status).toBe(409);
    expect(replay.body).toMatchObject({ error: "replay", message: expect.stringContaining("already accepted") });
    expect((await jobsOf(connectorId)).length).toBe(before);
    expect(Number((await health(connectorId)).errorCount)).toBe(errorsBefore + 1);
  });

  it("queues a sender's retry once when the first attempt never finished (crash after the replay claim)", async () => {
    const connectorId = connectors.safetyCulture;
    const request = delivery(connectorId, inspectionCompleted({ auditId: "audit_crash00000000000000000000000001" }));
    const signature = request.headers.get("x-gemba-signature")?.slice("sha256=".length) ?? "";
    expect(await claimDelivery(redis, { connectorId, signature, toleranceSeconds: 300 })).toBe("new");
    const before = (await jobsOf(connectorId)).length;

    const retry = await receiveWebhook(request);
    expect(retry.status).toBe(202);
    expect((await jobsOf(connectorId)).length).toBe(before + 1);
    expect((await receiveWebhook(request)).status).toBe(409);
  });

  it("queues one job for the same signed request delivered twice at once", async () => {
    const connectorId = connectors.safetyCulture;
    const request = delivery(connectorId, inspectionCompleted({ auditId: "audit_twice00000000000000000000000001" }));
    const before = (await jobsOf(connectorId)).length;
    const responses = await Promise.all([receiveWebhook(request), receiveWebhook(request)]);
    // Whichever finishes second sees either the claim in progress (202, same job id) or the accepted mark (409).
    const statuses = responses.map((response) => response.status).sort();
    expect([
      [202, 202],
      [202, 409],
    ]).toContainEqual(statuses);
    expect((await jobsOf(connectorId)).length).toBe(before + 1);
  });

  it("refuses a bad signature with 401, explains the scheme and counts the error", async () => {
    const connectorId = connectors.safetyCulture;
    const before = (await jobsOf(connectorId)).length;
    const errorsBefore = Number((await health(connectorId)).errorCount ?? 0);
    const lastMessageBefore = (await health(connectorId)).lastMessageAt;

    const response = await receiveWebhook(
      delivery(connectorId, inspectionCompleted(), { secret: "not-the-secret-0123456789abcdef0123" }),
    );
    expect(response.status).toBe(401);
    expect(response.headers?.["WWW-Authenticate"]).toBeDefined();
    expect(response.body).toMatchObject({
      error: "bad_signature",
      message: expect.stringContaining("raw request body"),
      signing: { timestampHeader: "X-Gemba-Timestamp", signatureHeader: "X-Gemba-Signature", toleranceSeconds: 300 },
    });
    expect(JSON.stringify(response.body)).not.toContain(SECRET_A);

    const after = await health(connectorId);
    expect(Number(after.errorCount)).toBe(errorsBefore + 1);
    expect(after.lastError).toContain("401 bad_signature");
    // A forged delivery does not make the sender look alive.
    expect(after.lastMessageAt).toBe(lastMessageBefore);
    expect((await jobsOf(connectorId)).length).toBe(before);
  });

  it("refuses missing, stale and malformed signatures with codes a developer can act on", async () => {
    const connectorId = connectors.safetyCulture;
    const body = inspectionCompleted();
    const unsigned = await receiveWebhook(
      delivery(connectorId, body, { headers: { "content-type": "application/json" } }),
    );
    expect(unsigned).toMatchObject({ status: 401, body: { error: "missing_signature" } });
    const stale = await receiveWebhook(delivery(connectorId, body, { timestamp: Math.floor(Date.now() / 1000) - 900 }));
    expect(stale).toMatchObject({ status: 401, body: { error: "stale_timestamp" } });
    const malformed = await receiveWebhook(
      delivery(connectorId, body, { headers: { "x-gemba-timestamp": "now", "x-gemba-signature": "sha256=abc" } }),
    );
    expect(malformed).toMatchObject({ status: 401, body: { error: "malformed" } });
  });

  it("keeps tenants apart: another tenant's connector id with this tenant's secret is refused", async () => {
    const body = inspectionCompleted({ auditId: "audit_tenant0000000000000000000000001" });
    const crossed = await receiveWebhook(delivery(connectors.otherTenant, body, { secret: SECRET_A }));
    expect(crossed).toMatchObject({ status: 401, body: { error: "bad_signature" } });
    const reversed = await receiveWebhook(delivery(connectors.safetyCulture, body, { secret: SECRET_B }));
    expect(reversed).toMatchObject({ status: 401, body: { error: "bad_signature" } });
    expect(await jobsOf(connectors.otherTenant)).toHaveLength(0);

    // The other tenant's own, correctly signed delivery lands in its tenant only.
    const own = await receiveWebhook(delivery(connectors.otherTenant, body, { secret: SECRET_B }));
    expect(own.status).toBe(202);
    const [job] = await jobsOf(connectors.otherTenant);
    expect(job?.data).toMatchObject({ tenantId: other.tenantId, items: [{ workCenterId: other.workCenterId }] });
  });

  it("dead-letters an authentic delivery it cannot map, answering 202 with the reason", async () => {
    const connectorId = connectors.safetyCulture;
    const body = inspectionStarted();
    const response = await receiveWebhook(delivery(connectorId, body));
    expect(response).toMatchObject({
      status: 202,
      body: { accepted: 0, rejected: 1, problems: [expect.stringContaining("TRIGGER_EVENT_INSPECTION_HAS_STARTED")] },
    });
    const batchId = String(response.body.batchId);
    const job = await ingestQueue().getJob(batchId);
    expect(job?.data).toMatchObject({ items: [], rejected: [{ stage: "mapping", payload: body }] });
    expect((await health(connectorId)).lastError).toContain("1 of 1 records dead-lettered");

    const outcome = await storeJob(batchId);
    expect(outcome).toMatchObject({ received: 1, deadLettered: 1, inserted: [] });
    const letters = await withTenant(db.app.prisma, plant.tenantId, (tx) =>
      tx.deadLetter.findMany({
        where: { batchId },
        select: { connectorId: true, stage: true, reason: true, payload: true },
      }),
    );
    expect(letters).toEqual([
      { connectorId, stage: "mapping", reason: expect.stringContaining("is not mapped"), payload: body },
    ]);
  });

  it("dead-letters an authentic body that is not JSON with the raw text (stage decode)", async () => {
    const raw = "audit_id=123&status=done";
    const response = await receiveWebhook(delivery(connectors.safetyCulture, null, { raw }));
    expect(response).toMatchObject({ status: 202, body: { accepted: 0, rejected: 1 } });
    const outcome = await storeJob(String(response.body.batchId));
    expect(outcome.deadLettered).toBe(1);
    const letters = await withTenant(db.app.prisma, plant.tenantId, (tx) =>
      tx.deadLetter.findMany({
        where: { batchId: String(response.body.batchId) },
        select: { stage: true, payload: true },
      }),
    );
    expect(letters).toEqual([{ stage: "decode", payload: raw }]);
  });

  it("maps a generic JSON delivery: good records become events, the rest dead letters, in one batch", async () => {
    const connectorId = connectors.generic;
    const body = {
      readings: [
        { id: "r-1", station: "st-1", at: "2026-11-24T06:00:00Z", total: 10, good: 9 },
        { id: "r-2", station: "ST-9", at: "2026-11-24T06:01:00Z", total: 4, good: 4 },
        { id: "r-3", station: "ST-X", at: "2026-11-24T06:02:00Z", total: 2, good: 1 },
      ],
    };
    const response = await receiveWebhook(delivery(connectorId, body));
    expect(response).toMatchObject({ status: 202, body: { accepted: 2, rejected: 1 } });
    expect(response.body.problems).toEqual([
      expect.stringContaining('"ST-9", which matches none of the configured values ("ST-1", "ST-X")'),
    ]);

    // r-3 passes the mapper but names a work center the tenant does not have: the worker dead-letters it.
    const outcome = await storeJob(String(response.body.batchId));
    expect(outcome).toMatchObject({ received: 3, deadLettered: 2 });
    expect(outcome.inserted).toHaveLength(1);
    const letters = await withTenant(db.app.prisma, plant.tenantId, (tx) =>
      tx.deadLetter.findMany({
        where: { sourceId: connectorId },
        orderBy: { position: "asc" },
        select: { position: true, stage: true, reason: true, payload: true },
      }),
    );
    expect(letters).toEqual([
      {
        position: 1,
        stage: "mapping",
        reason: expect.stringContaining("unknown work center"),
        payload: expect.objectContaining({ dedupeKey: "r-3" }),
      },
      { position: 2, stage: "mapping", reason: expect.stringContaining("ST-9"), payload: body.readings[1] },
    ]);
  });

  it("accepts the previous secret during a rotation, warning the sender; an empty delivery queues nothing", async () => {
    const connectorId = randomUUID();
    await withTenant(db.app.prisma, plant.tenantId, (tx) =>
      tx.connector.create({
        data: {
          tenantId: plant.tenantId,
          id: connectorId,
          kind: "WEBHOOK",
          name: `rotating-${connectorId}`,
          config: {
            format: "generic",
            eventsPath: "readings",
            kind: { from: "fixed", kind: "production.count" },
            workCenter: { from: "fixed", workCenterId: plant.workCenterId },
            count: { totalPath: "n" },
          },
          secrets: sealSecrets(
            SECRETS_KEY,
            { secret: SECRET_B, previousSecret: SECRET_A },
            { tenantId: plant.tenantId, connectorId },
          ),
        },
      }),
    );
    try {
      const response = await receiveWebhook(delivery(connectorId, { readings: [] }, { secret: SECRET_A }));
      expect(response).toEqual({
        status: 202,
        body: {
          accepted: 0,
          rejected: 0,
          batchId: null,
          message: "The delivery held no records.",
          warning: expect.stringContaining("previous webhook secret"),
        },
      });
      expect(await jobsOf(connectorId)).toHaveLength(0);
    } finally {
      await redis.del(connectorHealthKey(connectorId));
    }
  });

  it("answers 503 with Retry-After for a paused connector", async () => {
    const response = await receiveWebhook(delivery(connectors.paused, inspectionCompleted()));
    expect(response).toMatchObject({ status: 503, body: { error: "paused" }, headers: { "Retry-After": "300" } });
    expect(await jobsOf(connectors.paused)).toHaveLength(0);
  });

  it("answers 503 when the connector has no secret yet, and counts it", async () => {
    const response = await receiveWebhook(delivery(connectors.noSecret, inspectionCompleted()));
    expect(response).toMatchObject({ status: 503, body: { error: "not_configured" } });
    expect(Number((await health(connectors.noSecret)).errorCount)).toBe(1);
  });

  it("answers 404 alike for unknown ids, malformed ids and connectors of another kind", async () => {
    for (const connectorId of [randomUUID(), "not-a-uuid", '\'; DROP TABLE "Connector"; --', connectors.mtconnect]) {
      const response = await receiveWebhook(delivery(connectorId, inspectionCompleted()));
      expect(response).toEqual({
        status: 404,
        body: { error: "not_found", message: expect.stringContaining("No such webhook") },
      });
    }
  });

  it("answers 503 while Redis is down, and takes the sender's retry once it is back", async () => {
    const down = new Redis(testEnv.TEST_REDIS_URL, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
    });
    const request = delivery(
      connectors.safetyCulture,
      inspectionCompleted({ auditId: "audit_outage000000000000000000000001" }),
    );
    try {
      const refused = await receiveWebhook({ ...request, redis: down, queues: createQueues(down, prefix) });
      expect(refused).toMatchObject({ status: 503, body: { error: "unavailable" }, headers: { "Retry-After": "30" } });
    } finally {
      down.disconnect();
    }
    expect((await receiveWebhook(request)).status).toBe(202);
  });

  it("answers 413 for a body over the limit", async () => {
    const response = await receiveWebhook({ ...delivery(connectors.safetyCulture, {}), rawBody: null });
    expect(response).toMatchObject({ status: 413, body: { error: "payload_too_large", limitBytes: 1024 * 1024 } });
  });
});
