import type { TInsightDraft, TInsightKind } from "@gemba/domain/insights/insight";
import type { Tx } from "../tenant-scope";

/**
 * One pass of the detectors over one tenant. Scheduled passes look at every work center;
 * event-driven passes (a work center's timeline was just re-derived) name the ones that changed,
 * and a detector may then look at only those.
 */
export type TDetectorRun = {
  tenantId: string;
  /** The clock of the pass (ms); detectors never read the wall clock themselves. */
  now: number;
  /** Null: every work center of the tenant. */
  workCenterIds: readonly string[] | null;
};

/**
 * A detector as the worker runs it: it loads what it needs through the tenant transaction, calls
 * the pure detector in `@gemba/domain/insights`, and hands back drafts. Storing them (by
 * `dedupeKey`), the tenant's feedback weighting and the `insight.created` signal are the
 * caller's (`store-insights.ts`), so a detector never writes an `Insight` row itself.
 */
export type TInsightDetector = {
  kind: TInsightKind;
  /** For logs and the admin page: "SPC on cycle time, scrap rate and telemetry". */
  name: string;
  /** Scheduled passes only: how often the detector is worth running (training a model daily, SPC every 15 min). */
  everyMs: number;
  /** Whether a pass for just-changed work centers should run this detector too. */
  eventDriven: boolean;
  detect(tx: Tx, run: TDetectorRun): Promise<TInsightDraft[]>;
};
