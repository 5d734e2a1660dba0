import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import type { TQueuedAction, TQueueStore } from "./queue-types";

const DB_NAME = "gemba-floor";
const STORE = "actions";

interface TQueueDb extends DBSchema {
  actions: { key: number; value: TQueuedAction; indexes: { clientId: string } };
}

/**
 * The tablet's pending actions in IndexedDB: they survive a reload, a crash of the tab or a
 * battery swap. Keyed by an auto-increment number so the order they were taken in is the order
 * they are sent, whatever the clock does; looked up by client id.
 */
export async function openQueueStore(name = DB_NAME): Promise<TQueueStore> {
  const db: IDBPDatabase<TQueueDb> = await openDB<TQueueDb>(name, 1, {
    upgrade(database) {
      const store = database.createObjectStore(STORE, { keyPath: "seq", autoIncrement: true });
      store.createIndex("clientId", "clientId", { unique: true });
    },
  });
  return {
    durable: true,
    list: () => db.getAll(STORE),
    async add(action) {
      const seq = await db.add(STORE, action as TQueuedAction);
      return { ...action, seq };
    },
    async update(action) {
      const tx = db.transaction(STORE, "readwrite");
      const key = await tx.store.index("clientId").getKey(action.clientId);
      if (key !== undefined) await tx.store.put({ ...action, seq: key });
      await tx.done;
    },
    async remove(clientId) {
      const tx = db.transaction(STORE, "readwrite");
      const key = await tx.store.index("clientId").getKey(clientId);
      if (key !== undefined) await tx.store.delete(key);
      await tx.done;
    },
    close: () => db.close(),
  };
}

/** Where IndexedDB is unavailable (some private modes): the queue still works until a reload. */
export function createMemoryStore(): TQueueStore {
  let next = 1;
  let actions: TQueuedAction[] = [];
  return {
    durable: false,
    list: async () => actions.map((action) => ({ ...action })),
    async add(action) {
      const stored = { ...action, seq: next++ };
      actions.push(stored);
      return { ...stored };
    },
    async update(action) {
      actions = actions.map((stored) =>
        stored.clientId === action.clientId ? { ...action, seq: stored.seq } : stored,
      );
    },
    async remove(clientId) {
      actions = actions.filter((stored) => stored.clientId !== clientId);
    },
    close: () => undefined,
  };
}
