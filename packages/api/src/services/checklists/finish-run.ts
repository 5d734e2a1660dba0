import { recordAudit } from "@gemba/db/audit/record-audit";
import type { Tx } from "@gemba/db/tenant-scope";
import { type TAnswerValue, ZAnswerValue } from "@gemba/domain/checklists/evaluate-answer";
import { completionIssues } from "@gemba/domain/checklists/run-rules";
import { AppError } from "@gemba/domain/errors";
import type { TenantActor } from "../scope";
import { loadVersion, lockRun, RUN_NOT_FOUND } from "./checklist-actor";
import { getRun, type TRunView } from "./run-view";

/**
 * Ends a run: completed (every required step answered, signed off by the person completing it
 * when the version asks) or abandoned with a reason. Doing it again is a no-op, so a re-sent
 * request from the tablet neither fails nor audits twice; contradicting it is refused.
 */

export async function completeRun(
  actor: TenantActor,
  input: { runId: string; signOff: boolean },
  now = Date.now(),
): Promise<TRunView> {
  const { tx, tenantId, userId } = actor;
  await lockRun(tx, tenantId, input.runId);
  const run = await readRun(tx, input.runId);
  if (run.status === "COMPLETED") return getRun(tx, tenantId, run.id);
  if (run.status === "ABANDONED") {
    throw new AppError("CONFLICT", "This checklist was abandoned; it can no longer be completed. Start a new one.");
  }
  const version = await loadVersion(tx, tenantId, run.templateId, run.version);
  const answers = run.results.flatMap((result) => {
    const value = ZAnswerValue.safeParse(result.value);
    return value.success ? [{ ...result, value: value.data as TAnswerValue }] : [];
  });
  const issues = completionIssues({
    steps: version.steps,
    answers,
    requireSignOff: version.requireSignOff,
    signOff: input.signOff,
  });
  if (issues.length > 0) throw new AppError("BAD_REQUEST", issues.join(" "));

  const at = new Date(now);
  const signedOff = version.requireSignOff ? { signedOffById: userId, signedOffAt: at } : {};
  const updated = await tx.checklistRun.updateMany({
    where: { id: run.id, status: "IN_PROGRESS" },
    data: { status: "COMPLETED", completedAt: at, ...signedOff },
  });
  if (updated.count === 0) return getRun(tx, tenantId, run.id);
  const flagged = run.failedSteps;
  await recordAudit(tx, {
    tenantId,
    actorId: userId,
    action: "checklist_run.complete",
    entityType: "ChecklistRun",
    entityId: run.id,
    summary: `Completed “${run.template.name}” on ${run.workCenter.code}${version.requireSignOff ? " and signed it off" : ""}${flagged ? ` — ${flagged} step${flagged === 1 ? "" : "s"} out of limit or failed` : ""}`,
    before: { status: run.status },
    after: { status: "COMPLETED", signedOff: version.requireSignOff, failedSteps: flagged },
  });
  return getRun(tx, tenantId, run.id);
}

export async function abandonRun(
  actor: TenantActor,
  input: { runId: string; reason: string },
  now = Date.now(),
): Promise<TRunView> {
  const { tx, tenantId, userId } = actor;
  const run = await readRun(tx, input.runId);
  if (run.status === "ABANDONED") return getRun(tx, tenantId, run.id);
  if (run.status === "COMPLETED") {
    throw new AppError("CONFLICT", "This checklist is already completed; it can no longer be abandoned.");
  }
  const updated = await tx.checklistRun.updateMany({
    where: { id: run.id, status: "IN_PROGRESS" },
    data: { status: "ABANDONED", completedAt: new Date(now) },
  });
  if (updated.count === 0) return getRun(tx, tenantId, run.id);
  await recordAudit(tx, {
    tenantId,
    actorId: userId,
    action: "checklist_run.abandon",
    entityType: "ChecklistRun",
    entityId: run.id,
    summary: `Abandoned “${run.template.name}” on ${run.workCenter.code}: ${input.reason.slice(0, 200)}`,
    before: { status: run.status },
    after: { status: "ABANDONED", reason: input.reason },
  });
  return getRun(tx, tenantId, run.id);
}

async function readRun(tx: Tx, runId: string) {
  const run = await tx.checklistRun.findFirst({
    where: { id: runId },
    select: {
      id: true,
      templateId: true,
      version: true,
      status: true,
      failedSteps: true,
      template: { select: { name: true } },
      workCenter: { select: { code: true } },
      results: { select: { stepId: true, value: true, outOfLimit: true, failed: true } },
    },
  });
  if (!run) throw new AppError("NOT_FOUND", RUN_NOT_FOUND);
  return run;
}
