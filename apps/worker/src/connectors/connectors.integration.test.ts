import { randomBytes, randomUUID } from "node:crypto";
import { readConnectorHealth } from "@gemba/connectors/framework/health";
import { encodeSparkplugPayload } from "@gemba/connectors/sparkplug/payload";
import { sealSecrets } from "@gemba/db/secrets/secrets-box";
import { withTenant } from "@gemba/db/tenant-scope";
import { createTenantFixture, type TenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { CONNECTORS_CHANGED_CHANNEL } from "@gemba/jobs/connector-events";
import { connectAsync, type MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker, waitUntil } from "../testing/test-worker";

const BROKER = "mqtt://127.0.0.1:1883";
const secretsKey = randomBytes(32);

let db: TestDatabase;
let tenant: TenantFixture;
let worker: TestWorker;
let edge: MqttClient;

async function addSparkplugConnector(name: string, group: string, device: string) {
  const id = randomUUID();
  await withTenant(db.app.prisma, tenant.tenantId, (tx) =>
    tx.connector.create({
      data: {
        tenantId: tenant.tenantId,
        id,
        kind: "MQTT_SPARKPLUG",
        name,
        config: {
          brokerUrl: BROKER,
          hostId: `gemba-test-${group}`,
          groups: [group],
          rules: [
            { match: { device, metric: "State" }, as: "state", workCenterId: tenant.workCenterId, states: {} },
            { match: { device, metric: "Counts/Total" }, as: "count_total", workCenterId: tenant.workCenterId },
          ],
          unsRules: [],
        },
        // Brokers in plants often need credentials: prove sealed secrets reach the thread intact.
        secrets: sealSecrets(secretsKey, { username: "gemba" }, { tenantId: tenant.tenantId, connectorId: id }),
      },
    }),
  );
  return id;
}

let seq = 0;
async function publishDevice(group: string, device: string, state: string, total: number) {
  const node = "line1";
  const base = `spBv1.0/${group}`;
  if (seq === 0) {
    const birth = encodeSparkplugPayload({
      timestamp: Date.now(),
      seq: 0,
      metrics: [
        { name: "bdSeq", type: "UInt64", value: 0 },
        { name: "Node Control/Rebirth", type: "Boolean", value: false },
      ],
    });
    await edge.publishAsync(`${base}/NBIRTH/${node}`, Buffer.from(birth));
  }
  seq = (seq + 1) % 256;
  const payload = encodeSparkplugPayload({
    timestamp: Date.now(),
    seq,
    metrics: [
      { name: "State", type: "String", value: state, timestamp: Date.now() },
      { name: "Counts/Total", type: "UInt64", value: total, timestamp: Date.now() },
    ],
  });
  await edge.publishAsync(`${base}/DBIRTH/${node}/${device}`, Buffer.from(payload));
}

const storedEvents = (connectorId: string) =>
  withTenant(db.app.prisma, tenant.tenantId, (tx) => tx.event.count({ where: { sourceId: connectorId } }));

beforeAll(async () => {
  db = await createTestDatabase();
  tenant = await createTenantFixture(db, "Connectors");
  edge = await connectAsync(BROKER, { clientId: `edge-${randomBytes(4).toString("hex")}` });
});

afterAll(async () => {
  await worker?.stop();
  await edge?.endAsync();
  await db.drop();
});

describe("the worker runs configured connectors", () => {
  it("streams a Sparkplug connector into events, isolates a crashing one, and stops paused ones", async () => {
    const suffix = randomBytes(3).toString("hex");
    const healthyGroup = `healthy-${suffix}`;
    const healthy = await addSparkplugConnector("Healthy broker", healthyGroup, "PRS-1");
    const crashing = await addSparkplugConnector("Crashing broker", `crash-${suffix}`, "PRS-2");

    worker = await startTestWorker(db.app, {
      secretsKey,
      runConnectors: {
        reconcileEveryMs: 500,
        restartDelayMs: 200,
        definitionsModule: new URL("./testing/crashing-definitions.ts", import.meta.url).href,
      },
    });
    const supervisor = worker.worker.connectors;
    if (!supervisor) throw new Error("connectors not started");
    expect(supervisor.runningCount()).toBe(2);

    await waitUntil(
      async () =>
        (await readConnectorHealth(worker.connection, [{ id: healthy, streaming: true }])).get(healthy)?.status ===
        "connected",
      10_000,
      "the healthy connector to connect",
    );
    await publishDevice(healthyGroup, "PRS-1", "RUNNING", 10);
    await waitUntil(async () => (await storedEvents(healthy)) >= 1, 10_000, "events from the healthy connector");

    // The other connector crashes (and is restarted) repeatedly; the healthy one keeps working.
    await waitUntil(
      async () => (supervisor.host(crashing)?.crashes() ?? 0) >= 2,
      15_000,
      "the crashing connector to crash twice",
    );
    const before = await storedEvents(healthy);
    await publishDevice(healthyGroup, "PRS-1", "DOWN", 12);
    await waitUntil(
      async () => (await storedEvents(healthy)) > before,
      10_000,
      "events after the other connector crashed",
    );

    const health = await readConnectorHealth(worker.connection, [
      { id: healthy, streaming: true },
      { id: crashing, streaming: true },
    ]);
    expect(health.get(healthy)).toMatchObject({ status: "connected", errorCount: 0 });
    expect(health.get(healthy)?.lastMessageAt).not.toBeNull();
    expect(health.get(crashing)?.errorCount).toBeGreaterThanOrEqual(2);
    expect(health.get(crashing)?.lastError).toContain("simulated crash inside the connector");

    // Pausing stops the thread right away (change notice), without waiting for the periodic check.
    await withTenant(db.app.prisma, tenant.tenantId, (tx) =>
      tx.connector.update({
        where: { tenantId_id: { tenantId: tenant.tenantId, id: crashing } },
        data: { enabled: false },
      }),
    );
    await worker.connection.publish(CONNECTORS_CHANGED_CHANNEL, crashing);
    await waitUntil(async () => supervisor.runningCount() === 1, 10_000, "the paused connector to stop");
    expect(supervisor.host(healthy)).toBeDefined();
  });
});
