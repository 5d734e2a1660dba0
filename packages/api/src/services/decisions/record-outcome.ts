import { recordAudit } from "@gemba/db/audit/record-audit";
import { AppError } from "@gemba/domain/errors";
import { roleAtLeast } from "@gemba/domain/roles";
import type { TenantActor } from "../scope";
import { changeTask } from "../tasks/transition-task";

/**
 * What actually came of a decision, written by the person who decided or a manager. The outcome is
 * the only part of a decision that may change after it was logged (the database refuses the rest);
 * a correction is audited with what it replaced. The review task, if still open, is done with it.
 */
export async function recordOutcome(
  actor: TenantActor,
  input: { decisionId: string; actualOutcome: string },
  now = Date.now(),
): Promise<{ decisionId: string; changed: boolean; reviewTaskCompleted: boolean }> {
  const { tx, tenantId, userId } = actor;
  const decision = await tx.decision.findFirst({
    where: { id: input.decisionId },
    select: { id: true, title: true, decidedById: true, actualOutcome: true, reviewTaskId: true },
  });
  if (!decision) throw new AppError("NOT_FOUND", "This decision does not exist in your plant.");
  if (decision.decidedById !== userId && !roleAtLeast(actor.role, "MANAGER")) {
    throw new AppError("FORBIDDEN", "Only the person who decided or a manager can record the outcome.");
  }

  let changed = false;
  if (decision.actualOutcome !== input.actualOutcome) {
    await tx.decision.update({
      where: { tenantId_id: { tenantId, id: decision.id } },
      data: { actualOutcome: input.actualOutcome, outcomeRecordedAt: new Date(now), outcomeRecordedById: userId },
    });
    await recordAudit(tx, {
      tenantId,
      actorId: userId,
      action: "decision.outcome",
      entityType: "Decision",
      entityId: decision.id,
      summary: `${decision.actualOutcome === null ? "Recorded" : "Corrected"} the outcome of "${decision.title}"`,
      before: { actualOutcome: decision.actualOutcome },
      after: { actualOutcome: input.actualOutcome },
    });
    changed = true;
  }

  let reviewTaskCompleted = false;
  if (decision.reviewTaskId) {
    const review = await tx.task.findFirst({ where: { id: decision.reviewTaskId }, select: { status: true } });
    if (review && (review.status === "OPEN" || review.status === "ACKNOWLEDGED")) {
      const result = await changeTask(
        actor,
        decision.reviewTaskId,
        { action: "complete", resolution: `Outcome recorded: ${input.actualOutcome}`.slice(0, 2_000) },
        // Recording the outcome is the review: whoever may record it may close its task.
        { now, checkPermission: false },
      );
      reviewTaskCompleted = result.changed;
    }
  }
  return { decisionId: decision.id, changed, reviewTaskCompleted };
}
