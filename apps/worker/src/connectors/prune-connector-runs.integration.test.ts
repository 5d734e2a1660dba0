import { withTenant } from "@gemba/db/tenant-scope";
import { createTenantFixture } from "@gemba/db/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@gemba/db/testing/test-database";
import { jobCatalog } from "@gemba/jobs/catalog";
import { enqueue } from "@gemba/jobs/queue";
import { QueueEvents } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "../testing/test-worker";

let db: TestDatabase;
let worker: TestWorker;

beforeAll(async () => {
  db = await createTestDatabase();
  worker = await startTestWorker(db.app);
});

afterAll(async () => {
  await worker.stop();
  await db.drop();
});

describe("connector run history retention", () => {
  it("deletes runs older than the retention in every tenant with connectors, and keeps recent ones", async () => {
    const tenants = [await createTenantFixture(db, "Alpha"), await createTenantFixture(db, "Beta")];
    const old = new Date(Date.now() - 20 * 86_400_000);
    for (const tenant of tenants) {
      await withTenant(db.app.prisma, tenant.tenantId, async (tx) => {
        const connector = await tx.connector.create({
          data: { tenantId: tenant.tenantId, kind: "MTCONNECT", name: "Agent", config: {} },
        });
        await tx.connectorRun.createMany({
          data: [
            { tenantId: tenant.tenantId, connectorId: connector.id, trigger: "schedule", startedAt: old },
            { tenantId: tenant.tenantId, connectorId: connector.id, trigger: "schedule" },
          ],
        });
      });
    }

    const queueName = jobCatalog["maintenance.prune-connector-runs"].queue;
    const events = new QueueEvents(queueName, { connection: worker.connection.duplicate(), prefix: worker.prefix });
    await events.waitUntilReady();
    try {
      await enqueue(
        worker.worker.queues,
        "maintenance.prune-connector-runs",
        { retentionDays: 14 },
        { jobId: "prune-now" },
      );
      const job = await worker.worker.queues.get(queueName).getJob("prune-now");
      if (!job) throw new Error("job was not enqueued");
      expect(await job.waitUntilFinished(events, 15_000)).toEqual({ deleted: 2, tenants: 2 });
    } finally {
      await events.close();
    }
    for (const tenant of tenants) {
      const left = await withTenant(db.app.prisma, tenant.tenantId, (tx) => tx.connectorRun.findMany());
      expect(left).toHaveLength(1);
      expect(left[0]?.startedAt.getTime()).toBeGreaterThan(old.getTime());
    }
  });
});
