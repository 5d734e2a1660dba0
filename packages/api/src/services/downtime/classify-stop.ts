import { recordAudit } from "@gemba/db/audit/record-audit";
import { AppError } from "@gemba/domain/errors";
import { requestExecutionRefresh } from "@gemba/jobs/execution-refresh";
import { z } from "zod";
import type { PlatformServices } from "../../platform";
import type { TenantActor } from "../scope";
import { ZIdempotencyKey } from "../tasks/task-inputs";

export const ZClassifyStopInput = z.object({
  workCenterId: z.uuid(),
  /** The stop's start (StateInterval.stopStart): the key of a stop across breaks and shift changes. */
  stopStart: z.iso.datetime({ offset: true }),
  reasonCode: z.string().min(1).max(64),
  note: z.string().trim().max(500).optional(),
  /** Made by the tablet when the operator taps: a re-send (offline queue, Wi-Fi drop) is stored once. */
  idempotencyKey: ZIdempotencyKey.optional(),
});

export type TClassifyStopResult = {
  classificationId: string;
  /** True when this key had been stored before: nothing was written this time. */
  replayed: boolean;
};

/**
 * An operator answers "why did this stop?". The answer is appended (the latest wins, earlier ones
 * stay as history), audited, and the work center's timeline and OEE buckets are re-derived so the
 * stop leaves "unclassified" and its loss moves to the reason's category. With an idempotency key,
 * a replay returns the first answer and writes nothing (no second row, audit entry or refresh).
 */
export async function classifyStop(
  actor: TenantActor & {
    platform: PlatformServices | undefined;
    afterCommit: (effect: () => Promise<void>) => void;
  },
  input: z.infer<typeof ZClassifyStopInput>,
): Promise<TClassifyStopResult> {
  const { tx, tenantId } = actor;
  const stopStart = new Date(input.stopStart);
  if (input.idempotencyKey) {
    const earlier = await findEarlier(actor, input.idempotencyKey, { ...input, stopStart });
    if (earlier) return earlier;
  }
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

  const [classification] = await tx.downtimeClassification.createManyAndReturn({
    data: [
      {
        tenantId,
        workCenterId: input.workCenterId,
        stopStart,
        reasonCode: input.reasonCode,
        ...(input.note ? { note: input.note } : {}),
        classifiedById: actor.userId,
        idempotencyKey: input.idempotencyKey ?? null,
      },
    ],
    // ON CONFLICT DO NOTHING: a concurrent send with the same key waits for the first to commit,
    // then inserts nothing and returns the first's row below (a unique violation would abort the
    // whole transaction instead).
    skipDuplicates: true,
    select: { id: true },
  });
  if (!classification) {
    const earlier = input.idempotencyKey
      ? await findEarlier(actor, input.idempotencyKey, { ...input, stopStart })
      : null;
    if (earlier) return earlier;
    throw new AppError("CONFLICT", "This answer could not be stored. Try again.");
  }
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
  return { classificationId: classification.id, replayed: false };
}

/**
 * The classification stored earlier under this key, if any. A key is one tap on one tablet: the
 * same key for another stop or by another person is a client fault, refused rather than mixed up.
 */
async function findEarlier(
  actor: TenantActor,
  idempotencyKey: string,
  request: { workCenterId: string; stopStart: Date; reasonCode: string },
): Promise<TClassifyStopResult | null> {
  const earlier = await actor.tx.downtimeClassification.findUnique({
    where: { tenantId_idempotencyKey: { tenantId: actor.tenantId, idempotencyKey } },
    select: { id: true, workCenterId: true, stopStart: true, reasonCode: true, classifiedById: true },
  });
  if (!earlier) return null;
  const same =
    earlier.workCenterId === request.workCenterId &&
    earlier.stopStart.getTime() === request.stopStart.getTime() &&
    earlier.reasonCode === request.reasonCode &&
    earlier.classifiedById === actor.userId;
  if (!same) {
    throw new AppError(
      "CONFLICT",
      "This request id was already used for another answer. Reload the page and tap again.",
    );
  }
  return { classificationId: earlier.id, replayed: true };
}
