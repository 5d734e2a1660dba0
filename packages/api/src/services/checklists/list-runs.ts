import type { Prisma } from "@gemba/db/client";
import type { Tx } from "@gemba/db/tenant-scope";
import { readStoredSteps } from "@gemba/domain/checklists/checklist-steps";
import { AppError } from "@gemba/domain/errors";
import { loadPeople } from "../tasks/load-people";
import type { TListRunsInput } from "./checklist-inputs";

export type TRunRow = Awaited<ReturnType<typeof listRuns>>["runs"][number];

/**
 * Recent runs, newest first: at a work center (the tablet's "in progress here"), of a template,
 * by status, or only those with a flagged step (the manager's overview). Each row names the
 * steps that went out of limit or failed, so the overview shows what went wrong without a click.
 */
export async function listRuns(tx: Tx, input: TListRunsInput) {
  if (input.workCenterId) {
    const workCenter = await tx.workCenter.findFirst({ where: { id: input.workCenterId }, select: { id: true } });
    if (!workCenter) throw new AppError("NOT_FOUND", "This work center does not exist in your plant.");
  }
  if (input.templateId) {
    const template = await tx.checklistTemplate.findFirst({ where: { id: input.templateId }, select: { id: true } });
    if (!template) throw new AppError("NOT_FOUND", "This checklist does not exist in your plant.");
  }
  const where: Prisma.ChecklistRunWhereInput = {
    ...(input.workCenterId ? { workCenterId: input.workCenterId } : {}),
    ...(input.templateId ? { templateId: input.templateId } : {}),
    ...(input.status ? { status: input.status } : {}),
    ...(input.flaggedOnly ? { failedSteps: { gt: 0 } } : {}),
  };
  const rows = await tx.checklistRun.findMany({
    where,
    orderBy: [{ startedAt: "desc" }, { id: "asc" }],
    take: input.limit + 1,
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
      template: { select: { name: true } },
      workCenter: { select: { id: true, code: true, name: true } },
      results: { where: { OR: [{ outOfLimit: true }, { failed: true }] }, select: { stepId: true, failed: true } },
      _count: { select: { results: true } },
    },
  });
  const page = rows.slice(0, input.limit);
  const [versions, orders, personOf] = await Promise.all([
    page.length
      ? tx.checklistTemplateVersion.findMany({
          where: { OR: uniquePairs(page).map(([templateId, version]) => ({ templateId, version })) },
          select: { templateId: true, version: true, steps: true },
        })
      : [],
    tx.productionOrder.findMany({
      where: { id: { in: page.flatMap((run) => (run.orderId ? [run.orderId] : [])) } },
      select: { id: true, externalId: true },
    }),
    loadPeople(
      tx,
      page.flatMap((run) => [run.startedById, run.signedOffById]),
    ),
  ]);
  const stepsOf = new Map(
    versions.map((version) => [`${version.templateId}:${version.version}`, readStoredSteps(version.steps)]),
  );
  const orderOf = new Map(orders.map((order) => [order.id, order.externalId]));
  return {
    runs: page.map((run) => {
      const steps = stepsOf.get(`${run.templateId}:${run.version}`) ?? [];
      const titleOf = new Map(steps.map((step) => [step.id, step.title]));
      const position = new Map(steps.map((step, index) => [step.id, index]));
      return {
        id: run.id,
        templateId: run.templateId,
        templateName: run.template.name,
        version: run.version,
        status: run.status,
        source: run.source,
        workCenter: run.workCenter,
        orderNumber: run.orderId ? (orderOf.get(run.orderId) ?? null) : null,
        startedAt: run.startedAt,
        startedBy: personOf(run.startedById),
        completedAt: run.completedAt,
        signedOffAt: run.signedOffAt,
        signedOffBy: personOf(run.signedOffById),
        stepCount: steps.length,
        answered: run._count.results,
        failedSteps: run.failedSteps,
        flagged: run.results
          .toSorted((a, b) => (position.get(a.stepId) ?? 0) - (position.get(b.stepId) ?? 0))
          .map((result) => ({
            stepId: result.stepId,
            title: titleOf.get(result.stepId) ?? result.stepId,
            failed: result.failed,
          })),
      };
    }),
    truncated: rows.length > input.limit,
  };
}

function uniquePairs(runs: readonly { templateId: string; version: number }[]): [string, number][] {
  const seen = new Map<string, [string, number]>();
  for (const run of runs) seen.set(`${run.templateId}:${run.version}`, [run.templateId, run.version]);
  return [...seen.values()];
}
