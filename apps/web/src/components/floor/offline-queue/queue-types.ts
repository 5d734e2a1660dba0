/**
 * An action the operator took on the tablet, kept in the browser until the server has it. The
 * client id is made when the operator taps and travels as the request's idempotency key, so a
 * re-send after a lost answer is applied once.
 */
export type TQueuedAction = {
  /** Insertion order across reloads (IndexedDB auto-increment): actions are sent in this order. */
  seq?: number;
  clientId: string;
  /** Which request it becomes, e.g. "downtime.classify" (see the senders). */
  kind: string;
  input: unknown;
  /** What it does, for people: "PRS-7 stop at 14:02 → Part jam". */
  label: string;
  /** Whose it is ("<tenantId>:<userId>"): only the person who took it may send it. */
  owner: string;
  /** Where it happened, so the work center's screen can show it as pending. */
  workCenterId: string | null;
  createdAt: number;
  attempts: number;
  lastError: string | null;
  /** pending: will be sent; failed: the server refused it, the operator retries or discards it. */
  status: "pending" | "failed";
};

/** Why a send did not go through, which decides what happens to the action. */
export type TSendFailure =
  /** No answer (offline, Wi-Fi drop, timeout): keep it and try again when the connection is back. */
  | { kind: "offline"; message: string }
  /** The server answered but could not take it now (overloaded, restarting): keep it, try later. */
  | { kind: "transient"; message: string }
  /** The session ended: keep it until the same person signs in again. */
  | { kind: "signed-out"; message: string }
  /** The server refused it for good (validation, permission, conflict): the operator decides. */
  | { kind: "rejected"; message: string };

/** Sends one action; `signal` aborts it when the answer takes too long (the action is kept and sent again). */
export type TSender = (input: unknown, clientId: string, signal: AbortSignal) => Promise<unknown>;

export type TQueueStore = {
  /** Every stored action, in the order they were taken. */
  list: () => Promise<TQueuedAction[]>;
  add: (action: Omit<TQueuedAction, "seq">) => Promise<TQueuedAction>;
  /** Replaces a stored action (matched by clientId); a no-op when it was removed meanwhile. */
  update: (action: TQueuedAction) => Promise<void>;
  remove: (clientId: string) => Promise<void>;
  close: () => void;
  /** False for the in-memory fallback: actions do not survive a reload. */
  durable: boolean;
};
