import type { TQueuedAction, TQueueStore, TSender, TSendFailure } from "./queue-types";

/** A server that keeps failing with 5xx on one action is not "busy": after this many tries the operator decides. */
export const MAX_TRANSIENT_ATTEMPTS = 5;
/**
 * No answer in this time counts as no connection: on a dying Wi-Fi a request can hang for minutes,
 * and it must not hold up the outbox. The action stays and is sent again (applied once).
 */
export const SEND_TIMEOUT_MS = 20_000;

export type TFlushOutcome =
  /** Everything of this owner that could be sent was sent (failed ones wait for the operator). */
  | "done"
  /** Stopped at an action that could not be sent now: try again later, in the same order. */
  | "offline"
  | "transient"
  | "signed-out";

export type TQueueSnapshot = {
  /** This person's actions, in the order they are sent. */
  actions: TQueuedAction[];
  /** Actions left on this tablet by someone else's sign-in: never sent under this session. */
  othersWaiting: number;
  sending: boolean;
  /** How the last send attempt ended; null before any. */
  lastOutcome: TFlushOutcome | null;
};

type TQueueOptions = {
  store: TQueueStore;
  owner: string;
  senders: Record<string, TSender>;
  classifyError: (error: unknown) => TSendFailure;
  /** Each action the server confirmed, with its answer (a classification id, the andon's time…). */
  onConfirmed?: (action: TQueuedAction, result: unknown) => void;
  /** Serializes flushes across tabs of the same browser (Web Locks); in-tab they are serialized anyway. */
  withLock?: <T>(work: () => Promise<T>) => Promise<T>;
  now?: () => number;
  newId?: () => string;
  sendTimeoutMs?: number;
};

export type TOfflineQueue = ReturnType<typeof createOfflineQueue>;

/**
 * The tablet's outbox. `enqueue` stores the action first (so a crash right after the tap loses
 * nothing), then a flush sends this owner's pending actions one by one in the order they were
 * taken, each with its client id as idempotency key. An action leaves the store only once the
 * server confirmed it: if the answer is lost, it is sent again and the server applies it once.
 * A connection problem stops the flush (later actions keep their place); a refusal marks that
 * action failed with the server's message and the flush goes on.
 */
export function createOfflineQueue(options: TQueueOptions) {
  const { store, owner, senders, classifyError } = options;
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const withLock = options.withLock ?? (<T>(work: () => Promise<T>) => work());
  const listeners = new Set<() => void>();
  let snapshot: TQueueSnapshot = { actions: [], othersWaiting: 0, sending: false, lastOutcome: null };
  let running: Promise<TFlushOutcome> | null = null;
  let again = false;

  const emit = () => {
    for (const listener of listeners) listener();
  };
  async function refresh(patch: Partial<TQueueSnapshot> = {}) {
    const all = await store.list();
    snapshot = {
      ...snapshot,
      ...patch,
      actions: all.filter((action) => action.owner === owner),
      othersWaiting: all.filter((action) => action.owner !== owner).length,
    };
    emit();
  }

  async function sendPending(): Promise<TFlushOutcome> {
    // Re-read before each send: an action added, discarded or retried meanwhile is seen at once.
    const tried = new Set<string>();
    for (;;) {
      const next = (await store.list()).find(
        (action) => action.owner === owner && action.status === "pending" && !tried.has(action.clientId),
      );
      if (!next) return "done";
      tried.add(next.clientId);
      const sender = senders[next.kind];
      const attempt: TQueuedAction = { ...next, attempts: next.attempts + 1 };
      if (!sender) {
        await store.update({
          ...attempt,
          status: "failed",
          lastError: "This tablet can no longer send this kind of action.",
        });
        await refresh();
        continue;
      }
      let result: unknown;
      try {
        result = await sendWithTimeout(sender, next, options.sendTimeoutMs ?? SEND_TIMEOUT_MS);
      } catch (error) {
        const failure = classifyError(error);
        if (
          failure.kind === "rejected" ||
          (failure.kind === "transient" && attempt.attempts >= MAX_TRANSIENT_ATTEMPTS)
        ) {
          await store.update({ ...attempt, status: "failed", lastError: failure.message });
          await refresh();
          continue;
        }
        await store.update({ ...attempt, lastError: failure.message });
        await refresh({ lastOutcome: failure.kind });
        return failure.kind;
      }
      await store.remove(next.clientId);
      await refresh({ lastOutcome: "done" });
      options.onConfirmed?.(next, result);
    }
  }

  /**
   * Sends what is pending. Concurrent calls share one run; a call during a run asks for one more
   * pass after it (the link may have come back, or the caller added an action meanwhile).
   */
  function flush(): Promise<TFlushOutcome> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      await refresh({ sending: true });
      let outcome: TFlushOutcome;
      try {
        do {
          again = false;
          outcome = await withLock(sendPending);
        } while (again);
      } finally {
        running = null;
        await refresh({ sending: false });
      }
      return outcome;
    })();
    return running;
  }

  return {
    /** Stores the action, then tries to send it (and anything before it). */
    async enqueue(action: {
      kind: string;
      input: unknown;
      label: string;
      workCenterId?: string | null;
      /** The caller's own id for the action (e.g. the checklist runner's), else a new one. */
      clientId?: string;
    }) {
      // The same action handed in twice (a caller retrying) stays one action.
      const known = action.clientId
        ? (await store.list()).find((candidate) => candidate.clientId === action.clientId)
        : undefined;
      if (known) return known;
      const stored = await store.add({
        clientId: action.clientId ?? newId(),
        kind: action.kind,
        input: action.input,
        label: action.label,
        owner,
        workCenterId: action.workCenterId ?? null,
        createdAt: now(),
        attempts: 0,
        lastError: null,
        status: "pending",
      });
      await refresh();
      void flush();
      return stored;
    },
    flush,
    /** The operator gives up on an action (refused, or from someone else's sign-in). */
    async discard(clientId: string) {
      await store.remove(clientId);
      await refresh();
    },
    /** A refused action back in line, e.g. after the operator fixed what the message said. */
    async retry(clientId: string) {
      const action = (await store.list()).find((candidate) => candidate.clientId === clientId);
      if (!action || action.owner !== owner) return;
      await store.update({ ...action, status: "pending", lastError: null, attempts: 0 });
      await refresh();
      void flush();
    },
    /** Loads what a previous page (or reload) left behind. */
    load: () => refresh(),
    snapshot: () => snapshot,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

class SendTimeoutError extends Error {}

/** The send, given up (and aborted) after `timeoutMs` even if the sender ignores its signal. */
async function sendWithTimeout(sender: TSender, action: TQueuedAction, timeoutMs: number): Promise<unknown> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new SendTimeoutError("No answer from Gemba in time."));
    }, timeoutMs);
  });
  try {
    return await Promise.race([sender(action.input, action.clientId, controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
