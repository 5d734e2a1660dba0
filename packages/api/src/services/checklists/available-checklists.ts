import type { Tx } from "@gemba/db/tenant-scope";
import { readStoredSteps } from "@gemba/domain/checklists/checklist-steps";
import { loadWorkCenter } from "./checklist-actor";

const OPEN_ORDER_LIMIT = 20;
const OPEN_RUN_LIMIT = 20;

/**
 * What can be run at one work center: the checklists that apply there (its line's and the
 * plant-wide ones, not archived), the open orders a run can be attached to, and the runs still in
 * progress there (to continue rather than start a second one). For the tablet and the start dialog.
 */
export async function availableChecklists(tx: Tx, workCenterId: string) {
  const workCenter = await loadWorkCenter(tx, workCenterId);
  const [templates, orders, openRuns] = await Promise.all([
    tx.checklistTemplate.findMany({
      where: { archivedAt: null, OR: [{ lineId: null }, { lineId: workCenter.lineId }] },
      orderBy: { name: "asc" },
      select: { id: true, name: true, description: true, lineId: true, currentVersion: true },
    }),
    tx.productionOrder.findMany({
      where: { workCenterId: workCenter.id, status: { in: ["RELEASED", "IN_PROGRESS"] } },
      // Running first, then soonest due.
      orderBy: [{ status: "desc" }, { dueAt: "asc" }],
      take: OPEN_ORDER_LIMIT,
      select: { id: true, externalId: true, status: true, dueAt: true, product: { select: { name: true } } },
    }),
    tx.checklistRun.findMany({
      where: { workCenterId: workCenter.id, status: "IN_PROGRESS" },
      orderBy: { startedAt: "desc" },
      take: OPEN_RUN_LIMIT,
      select: { id: true, templateId: true, version: true, startedAt: true, template: { select: { name: true } } },
    }),
  ]);
  const versions = templates.length
    ? await tx.checklistTemplateVersion.findMany({
        where: { OR: templates.map((template) => ({ templateId: template.id, version: template.currentVersion })) },
        select: { templateId: true, steps: true },
      })
    : [];
  const stepCountOf = new Map(versions.map((version) => [version.templateId, readStoredSteps(version.steps).length]));
  return {
    workCenter: { id: workCenter.id, code: workCenter.code, name: workCenter.name, lineName: workCenter.line.name },
    templates: templates.map((template) => ({
      id: template.id,
      name: template.name,
      description: template.description ?? "",
      forLine: template.lineId !== null,
      currentVersion: template.currentVersion,
      stepCount: stepCountOf.get(template.id) ?? 0,
    })),
    orders: orders.map((order) => ({
      id: order.id,
      externalId: order.externalId,
      status: order.status,
      dueAt: order.dueAt,
      productName: order.product.name,
    })),
    openRuns: openRuns.map((run) => ({
      id: run.id,
      templateId: run.templateId,
      templateName: run.template.name,
      version: run.version,
      startedAt: run.startedAt,
    })),
  };
}
