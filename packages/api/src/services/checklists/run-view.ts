import type { Tx } from "@gemba/db/tenant-scope";
import { evaluateAnswer, type TAnswerValue, ZAnswerValue } from "@gemba/domain/checklists/evaluate-answer";
import { runProgress } from "@gemba/domain/checklists/run-rules";
import { AppError } from "@gemba/domain/errors";
import { loadPeople } from "../tasks/load-people";
import { loadVersion, RUN_NOT_FOUND } from "./checklist-actor";

export type TRunView = Awaited<ReturnType<typeof getRun>>;
export type TRunAnswer = TRunView["answers"][number];

/**
 * Everything a runner screen needs in one read: the run, the steps of the version it started
 * with (not the template's current one), the answers so far with their text for people, and
 * what is still missing before it can be completed.
 */
export async function getRun(tx: Tx, tenantId: string, runId: string) {
  const run = await tx.checklistRun.findFirst({
    where: { id: runId },
    select: {
      id: true,
      templateId: true,
      version: true,
      status: true,
      source: true,
      orderId: true,
      startedAt: true,
      startedById: true,
      completedAt: true,
      signedOffAt: true,
      signedOffById: true,
      failedSteps: true,
      template: { select: { name: true, currentVersion: true, archivedAt: true } },
      workCenter: { select: { id: true, code: true, name: true } },
      results: {
        select: {
          stepId: true,
          value: true,
          outOfLimit: true,
          failed: true,
          note: true,
          recordedAt: true,
          recordedById: true,
        },
      },
    },
  });
  if (!run) throw new AppError("NOT_FOUND", RUN_NOT_FOUND);
  const [version, order, abandonment] = await Promise.all([
    loadVersion(tx, tenantId, run.templateId, run.version),
    run.orderId
      ? tx.productionOrder.findFirst({
          where: { id: run.orderId },
          select: { id: true, externalId: true, product: { select: { name: true } } },
        })
      : null,
    run.status === "ABANDONED"
      ? tx.auditEntry.findFirst({
          where: { entityType: "ChecklistRun", entityId: run.id, action: "checklist_run.abandon" },
          orderBy: { id: "desc" },
          select: { after: true },
        })
      : null,
  ]);
  const personOf = await loadPeople(tx, [
    run.startedById,
    run.signedOffById,
    ...run.results.map((result) => result.recordedById),
  ]);
  const stepOf = new Map(version.steps.map((step) => [step.id, step]));
  const answers = run.results.flatMap((result) => {
    const step = stepOf.get(result.stepId);
    const value = ZAnswerValue.safeParse(result.value);
    if (!step || !value.success) return [];
    const evaluation = evaluateAnswer(step, value.data);
    return [
      {
        stepId: result.stepId,
        value: value.data as TAnswerValue,
        valueText: evaluation.valid ? evaluation.valueText : "",
        complete: evaluation.valid && evaluation.complete,
        outOfLimit: result.outOfLimit,
        failed: result.failed,
        note: result.note,
        recordedAt: result.recordedAt,
        recordedBy: personOf(result.recordedById),
      },
    ];
  });
  const progress = runProgress(version.steps, answers);
  return {
    id: run.id,
    templateId: run.templateId,
    templateName: run.template.name,
    version: run.version,
    /** The template's current version when it is newer than the run's: the run keeps its own. */
    newerVersion: run.template.currentVersion > run.version ? run.template.currentVersion : null,
    status: run.status,
    source: run.source,
    workCenter: run.workCenter,
    order: order ? { id: order.id, externalId: order.externalId, productName: order.product.name } : null,
    startedAt: run.startedAt,
    startedBy: personOf(run.startedById),
    completedAt: run.completedAt,
    signedOffAt: run.signedOffAt,
    signedOffBy: personOf(run.signedOffById),
    abandonReason: readReason(abandonment?.after),
    requireSignOff: version.requireSignOff,
    steps: version.steps,
    answers,
    failedSteps: run.failedSteps,
    progress: {
      steps: progress.steps,
      answered: progress.answered,
      required: progress.required,
      requiredDone: progress.requiredDone,
      flagged: progress.flagged,
      missingStepIds: progress.missing.map((step) => step.id),
    },
  };
}

function readReason(after: unknown): string | null {
  if (typeof after !== "object" || after === null || !("reason" in after)) return null;
  return typeof after.reason === "string" ? after.reason : null;
}
