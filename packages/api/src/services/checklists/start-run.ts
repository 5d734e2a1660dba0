import { recordAudit } from "@gemba/db/audit/record-audit";
import { AppError } from "@gemba/domain/errors";
import { loadWorkCenter, type TChecklistActor, TEMPLATE_NOT_FOUND } from "./checklist-actor";
import type { TStartRunInput } from "./checklist-inputs";
import { getRun, type TRunView } from "./run-view";

/**
 * Starts a checklist at a work center (for an order, optionally), on the template's current
 * version. The client's key makes it idempotent: the tablet re-sending a start after a Wi-Fi
 * drop gets the run it already started, never a second one.
 */
export async function startRun(actor: TChecklistActor, input: TStartRunInput, now = Date.now()): Promise<TRunView> {
  const { tx, tenantId, userId } = actor;
  // Client keys live in a namespace per person: never a rule's key, never somebody else's run.
  const idempotencyKey = `manual:${userId}:${input.idempotencyKey}`;
  const earlier = await tx.checklistRun.findUnique({
    where: { tenantId_idempotencyKey: { tenantId, idempotencyKey } },
    select: { id: true, templateId: true, workCenterId: true },
  });
  if (earlier) return sameStart(actor, earlier, input);

  const template = await tx.checklistTemplate.findFirst({
    where: { id: input.templateId },
    select: { id: true, name: true, lineId: true, currentVersion: true, archivedAt: true },
  });
  if (!template) throw new AppError("NOT_FOUND", TEMPLATE_NOT_FOUND);
  const workCenter = await loadWorkCenter(tx, input.workCenterId);
  const order = input.orderId
    ? await tx.productionOrder.findFirst({ where: { id: input.orderId }, select: { id: true, externalId: true } })
    : null;
  if (input.orderId && !order) throw new AppError("NOT_FOUND", "This order does not exist in your plant.");
  if (template.archivedAt) {
    throw new AppError("CONFLICT", `“${template.name}” is archived and can no longer be started. Ask a manager.`);
  }
  if (template.lineId && template.lineId !== workCenter.lineId) {
    const line = await tx.line.findFirst({ where: { id: template.lineId }, select: { name: true } });
    throw new AppError(
      "BAD_REQUEST",
      `“${template.name}” is for ${line?.name ?? "another line"}; ${workCenter.code} is on ${workCenter.line.name}.`,
    );
  }

  const [inserted] = await tx.checklistRun.createManyAndReturn({
    data: [
      {
        tenantId,
        templateId: template.id,
        version: template.currentVersion,
        workCenterId: workCenter.id,
        orderId: order?.id ?? null,
        source: "manual",
        idempotencyKey,
        startedById: userId,
        startedAt: new Date(now),
      },
    ],
    // The same key racing in twice: Postgres lets one insert and the other finds it below.
    skipDuplicates: true,
    select: { id: true },
  });
  if (!inserted) {
    const raced = await tx.checklistRun.findUniqueOrThrow({
      where: { tenantId_idempotencyKey: { tenantId, idempotencyKey } },
      select: { id: true, templateId: true, workCenterId: true },
    });
    return sameStart(actor, raced, input);
  }
  await recordAudit(tx, {
    tenantId,
    actorId: userId,
    action: "checklist_run.start",
    entityType: "ChecklistRun",
    entityId: inserted.id,
    summary: `Started “${template.name}” (version ${template.currentVersion}) on ${workCenter.code}${order ? ` for order ${order.externalId}` : ""}`,
    after: {
      templateId: template.id,
      version: template.currentVersion,
      workCenterId: workCenter.id,
      orderId: order?.id ?? null,
      source: "manual",
    },
  });
  return getRun(tx, tenantId, inserted.id);
}

/** A repeated key must be the same start; the same key for something else is a client bug, said plainly. */
async function sameStart(
  actor: TChecklistActor,
  earlier: { id: string; templateId: string; workCenterId: string },
  input: TStartRunInput,
): Promise<TRunView> {
  if (earlier.templateId !== input.templateId || earlier.workCenterId !== input.workCenterId) {
    throw new AppError(
      "CONFLICT",
      "This request key was already used to start another checklist. Reload and try again.",
    );
  }
  return getRun(actor.tx, actor.tenantId, earlier.id);
}
