import { feedbackByKind } from "@gemba/db/insights/store-insights";
import type { Tx } from "@gemba/db/tenant-scope";
import { detectorWeight, isSuppressed, type TFeedbackCounts } from "@gemba/domain/insights/feedback-weight";
import { INSIGHT_KINDS, type TInsightKind } from "@gemba/domain/insights/insight";

export type TDetectorStanding = {
  kind: TInsightKind;
  /** Switched on by an admin (the default). */
  enabled: boolean;
  votes: TFeedbackCounts;
  /** From the feedback: 1 unrated, towards 0 when people keep saying "not useful", up to 2. */
  weight: number;
  /** Enough "not useful" votes that its insights are no longer shown in the feed. */
  suppressed: boolean;
  /** Shown in the feed: enabled and not suppressed. */
  shown: boolean;
};

/**
 * How each detector stands in this plant: the admin's switch and what people's feedback says of
 * it. The feed hides the insights of a detector that is switched off or suppressed.
 */
export async function loadDetectorStandings(tx: Tx): Promise<Map<TInsightKind, TDetectorStanding>> {
  const [settings, votes] = await Promise.all([
    tx.detectorSetting.findMany({ select: { kind: true, enabled: true } }),
    feedbackByKind(tx),
  ]);
  const enabledByKind = new Map(settings.map((setting) => [setting.kind, setting.enabled]));
  return new Map(
    INSIGHT_KINDS.map((kind) => {
      const counts = votes.get(kind) ?? { useful: 0, notUseful: 0 };
      const enabled = enabledByKind.get(kind) ?? true;
      const suppressed = isSuppressed(counts);
      return [
        kind,
        { kind, enabled, votes: counts, weight: detectorWeight(counts), suppressed, shown: enabled && !suppressed },
      ];
    }),
  );
}
