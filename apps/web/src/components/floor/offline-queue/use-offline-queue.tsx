"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import { classifySendError } from "./classify-send-error";
import { floorSenders, type TFloorActionInputs, type TFloorActionKind } from "./floor-actions";
import { createOfflineQueue, type TOfflineQueue, type TQueueSnapshot } from "./offline-queue";
import { createMemoryStore, openQueueStore } from "./queue-store";
import type { TQueuedAction, TQueueStore } from "./queue-types";

/** online: the API answers; offline: the tablet has no network; unreachable: network, but no answer from Gemba. */
export type TConnection = "online" | "offline" | "unreachable";

/** An action the server confirmed this session, with its answer (for "Andon called 14:02 · sent"). */
export type TConfirmedAction = TQueuedAction & { result: unknown; confirmedAt: number };

export type TOfflineQueueApi = TQueueSnapshot & {
  connection: TConnection;
  /** False until IndexedDB opened (or the in-memory fallback was chosen). */
  ready: boolean;
  /** False when the browser cannot store actions across a reload (IndexedDB unavailable). */
  durable: boolean;
  confirmed: TConfirmedAction[];
  enqueue: <K extends TFloorActionKind>(
    kind: K,
    input: TFloorActionInputs[K],
    meta: { label: string; workCenterId?: string | null; clientId?: string },
  ) => Promise<void>;
  discard: (clientId: string) => Promise<void>;
  retry: (clientId: string) => Promise<void>;
  sendNow: () => void;
};

const OfflineQueueContext = createContext<TOfflineQueueApi | null>(null);
const EMPTY: TQueueSnapshot = { actions: [], othersWaiting: 0, sending: false, lastOutcome: null };
/** Waits between re-tries while actions are pending and the server cannot be reached. */
const RETRY_DELAYS_MS = [3_000, 6_000, 12_000, 30_000];
const CONFIRMED_KEPT = 20;

/**
 * The tablet's outbox for one signed-in person in one plant. Opens the IndexedDB queue, sends
 * what a previous page left, and sends again when the browser comes online, when the tab comes
 * back to the front, and on a backoff timer while something waits. Confirmed actions refresh the
 * floor and task queries so the screen shows what the server now has.
 */
export function OfflineQueueProvider({ owner, children }: { owner: string; children: ReactNode }) {
  const trpc = useTRPC();
  const trpcClient = useTRPCClient();
  const queryClient = useQueryClient();
  const [queue, setQueue] = useState<{ queue: TOfflineQueue; store: TQueueStore } | null>(null);
  const [confirmed, setConfirmed] = useState<TConfirmedAction[]>([]);
  const [browserOnline, setBrowserOnline] = useState(true);
  const [unreachable, setUnreachable] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let opened: TQueueStore | null = null;
    (async () => {
      const store = await openQueueStore().catch(() => createMemoryStore());
      opened = store;
      if (cancelled) return store.close();
      const created = createOfflineQueue({
        store,
        owner,
        senders: floorSenders(trpcClient),
        classifyError: classifySendError,
        withLock: webLock,
        onConfirmed: (action, result) => {
          setConfirmed((current) =>
            [{ ...action, result, confirmedAt: Date.now() }, ...current].slice(0, CONFIRMED_KEPT),
          );
          void queryClient.invalidateQueries({ queryKey: trpc.floor.pathKey() });
          void queryClient.invalidateQueries({ queryKey: trpc.tasks.pathKey() });
        },
      });
      await created.load();
      setQueue({ queue: created, store });
      void created.flush();
    })();
    return () => {
      cancelled = true;
      opened?.close();
    };
  }, [owner, trpcClient, queryClient, trpc]);

  const snapshot = useSyncExternalStore(
    (listener) => queue?.queue.subscribe(listener) ?? (() => undefined),
    () => queue?.queue.snapshot() ?? EMPTY,
    () => EMPTY,
  );

  // The browser's own idea of the network, and whether Gemba answered the last request.
  useEffect(() => {
    const update = () => setBrowserOnline(navigator.onLine);
    update();
    const cameOnline = () => {
      update();
      void queue?.queue.flush();
    };
    const visible = () => {
      if (document.visibilityState === "visible") void queue?.queue.flush();
    };
    window.addEventListener("online", cameOnline);
    window.addEventListener("offline", update);
    document.addEventListener("visibilitychange", visible);
    return () => {
      window.removeEventListener("online", cameOnline);
      window.removeEventListener("offline", update);
      document.removeEventListener("visibilitychange", visible);
    };
  }, [queue]);
  useEffect(() => {
    if (snapshot.lastOutcome === "offline") setUnreachable(true);
    if (snapshot.lastOutcome === "done") setUnreachable(false);
  }, [snapshot.lastOutcome]);
  // Any floor read that reaches the API proves the connection; one that gets no answer at all disproves it.
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== "updated" || event.action.type === "fetch") return;
        if (event.action.type === "success") setUnreachable(false);
        if (event.action.type === "error" && classifySendError(event.action.error).kind === "offline") {
          setUnreachable(true);
        }
      }),
    [queryClient],
  );

  // While something waits and the last try could not get through, try again with a growing pause.
  const waiting = snapshot.actions.some((action) => action.status === "pending");
  const stuck = snapshot.lastOutcome === "offline" || snapshot.lastOutcome === "transient";
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!queue || !waiting || !stuck || snapshot.sending) return;
    const delay = RETRY_DELAYS_MS[Math.min(round, RETRY_DELAYS_MS.length - 1)];
    const timer = window.setTimeout(() => {
      setRound((current) => current + 1);
      void queue.queue.flush();
    }, delay);
    return () => window.clearTimeout(timer);
  }, [queue, waiting, stuck, snapshot.sending, round]);
  useEffect(() => {
    if (!stuck) setRound(0);
  }, [stuck]);

  const api = useMemo<TOfflineQueueApi>(
    () => ({
      ...snapshot,
      connection: !browserOnline ? "offline" : unreachable ? "unreachable" : "online",
      ready: queue !== null,
      durable: queue?.store.durable ?? true,
      confirmed,
      enqueue: async (kind, input, meta) => {
        if (!queue) throw new Error("The tablet's outbox is still opening. Try again in a moment.");
        await queue.queue.enqueue({ kind, input, ...meta });
      },
      discard: async (clientId) => {
        await queue?.queue.discard(clientId);
      },
      retry: async (clientId) => {
        await queue?.queue.retry(clientId);
      },
      sendNow: () => {
        setRound(0);
        void queue?.queue.flush();
      },
    }),
    [snapshot, browserOnline, unreachable, queue, confirmed],
  );
  return <OfflineQueueContext.Provider value={api}>{children}</OfflineQueueContext.Provider>;
}

export function useOfflineQueue(): TOfflineQueueApi {
  const api = useContext(OfflineQueueContext);
  if (!api) throw new Error("useOfflineQueue needs an OfflineQueueProvider (the floor layout has one).");
  return api;
}

/** The actions of one kind (waiting or confirmed), with their input typed, e.g. the classifications of stops. */
export function pendingOf<A extends TQueuedAction, K extends TFloorActionKind>(
  actions: readonly A[],
  kind: K,
): (A & { input: TFloorActionInputs[K] })[] {
  return actions.filter((action) => action.kind === kind) as (A & { input: TFloorActionInputs[K] })[];
}

/** Two tabs of the same tablet never send the same outbox at the same time. */
function webLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  return locks ? (locks.request("gemba-floor-outbox", work) as Promise<T>) : work();
}
