import { withTenant } from "@gemba/db/tenant-scope";
import type { JobHandler } from "./types";

/**
 * Deletes connector runs older than the retention, tenant by tenant (row-level security allows
 * nothing else): the tenants are those with connectors, from the connector directory.
 */
export const pruneConnectorRuns: JobHandler<"maintenance.prune-connector-runs"> = async (payload, { db, log }) => {
  const cutoff = new Date(Date.now() - payload.retentionDays * 86_400_000);
  const { rows } = await db.pool.query<{ tenantId: string }>(
    `SELECT DISTINCT "tenantId" FROM gemba_connector_directory()`,
  );
  let deleted = 0;
  for (const { tenantId } of rows) {
    const result = await withTenant(db.prisma, tenantId, (tx) =>
      tx.connectorRun.deleteMany({ where: { startedAt: { lt: cutoff } } }),
    );
    deleted += result.count;
  }
  if (deleted > 0) log.info({ deleted, tenants: rows.length }, "pruned connector runs");
  return { deleted, tenants: rows.length };
};
