import { recordAudit } from "@gemba/db/audit/record-audit";
import { recordAutomationSignal } from "@gemba/db/automation/record-signal";
import type { Prisma } from "@gemba/db/client";
import type { Tx } from "@gemba/db/tenant-scope";
import { evaluateAnswer } from "@gemba/domain/checklists/evaluate-answer";
import { AppError } from "@gemba/domain/errors";
import { wakeAutomation } from "@gemba/jobs/automation";
import { loadVersion, lockRun, type TChecklistActor } from "./checklist-actor";
import type { TRecordAnswerInput } from "./checklist-inputs";
import { getRun, type TRunView } from "./run-view";

export type TRecordedAnswer = {
  run: TRunView;
  /** False when the answer was already there (the same key, or the same value, sent again). */
  changed: boolean;
};

const ANSWER_ACTION = "checklist_run.answer";

/**
 * Records the answer to one step of a run in progress; a new answer to the same step replaces
 * the old one, and every answer is in the audit trail. An answer that turns a step out of limit
 * or failed writes one `checklist.failed` signal in the same transaction, so a rule can react
 * (a task for the shift lead…) exactly once per failure, however often the tablet re-sends it.
 */
export async function recordAnswer(
  actor: TChecklistActor,
  input: TRecordAnswerInput,
  now = Date.now(),
): Promise<TRecordedAnswer> {
  const { tx, tenantId, userId } = actor;
  await lockRun(tx, tenantId, input.runId);
  const run = await readRun(tx, tenantId, input.runId);
  if (input.idempotencyKey && (await seenKey(tx, run.id, input.idempotencyKey))) {
    return { run: await getRun(tx, tenantId, run.id), changed: false };
  }
  if (run.status !== "IN_PROGRESS") {
    throw new AppError(
      "CONFLICT",
      run.status === "COMPLETED"
        ? "This checklist is already completed; its answers can no longer change."
        : "This checklist was abandoned; its answers can no longer change.",
    );
  }
  const version = await loadVersion(tx, tenantId, run.templateId, run.version);
  const step = version.steps.find((candidate) => candidate.id === input.stepId);
  if (!step) {
    throw new AppError("NOT_FOUND", `This step is not part of version ${run.version} of the checklist. Reload it.`);
  }
  const evaluation = evaluateAnswer(step, input.value);
  if (!evaluation.valid) throw new AppError("BAD_REQUEST", evaluation.error);
  if ("mediaId" in evaluation.value) {
    const photo = await tx.mediaFile.findFirst({ where: { id: evaluation.value.mediaId }, select: { id: true } });
    if (!photo) throw new AppError("NOT_FOUND", "This photo was not uploaded to your plant. Take it again.");
  }

  const note = input.note || null;
  const previous = await tx.checklistStepResult.findUnique({
    where: { tenantId_runId_stepId: { tenantId, runId: run.id, stepId: step.id } },
    select: { value: true, note: true, outOfLimit: true, failed: true },
  });
  const value = evaluation.value as Prisma.InputJsonValue;
  if (previous && sameJson(previous.value, value) && previous.note === note) {
    return { run: await getRun(tx, tenantId, run.id), changed: false };
  }

  const flags = { outOfLimit: evaluation.outOfLimit, failed: evaluation.failed };
  const recordedAt = new Date(now);
  await tx.checklistStepResult.upsert({
    where: { tenantId_runId_stepId: { tenantId, runId: run.id, stepId: step.id } },
    create: { tenantId, runId: run.id, stepId: step.id, value, note, ...flags, recordedById: userId, recordedAt },
    update: { value, note, ...flags, recordedById: userId, recordedAt },
    select: { stepId: true },
  });
  const failedSteps = await tx.checklistStepResult.count({
    where: { runId: run.id, OR: [{ outOfLimit: true }, { failed: true }] },
  });
  await tx.checklistRun.update({
    where: { tenantId_id: { tenantId, id: run.id } },
    data: { failedSteps },
    select: { id: true },
  });

  // The how-many-th answer to this step, counted under the run's lock: the signal key of a failure.
  const revision =
    (await tx.auditEntry.count({
      where: {
        entityType: "ChecklistRun",
        entityId: run.id,
        action: ANSWER_ACTION,
        after: { path: ["stepId"], equals: step.id },
      },
    })) + 1;
  const problem = evaluation.failed ? "failed" : evaluation.outOfLimit ? "out of limit" : null;
  await recordAudit(tx, {
    tenantId,
    actorId: userId,
    action: ANSWER_ACTION,
    entityType: "ChecklistRun",
    entityId: run.id,
    summary: `${previous ? "Changed the answer to" : "Answered"} “${step.title}” in “${run.templateName}” on ${run.workCenterCode}: ${evaluation.valueText.slice(0, 200)}${problem ? ` — ${problem}` : ""}`,
    ...(previous
      ? { before: { value: previous.value as Prisma.InputJsonValue, note: previous.note, ...pick(previous) } }
      : {}),
    after: {
      stepId: step.id,
      value,
      valueText: evaluation.valueText.slice(0, 500),
      note,
      ...flags,
      revision,
      idempotencyKey: input.idempotencyKey ?? null,
    },
  });

  // A step that was fine (or unanswered) and now is not: one signal. Still failing after a
  // correction of the value is the same problem, already signalled.
  const wasFlagged = previous ? previous.outOfLimit || previous.failed : false;
  if ((flags.outOfLimit || flags.failed) && !wasFlagged) {
    const signalId = await recordAutomationSignal(tx, {
      tenantId,
      kind: "checklist.failed",
      key: `checklist:${run.id}:${step.id}:${revision}`,
      occurredAt: recordedAt,
      payload: {
        runId: run.id,
        templateId: run.templateId,
        templateName: run.templateName,
        workCenterId: run.workCenterId,
        orderId: run.orderId,
        stepId: step.id,
        stepTitle: step.title,
        valueText: evaluation.valueText.slice(0, 200),
        ...flags,
      },
    });
    const platform = actor.platform;
    if (signalId && platform) actor.afterCommit(() => wakeAutomation(platform.queues, { tenantId, signalId }));
  }
  return { run: await getRun(tx, tenantId, run.id), changed: true };
}

async function readRun(tx: Tx, tenantId: string, runId: string) {
  const run = await tx.checklistRun.findUniqueOrThrow({
    where: { tenantId_id: { tenantId, id: runId } },
    select: {
      id: true,
      templateId: true,
      version: true,
      status: true,
      workCenterId: true,
      orderId: true,
      template: { select: { name: true } },
      workCenter: { select: { code: true } },
    },
  });
  return { ...run, templateName: run.template.name, workCenterCode: run.workCenter.code };
}

/** Whether an answer with this client key was already applied to the run (its audit entry keeps the key). */
async function seenKey(tx: Tx, runId: string, idempotencyKey: string): Promise<boolean> {
  const entry = await tx.auditEntry.findFirst({
    where: {
      entityType: "ChecklistRun",
      entityId: runId,
      action: ANSWER_ACTION,
      after: { path: ["idempotencyKey"], equals: idempotencyKey },
    },
    select: { id: true },
  });
  return entry !== null;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function pick(previous: { outOfLimit: boolean; failed: boolean }) {
  return { outOfLimit: previous.outOfLimit, failed: previous.failed };
}
