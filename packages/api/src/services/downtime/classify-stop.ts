import { recordAudit } from "@gemba/db/audit/record-audit";
import { AppError } from "@gemba/domain/errors";
import { requestExecutionRefresh } from "@gemba/jobs/execution-refresh";
import { z } from "zod";
import type { PlatformServices } from "../../platform";
import type { TenantActor } from "../scope";

export const ZClassifyStopInput = z.object({
  workCenterId: z.uuid(),
  /** The stop's start (StateInterval.stopStart): the key of a stop across breaks and shift changes. */
  stopStart: z.iso.datetime({ offset: true }),
  reasonCode: z.string().min(1).max(64),
  note: z.string().trim().max(500).optional(),
});

/**
 * An operator answers "why did this stop?". The answer is appended (the latest wins, earlier ones
 * stay as history), audited, and the work center's timeline and OEE buckets are re-derived so the
 * stop leaves "unclassified" and its loss moves to the reason's category.
 */
export async function classifyStop(
  actor: TenantActor & {
    platform: PlatformServices | undefined;
    afterCommit: (effect: () => Promise<void>) => void;
  },
  input: z.infer<typeof ZClassifyStopInput>,
) {
  const { tx, tenantId } = actor;
  const stopStart = new Date(input.stopStart);
  const stop = await tx.stateInterval.findFirst({
    where: { workCenterId: input.workCenterId, stopStart },
    orderBy: { start: "desc" },
    select: { end: true, state: true, workCenter: { select: { code: true } } },
  });
  if (!stop) throw new AppError("NOT_FOUND", "This stop is no longer on the work center's timeline; reload it.");
  const reason = await tx.reasonCode.findUnique({
    where: { tenantId_code: { tenantId, code: input.reasonCode } },
    select: { label: true, appliesTo: true, active: true },
  });
  if (!reason?.active) throw new AppError("BAD_REQUEST", `"${input.reasonCode}" is not a reason of this plant.`);
  if (reason.appliesTo === "SCRAP") throw new AppError("BAD_REQUEST", `"${reason.label}" explains scrap, not a stop.`);

  const classification = await tx.downtimeClassification.create({
    data: {
      tenantId,
      workCenterId: input.workCenterId,
      stopStart,
      reasonCode: input.reasonCode,
      ...(input.note ? { note: input.note } : {}),
      classifiedById: actor.userId,
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: "downtime.classify",
    entityType: "WorkCenter",
    entityId: input.workCenterId,
    summary: `Classified the ${stop.workCenter.code} stop of ${stopStart.toISOString()} as ${reason.label}`,
    after: { stopStart: stopStart.toISOString(), reasonCode: input.reasonCode, note: input.note ?? null },
  });
  // After commit: a refresh that ran before it would not see the classification yet.
  const platform = actor.platform;
  if (platform) {
    actor.afterCommit(() =>
      requestExecutionRefresh(platform.queues, platform.redis, {
        tenantId,
        workCenterId: input.workCenterId,
        from: stopStart.getTime(),
        to: stop.end.getTime(),
      }),
    );
  }
  return { classificationId: classification.id };
}
