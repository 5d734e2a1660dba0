import { enqueue } from "@gemba/jobs/queue";
import { INSIGHT_SCAN_EVERY_MS } from "../insights/insight-settings";
import type { JobHandler } from "./types";

/**
 * Fans the scheduled detector pass out to one job per tenant with work centers (ids from the
 * cross-tenant directory), so a large tenant's pass never holds up a small one's. The job id
 * names the scan slot: a scan retried or run twice in a slot enqueues each tenant once.
 */
export const insightsScan: JobHandler<"insights.scan"> = async (_payload, { db, queues }) => {
  const { rows } = await db.pool.query<{ tenantId: string }>(
    `SELECT DISTINCT "tenantId" FROM gemba_work_center_directory()`,
  );
  const slot = Math.floor(Date.now() / INSIGHT_SCAN_EVERY_MS);
  for (const { tenantId } of rows) {
    await enqueue(
      queues,
      "insights.detect",
      { tenantId, reason: "SCHEDULED", workCenterIds: null },
      { jobId: `insights-scheduled_${tenantId}_${slot}` },
    );
  }
  return { tenants: rows.length };
};
