import type { Tx } from "@gemba/db/tenant-scope";
import { z } from "zod";

export const ZListAuditEntriesInput = z
  .object({
    limit: z.number().int().min(1).max(200).default(50),
    /** Id of the last entry of the previous page (entries are listed newest first). */
    cursor: z.string().regex(/^\d+$/).nullish(),
  })
  .default({ limit: 50 });

export async function listAuditEntries(tx: Tx, input: z.infer<typeof ZListAuditEntriesInput>) {
  const rows = await tx.auditEntry.findMany({
    where: input.cursor ? { id: { lt: BigInt(input.cursor) } } : undefined,
    orderBy: { id: "desc" },
    take: input.limit + 1,
    select: {
      id: true,
      seq: true,
      action: true,
      entityType: true,
      entityId: true,
      summary: true,
      createdAt: true,
      actorId: true,
    },
  });
  const page = rows.slice(0, input.limit);
  const actorIds = [...new Set(page.flatMap((row) => (row.actorId ? [row.actorId] : [])))];
  const actors = await tx.user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, name: true, email: true },
  });
  const actorById = new Map(actors.map((actor) => [actor.id, actor]));
  return {
    entries: page.map((row) => ({
      ...row,
      id: row.id.toString(),
      seq: row.seq.toString(),
      actor: row.actorId ? (actorById.get(row.actorId) ?? null) : null,
    })),
    nextCursor: rows.length > input.limit ? (page[page.length - 1]?.id.toString() ?? null) : null,
  };
}
