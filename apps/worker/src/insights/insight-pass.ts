import type { Database } from "@gemba/db/client";
import type { TDetectorRun, TInsightDetector } from "@gemba/db/insights/detector";
import { storeInsightDrafts } from "@gemba/db/insights/store-insights";
import { withTenant } from "@gemba/db/tenant-scope";
import type { Logger } from "pino";

export type TDetectorOutcome = {
  kind: TInsightDetector["kind"];
  name: string;
  drafts: number;
  created: number;
  updated: number;
  /** Why this detector produced nothing this pass; the other detectors ran all the same. */
  error: string | null;
};

export type TInsightPassResult = { detectors: TDetectorOutcome[]; signalIds: string[] };

/**
 * One tenant's pass over the given detectors. Each detector reads in its own tenant transaction
 * and its drafts are stored in another, so a detector that fails (or a slow one that times out)
 * is logged and costs no other detector its findings.
 */
export async function runInsightPass(
  db: Database,
  log: Logger,
  run: TDetectorRun,
  detectors: readonly TInsightDetector[],
): Promise<TInsightPassResult> {
  const result: TInsightPassResult = { detectors: [], signalIds: [] };
  for (const detector of detectors) {
    const outcome: TDetectorOutcome = {
      kind: detector.kind,
      name: detector.name,
      drafts: 0,
      created: 0,
      updated: 0,
      error: null,
    };
    try {
      const drafts = await withTenant(db.prisma, run.tenantId, (tx) => detector.detect(tx, run));
      outcome.drafts = drafts.length;
      const stored = await withTenant(db.prisma, run.tenantId, (tx) =>
        storeInsightDrafts(tx, { tenantId: run.tenantId, now: run.now, drafts }),
      );
      outcome.created = stored.created.length;
      outcome.updated = stored.updated;
      result.signalIds.push(...stored.signalIds);
    } catch (error) {
      outcome.error = error instanceof Error ? error.message : String(error);
      log.warn({ tenantId: run.tenantId, detector: detector.kind, err: error }, "insight detector failed");
    }
    result.detectors.push(outcome);
  }
  return result;
}
