import type { Tx } from "../tenant-scope";

export type TAuditChainProblem = {
  seq: string;
  id: string;
  /** Why this entry breaks the chain, in words an admin can pass on. */
  problem: string;
  action: string | null;
  summary: string | null;
  createdAt: Date | null;
};

export type TAuditChainCheck = {
  /** Entries in the tenant's chain. */
  entries: number;
  lastSeq: string | null;
  /** The first entry that does not hold; null when every link holds. */
  firstBroken: TAuditChainProblem | null;
  checkedAt: Date;
};

/**
 * Re-computes every hash of the current tenant's audit chain in the database (the same
 * gemba_audit_hash the insert trigger used) and reports the first entry that does not hold:
 * changed content, a link that does not match, or missing entries before it.
 */
export async function verifyAuditChain(tx: Tx): Promise<TAuditChainCheck> {
  const [broken] = await tx.$queryRaw<{ seq: bigint; id: bigint; problem: string }[]>`
    SELECT "seq", "id", "problem" FROM gemba_verify_audit_chain()`;
  const [totals] = await tx.$queryRaw<{ entries: number; lastSeq: bigint | null }[]>`
    SELECT count(*)::int AS entries, max("seq") AS "lastSeq" FROM "AuditEntry"`;
  const entry = broken
    ? await tx.auditEntry.findFirst({
        where: { id: broken.id },
        select: { action: true, summary: true, createdAt: true },
      })
    : null;
  return {
    entries: totals?.entries ?? 0,
    lastSeq: totals?.lastSeq?.toString() ?? null,
    firstBroken: broken
      ? {
          seq: broken.seq.toString(),
          id: broken.id.toString(),
          problem: broken.problem,
          action: entry?.action ?? null,
          summary: entry?.summary ?? null,
          createdAt: entry?.createdAt ?? null,
        }
      : null,
    checkedAt: new Date(),
  };
}
