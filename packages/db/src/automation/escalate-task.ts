import { decideEscalation } from "@gemba/domain/automation/escalation";
import { roleLabels, type TRole } from "@gemba/domain/roles";
import { recordAudit } from "../audit/record-audit";
import type { Database } from "../client";
import { withTenant } from "../tenant-scope";
import { insertNotification, memberEmails, type TFollowUps } from "./rule-actions";

export type TEscalateOutcome =
  | { status: "skipped"; why: string }
  | { status: "escalated"; step: number; role: TRole; notified: number; followUps: TFollowUps };

/**
 * Climbs one rung of a task's escalation ladder if the task is still open and the rung is due:
 * re-assigns it to the rung's role, e-mails that role's members (outbox), and sets when the next
 * rung is due. The task row is locked, so the job and the sweep (or two jobs) climb a rung once;
 * acknowledging the task first makes this a no-op.
 */
export async function escalateTask(
  db: Database,
  /** `step`: the rung the job was scheduled for; "next" for the sweep, which climbs whatever is due. */
  input: { tenantId: string; taskId: string; step: number | "next" },
  now = Date.now(),
): Promise<TEscalateOutcome> {
  return withTenant(db.prisma, input.tenantId, async (tx) => {
    const rows = await tx.$queryRaw<
      {
        title: string;
        detail: string | null;
        status: string;
        escalationStep: number;
        nextEscalationAt: Date | null;
        escalation: unknown;
        workCenterCode: string | null;
      }[]
    >`
      SELECT t.title, t.detail, t.status::text AS status, t."escalationStep", t."nextEscalationAt", t.escalation,
             wc.code AS "workCenterCode"
        FROM "Task" t LEFT JOIN "WorkCenter" wc ON wc.id = t."workCenterId"
       WHERE t.id = ${input.taskId}::uuid
       FOR UPDATE OF t`;
    const task = rows[0];
    if (!task) return { status: "skipped", why: "task not found" };
    const decision = decideEscalation(
      { ...task, nextEscalationAt: task.nextEscalationAt?.getTime() ?? null },
      input.step === "next" ? task.escalationStep + 1 : input.step,
      now,
    );
    if (decision.kind === "skip") return { status: "skipped", why: decision.why };

    const { rung, following } = decision;
    const followUps: TFollowUps = { escalations: [], notifications: [] };
    await tx.task.update({
      where: { tenantId_id: { tenantId: input.tenantId, id: input.taskId } },
      data: {
        assigneeRole: rung.role,
        assigneeUserId: null,
        escalationStep: rung.step,
        nextEscalationAt: following ? new Date(following.dueAt) : null,
      },
      select: { id: true },
    });
    if (following) followUps.escalations.push({ taskId: input.taskId, step: following.step, dueAt: following.dueAt });

    const recipients = await memberEmails(tx, [rung.role]);
    const where = task.workCenterCode ? ` at ${task.workCenterCode}` : "";
    if (recipients.length > 0) {
      await insertNotification(
        tx,
        {
          tenantId: input.tenantId,
          channel: "EMAIL",
          target: recipients.join(", "),
          subject: `Escalated: ${task.title}`.slice(0, 200),
          body: {
            to: recipients,
            text:
              `The task "${task.title}"${where} has not been acknowledged and is now assigned to ` +
              `${roleLabels[rung.role]} (escalation step ${rung.step}).${task.detail ? `\n\n${task.detail}` : ""}`,
          },
          idempotencyKey: `escalation:${input.taskId}:${rung.step}`,
          taskId: input.taskId,
          nextAttemptAt: new Date(now),
        },
        followUps,
      );
    }
    await recordAudit(tx, {
      tenantId: input.tenantId,
      actorId: null,
      action: "task.escalate",
      entityType: "Task",
      entityId: input.taskId,
      summary:
        `Escalated the task "${task.title}" to ${roleLabels[rung.role]} (step ${rung.step})` +
        (recipients.length === 0 ? "; nobody holds that role, so no e-mail was sent" : ""),
      before: { escalationStep: task.escalationStep },
      after: { escalationStep: rung.step, assigneeRole: rung.role, notified: recipients.length },
    });
    return { status: "escalated", step: rung.step, role: rung.role, notified: recipients.length, followUps };
  });
}
