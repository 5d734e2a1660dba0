import { requestExecutionRefresh } from "@gemba/jobs/execution-refresh";
import type { PlatformServices } from "../../platform";
import type { TenantActor } from "../scope";

/** An admin changing plant settings that the execution derivation reads (reasons, thresholds). */
export type TSettingsActor = TenantActor & {
  /** Queues to ask for re-derivation; absent in some tests, where nothing is queued. */
  platform: PlatformServices | undefined;
  /** Runs a side effect once the procedure's transaction has committed. */
  afterCommit: (effect: () => Promise<void>) => void;
};

/** A span of one work center's stored timeline and buckets to derive again, epoch ms. */
export type TRefreshSpan = { workCenterId: string; from: number; to: number };

/** What a change sets off in the background, for the admin to read: how many work centers, which period. */
export type TRecalculation = { workCenterCount: number; from: Date | null; to: Date | null };

/**
 * Asks the worker to re-derive each span once the change is committed: a refresh that started
 * earlier would read the old settings. Failures to enqueue never undo the saved change (the
 * tRPC layer swallows after-commit errors); the next refresh of the work center picks it up.
 */
export function refreshAfterCommit(actor: TSettingsActor, spans: readonly TRefreshSpan[]): TRecalculation {
  const { platform, tenantId } = actor;
  if (platform && spans.length > 0) {
    actor.afterCommit(async () => {
      for (const span of spans) {
        await requestExecutionRefresh(platform.queues, platform.redis, { tenantId, ...span });
      }
    });
  }
  return summarize(spans);
}

function summarize(spans: readonly TRefreshSpan[]): TRecalculation {
  if (spans.length === 0) return { workCenterCount: 0, from: null, to: null };
  const from = Math.min(...spans.map((span) => span.from));
  const to = Math.max(...spans.map((span) => span.to));
  return {
    workCenterCount: new Set(spans.map((span) => span.workCenterId)).size,
    from: new Date(from),
    to: new Date(to),
  };
}
