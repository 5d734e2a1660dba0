import { requestExecutionRefresh } from "@gemba/jobs/execution-refresh";
import type { JobHandler } from "./types";

/** How far back a tick reaches: the last minute, plus slack for a tick that ran late. */
const TICK_SPAN_MS = 2 * 60_000;

/**
 * Moves every work center's timeline up to now. Without it a machine that sends nothing would keep
 * its last state forever and "OEE so far this shift" would stop counting planned time.
 */
export const executionTick: JobHandler<"execution.tick"> = async (_payload, { db, publisher, queues }) => {
  const { rows } = await db.pool.query<{ tenantId: string; id: string }>(
    `SELECT "tenantId", id FROM gemba_work_center_directory()`,
  );
  const now = Date.now();
  for (const row of rows) {
    await requestExecutionRefresh(queues, publisher, {
      tenantId: row.tenantId,
      workCenterId: row.id,
      from: now - TICK_SPAN_MS,
      to: now,
    });
  }
  return { workCenters: rows.length };
};
