import type { Prisma } from "../client";
import type { Tx } from "../tenant-scope";

export type AuditInput = {
  tenantId: string;
  /** The signed-in user who made the change; null for the system (jobs, provisioning). */
  actorId: string | null;
  /** `<entity>.<verb>`, e.g. "member.invite", "member.role_change". */
  action: string;
  entityType: string;
  entityId: string;
  /** One sentence an admin understands without opening the JSON. */
  summary: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

/**
 * Records a configuration change in the same transaction as the change itself, so there is
 * never a change without its audit entry, nor an entry for a change that rolled back.
 */
export async function recordAudit(tx: Tx, entry: AuditInput): Promise<void> {
  await tx.auditEntry.create({ data: entry, select: { id: true } });
}
