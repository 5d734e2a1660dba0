import { recordAudit } from "@gemba/db/audit/record-audit";
import type { TInsightKind } from "@gemba/domain/insights/insight";
import type { TenantActor } from "../scope";
import { loadDetectorStandings, type TDetectorStanding } from "./detector-standing";

/** Every detector with its switch, votes and weight, for the admin page. */
export async function listDetectorSettings(actor: TenantActor): Promise<TDetectorStanding[]> {
  return [...(await loadDetectorStandings(actor.tx)).values()];
}

/** Switches a detector on or off for this plant; audited like any configuration change. */
export async function setDetectorSetting(
  actor: TenantActor,
  input: { kind: TInsightKind; enabled: boolean },
  now = Date.now(),
): Promise<TDetectorStanding> {
  const { tx, tenantId, userId } = actor;
  const before = await tx.detectorSetting.findUnique({
    where: { tenantId_kind: { tenantId, kind: input.kind } },
    select: { enabled: true },
  });
  await tx.detectorSetting.upsert({
    where: { tenantId_kind: { tenantId, kind: input.kind } },
    create: { tenantId, kind: input.kind, enabled: input.enabled, updatedAt: new Date(now) },
    update: { enabled: input.enabled, updatedAt: new Date(now) },
    select: { kind: true },
  });
  await recordAudit(tx, {
    tenantId,
    actorId: userId,
    action: "detector.toggle",
    entityType: "DetectorSetting",
    entityId: input.kind,
    summary: `${input.enabled ? "Switched on" : "Switched off"} the ${input.kind.toLowerCase().replaceAll("_", " ")} detector`,
    before: { enabled: before?.enabled ?? true },
    after: { enabled: input.enabled },
  });
  const standing = (await loadDetectorStandings(tx)).get(input.kind);
  if (!standing) throw new Error(`Unknown detector ${input.kind}`);
  return standing;
}
