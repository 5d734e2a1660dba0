import { recordAudit } from "@gemba/db/audit/record-audit";
import { AppError } from "@gemba/domain/errors";
import { checkStatusChange, type TInsightStatus } from "@gemba/domain/insights/insight";
import type { TenantActor } from "../scope";
import type { TSetInsightStatusInput } from "./insight-inputs";

const statusWords: Record<TInsightStatus, string> = {
  NEW: "new",
  ACKNOWLEDGED: "acknowledged",
  ACTED_ON: "acted on",
  DISMISSED: "dismissed",
};

/**
 * Moves an insight along new → acknowledged → acted on / dismissed. Dismissing needs a reason (the
 * detector's owners learn from it). The change is audited; a concurrent change by someone else is
 * a conflict rather than a silent overwrite.
 */
export async function setInsightStatus(actor: TenantActor, input: TSetInsightStatusInput, now = Date.now()) {
  const { tx, tenantId, userId } = actor;
  const insight = await tx.insight.findFirst({
    where: { id: input.insightId },
    select: { id: true, title: true, status: true },
  });
  if (!insight)
    throw new AppError("NOT_FOUND", "This insight does not exist in your plant. Open it again from the feed.");
  const dismissReason = input.status === "DISMISSED" ? (input.dismissReason ?? "").trim() : null;
  const check = checkStatusChange(insight.status, input.status, dismissReason);
  if (!check.ok) throw new AppError("BAD_REQUEST", check.message);

  const changed = await tx.insight.updateMany({
    where: { id: insight.id, status: insight.status },
    data: {
      status: input.status,
      statusChangedAt: new Date(now),
      statusChangedById: userId,
      dismissReason,
    },
  });
  if (changed.count !== 1) {
    throw new AppError("CONFLICT", "Someone changed this insight at the same time. Reload it to see its status.");
  }
  await recordAudit(tx, {
    tenantId,
    actorId: userId,
    action: "insight.status_change",
    entityType: "Insight",
    entityId: insight.id,
    summary: `Marked the insight "${insight.title}" as ${statusWords[input.status]}${dismissReason ? `: ${dismissReason}` : ""}`,
    before: { status: insight.status },
    after: { status: input.status, dismissReason },
  });
  return { insightId: insight.id, status: input.status };
}
