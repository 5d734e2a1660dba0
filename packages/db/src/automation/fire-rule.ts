import { recordAudit } from "../audit/record-audit";
import type { Database } from "../client";
import { withTenant } from "../tenant-scope";
import { runKeyOf, type TFiring } from "./firing";
import { ActionFailure, performAction, type TActionOutcome, type TFollowUps } from "./rule-actions";

export type TFireOutcome =
  | { status: "fired"; runId: string; failed: boolean; actions: TActionOutcome[]; followUps: TFollowUps }
  /** The run exists already: a retried job, a signal processed twice, a sweep after a crash. */
  | { status: "already"; followUps: TFollowUps };

const NO_FOLLOW_UPS = (): TFollowUps => ({ escalations: [], notifications: [] });

/**
 * Fires one rule for one signal, exactly once: the run row (unique by rule and signal) and every
 * row its actions write commit together, or none do. An action that cannot be done (an archived
 * checklist, a disabled endpoint, nobody holding a role) is rolled back to its savepoint and
 * recorded on the run as FAILED with the reason; the other actions still happen.
 */
export async function fireRule(
  db: Database,
  tenantId: string,
  firing: TFiring,
  now = new Date(),
): Promise<TFireOutcome> {
  return withTenant(db.prisma, tenantId, async (tx) => {
    const idempotencyKey = runKeyOf(firing);
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "RuleRun" ("tenantId", "ruleId", "ruleVersion", "idempotencyKey", "signalKind", "workCenterId",
                             "triggeredAt", "firedAt", "summary", "context")
      VALUES (${tenantId}::uuid, ${firing.rule.id}::uuid, ${firing.rule.version}, ${idempotencyKey}, ${firing.signalKind},
              ${firing.workCenterId}::uuid, ${firing.triggeredAt}, ${now}, ${firing.summary.slice(0, 500)},
              ${JSON.stringify({ context: firing.context, values: firing.values, evidence: firing.evidence })}::jsonb)
      ON CONFLICT ("tenantId", "idempotencyKey") DO NOTHING
      RETURNING id::text AS id`;
    const runId = inserted[0]?.id;
    if (!runId) return { status: "already", followUps: NO_FOLLOW_UPS() };

    const followUps = NO_FOLLOW_UPS();
    const actions: TActionOutcome[] = [];
    for (const [index, action] of firing.rule.definition.actions.entries()) {
      const savepoint = `rule_action_${index}`;
      await tx.$executeRawUnsafe(`SAVEPOINT ${savepoint}`);
      const pending = { escalations: followUps.escalations.length, notifications: followUps.notifications.length };
      try {
        const ref = await performAction({ tx, tenantId, runId, firing, now }, action, index, followUps);
        await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${savepoint}`);
        actions.push({ index, kind: action.kind, status: "DONE", ref, error: null });
      } catch (error) {
        await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${savepoint}`);
        // What the failed action had planned for after the commit was rolled back with it.
        followUps.escalations.length = pending.escalations;
        followUps.notifications.length = pending.notifications;
        actions.push({ index, kind: action.kind, status: "FAILED", ref: null, error: failureText(error) });
      }
    }

    const failures = actions.filter((outcome) => outcome.status === "FAILED");
    const error =
      failures.length > 0 ? failures.map((f) => `action ${f.index + 1} (${f.kind}): ${f.error}`).join("; ") : null;
    await tx.ruleRun.update({
      where: { tenantId_id: { tenantId, id: runId } },
      data: { status: error ? "FAILED" : "SUCCEEDED", actions, error, finishedAt: new Date() },
      select: { id: true },
    });
    // Last: the audit chain takes a per-tenant lock until commit, so it is held as briefly as possible.
    await recordAudit(tx, {
      tenantId,
      actorId: null,
      action: "rule.fire",
      entityType: "RuleRun",
      entityId: runId,
      summary:
        `Rule "${firing.rule.name}" fired: ${firing.summary}${error ? ` (${failures.length} action(s) failed)` : ""}`.slice(
          0,
          500,
        ),
      after: { ruleId: firing.rule.id, ruleVersion: firing.rule.version, key: idempotencyKey, actions },
    });
    return { status: "fired", runId, failed: error !== null, actions, followUps };
  });
}

/** A reason in words: ours as written, anything unexpected (a constraint, a lost row) by its message. */
function failureText(error: unknown): string {
  if (error instanceof ActionFailure) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `unexpected error: ${message.split("\n").filter(Boolean).slice(-1)[0] ?? message}`.slice(0, 500);
}
