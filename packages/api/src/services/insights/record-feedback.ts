import { feedbackByKind } from "@gemba/db/insights/store-insights";
import { AppError } from "@gemba/domain/errors";
import { detectorWeight, isSuppressed } from "@gemba/domain/insights/feedback-weight";
import type { TenantActor } from "../scope";
import type { TInsightFeedbackInput } from "./insight-inputs";

/**
 * "Was it useful?": one answer per person and insight (answering again replaces it). The
 * detector's weight is recomputed from all of the plant's votes and stored on its setting, where
 * the worker reads it when it next weighs that detector's confidence.
 */
export async function recordInsightFeedback(actor: TenantActor, input: TInsightFeedbackInput, now = Date.now()) {
  const { tx, tenantId, userId } = actor;
  const insight = await tx.insight.findFirst({ where: { id: input.insightId }, select: { id: true, kind: true } });
  if (!insight)
    throw new AppError("NOT_FOUND", "This insight does not exist in your plant. Open it again from the feed.");
  const note = input.note ? input.note : null;
  await tx.insightFeedback.upsert({
    where: { tenantId_insightId_userId: { tenantId, insightId: insight.id, userId } },
    create: { tenantId, insightId: insight.id, userId, useful: input.useful, note },
    update: { useful: input.useful, note, createdAt: new Date(now) },
    select: { useful: true },
  });
  const counts = (await feedbackByKind(tx)).get(insight.kind) ?? { useful: 0, notUseful: 0 };
  const weight = detectorWeight(counts);
  await tx.detectorSetting.upsert({
    where: { tenantId_kind: { tenantId, kind: insight.kind } },
    create: { tenantId, kind: insight.kind, weight, updatedAt: new Date(now) },
    update: { weight, updatedAt: new Date(now) },
    select: { kind: true },
  });
  return { kind: insight.kind, votes: counts, weight, suppressed: isSuppressed(counts) };
}
