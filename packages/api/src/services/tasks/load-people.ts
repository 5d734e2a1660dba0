import type { Tx } from "@gemba/db/tenant-scope";

export type TPerson = { id: string; name: string };

/** Names for user ids, one query; a user no longer readable shows as a former member, never as an id. */
export async function loadPeople(tx: Tx, ids: Iterable<string | null>): Promise<(id: string | null) => TPerson | null> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  const users = wanted.length
    ? await tx.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } })
    : [];
  const byId = new Map(users.map((user) => [user.id, user]));
  return (id) => (id ? (byId.get(id) ?? { id, name: "Former member" }) : null);
}
