import { refreshWorkCenter } from "@gemba/db/execution/refresh-work-center";
import { requestExecutionRefresh, takeDirtySpan } from "@gemba/jobs/execution-refresh";
import { liveChannel, type TLiveMessage } from "@gemba/jobs/live-bus";
import { scheduleStateChecks } from "../automation/state-checks";
import { requestChangedInsightPass } from "../insights/request-changed-pass";
import type { JobHandler } from "./types";

/**
 * Re-derives one work center over the span ingest marked dirty, then tells live views its current
 * state. A failed run puts its span back so the retry (or the next run) covers it.
 */
export const executionRefresh: JobHandler<"execution.refresh"> = async (payload, { db, publisher, queues, log }) => {
  const span = await takeDirtySpan(publisher, payload.workCenterId);
  if (!span) return { skipped: "nothing marked" };
  const now = Date.now();
  let outcome: Awaited<ReturnType<typeof refreshWorkCenter>>;
  try {
    outcome = await refreshWorkCenter(db.pool, { ...payload, changedFrom: span.from, changedTo: span.to, now });
  } catch (error) {
    await requestExecutionRefresh(queues, publisher, { ...payload, ...span });
    throw error;
  }
  // A stretch some STATE_DURATION rule watches gets its check at the due time (one job per stretch).
  if (outcome) await scheduleStateChecks(db, queues, payload, log);
  // Detectors that follow the live data look at this work center again shortly (once per slot).
  // Best effort: the scheduled scan covers a lost request, and it must not cost the live message.
  if (outcome) {
    await requestChangedInsightPass(queues, payload, now).catch((error: unknown) =>
      log.warn({ workCenterId: payload.workCenterId, err: error }, "could not request an insight pass"),
    );
  }
  const latest = outcome?.intervals.at(-1);
  if (outcome && latest) {
    const message: TLiveMessage = {
      type: "execution",
      execution: {
        workCenterId: payload.workCenterId,
        state: latest.state,
        since: new Date(latest.stopStart ?? latest.start).toISOString(),
        reasonCode: latest.reasonCode,
        unclassified: latest.unclassified,
        changedFrom: new Date(outcome.from).toISOString(),
        changedTo: new Date(outcome.to).toISOString(),
      },
    };
    await publisher.publish(liveChannel(payload.tenantId), JSON.stringify(message));
  }
  return {
    from: outcome?.from,
    to: outcome?.to,
    intervals: outcome?.intervals.length ?? 0,
    buckets: outcome?.buckets ?? 0,
  };
};
