import "fake-indexeddb/auto";
import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { classifySendError } from "./classify-send-error";
import { createOfflineQueue, MAX_TRANSIENT_ATTEMPTS } from "./offline-queue";
import { openQueueStore } from "./queue-store";
import type { TQueueStore } from "./queue-types";

const OWNER = "tenant-a:operator-1";
let dbCount = 0;
const freshName = () => `gemba-floor-test-${++dbCount}`;

function networkError() {
  return new TRPCClientError("Failed to fetch", { cause: new TypeError("Failed to fetch") });
}

function serverError(httpStatus: number, code: string, message: string) {
  const result = { error: { code: -32000, message, data: { code, httpStatus } } };
  return new TRPCClientError(message, { result } as unknown as ConstructorParameters<typeof TRPCClientError>[1]);
}

/**
 * A server that applies each client id once (as the API does with idempotency keys) and whose
 * connection can be cut before the request or after it was applied (the answer is lost).
 */
function fakeServer() {
  const applied = new Map<string, unknown>();
  const received: { clientId: string; input: unknown }[] = [];
  let link: "up" | "down" | "drops-answers" = "up";
  let refuse: ((input: unknown) => Error | null) | null = null;
  return {
    applied,
    received,
    setLink: (state: typeof link) => {
      link = state;
    },
    refuseWhen: (rule: typeof refuse) => {
      refuse = rule;
    },
    send: async (input: unknown, clientId: string) => {
      if (link === "down") throw networkError();
      received.push({ clientId, input });
      const refusal = refuse?.(input);
      if (refusal) throw refusal;
      if (!applied.has(clientId)) applied.set(clientId, { input, at: applied.size + 1 });
      if (link === "drops-answers") throw networkError();
      return applied.get(clientId);
    },
  };
}

function queueOn(store: TQueueStore, server: ReturnType<typeof fakeServer>, owner = OWNER) {
  let id = 0;
  return createOfflineQueue({
    store,
    owner,
    senders: { "test.do": server.send },
    classifyError: classifySendError,
    newId: () => `${owner}-action-${++id}`,
  });
}

const action = (n: number) => ({ kind: "test.do", input: { n }, label: `Action ${n}` });

describe("the tablet's offline queue", () => {
  it("keeps actions taken offline and sends them in the order they were taken once the link is back", async () => {
    const server = fakeServer();
    const queue = queueOn(await openQueueStore(freshName()), server);
    server.setLink("down");
    for (const n of [1, 2, 3]) await queue.enqueue(action(n));
    expect(await queue.flush()).toBe("offline");
    expect(queue.snapshot().actions.map((pending) => pending.label)).toEqual(["Action 1", "Action 2", "Action 3"]);
    expect(queue.snapshot().actions[0]).toMatchObject({
      status: "pending",
      lastError: expect.stringMatching(/connection/),
    });

    server.setLink("up");
    expect(await queue.flush()).toBe("done");
    expect(server.received.map((request) => request.input)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(queue.snapshot().actions).toEqual([]);
  });

  it("re-sends an action whose answer was lost with the same client id, and the server applies it once", async () => {
    const server = fakeServer();
    const confirmed: string[] = [];
    const store = await openQueueStore(freshName());
    const queue = createOfflineQueue({
      store,
      owner: OWNER,
      senders: { "test.do": server.send },
      classifyError: classifySendError,
      onConfirmed: (done) => confirmed.push(done.clientId),
    });
    server.setLink("drops-answers");
    const stored = await queue.enqueue(action(1));
    await queue.flush();
    // Applied on the server, but the tablet never heard: it must keep the action.
    expect(server.applied.size).toBe(1);
    expect(queue.snapshot().actions).toHaveLength(1);

    server.setLink("up");
    await queue.flush();
    expect(server.received.map((request) => request.clientId)).toEqual([stored.clientId, stored.clientId]);
    expect(server.applied.size).toBe(1);
    expect(confirmed).toEqual([stored.clientId]);
    expect(queue.snapshot().actions).toEqual([]);
  });

  it("keeps one action when a caller hands in the same client id twice", async () => {
    const server = fakeServer();
    const queue = queueOn(await openQueueStore(freshName()), server);
    server.setLink("down");
    await queue.enqueue({ ...action(1), clientId: "runner-answer-1" });
    await queue.enqueue({ ...action(1), clientId: "runner-answer-1" });
    expect(queue.snapshot().actions.map((pending) => pending.clientId)).toEqual(["runner-answer-1"]);
    server.setLink("up");
    await queue.flush();
    expect(server.received.map((request) => request.clientId)).toEqual(["runner-answer-1"]);
  });

  it("sends each action once when several flushes start at the same time", async () => {
    const server = fakeServer();
    const queue = queueOn(await openQueueStore(freshName()), server);
    server.setLink("down");
    for (const n of [1, 2]) await queue.enqueue(action(n));
    server.setLink("up");
    await Promise.all([queue.flush(), queue.flush(), queue.flush()]);
    expect(server.received.map((request) => request.input)).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it("marks a refused action failed with the server's message, sends the ones after it, and lets the operator retry or discard", async () => {
    const server = fakeServer();
    const queue = queueOn(await openQueueStore(freshName()), server);
    server.setLink("down");
    for (const n of [1, 2, 3]) await queue.enqueue(action(n));
    server.setLink("up");
    server.refuseWhen((input) =>
      (input as { n: number }).n === 2
        ? serverError(404, "NOT_FOUND", "This stop is no longer on the timeline.")
        : null,
    );
    expect(await queue.flush()).toBe("done");
    expect(queue.snapshot().actions).toEqual([
      expect.objectContaining({
        label: "Action 2",
        status: "failed",
        lastError: "This stop is no longer on the timeline.",
      }),
    ]);
    expect([...server.applied.values()].map((entry) => (entry as { input: unknown }).input)).toEqual([
      { n: 1 },
      { n: 3 },
    ]);

    const [failed] = queue.snapshot().actions;
    if (!failed) throw new Error("no failed action");
    server.refuseWhen(null);
    await queue.retry(failed.clientId);
    await queue.flush();
    expect(queue.snapshot().actions).toEqual([]);
    expect(server.applied.has(failed.clientId)).toBe(true);

    server.refuseWhen(() => serverError(403, "FORBIDDEN", "Not yours."));
    const refused = await queue.enqueue(action(4));
    await queue.flush();
    await queue.discard(refused.clientId);
    expect(queue.snapshot().actions).toEqual([]);
  });

  it("gives up on a send that hangs, keeps the action, and sends it again later", async () => {
    const server = fakeServer();
    let hang = true;
    const store = await openQueueStore(freshName());
    const queue = createOfflineQueue({
      store,
      owner: OWNER,
      senders: {
        "test.do": (input, clientId, signal) =>
          hang
            ? new Promise<never>(() => signal.addEventListener("abort", () => undefined))
            : server.send(input, clientId),
      },
      classifyError: classifySendError,
      sendTimeoutMs: 50,
    });
    await queue.enqueue(action(1));
    expect(await queue.flush()).toBe("offline");
    expect(queue.snapshot()).toMatchObject({
      sending: false,
      actions: [expect.objectContaining({ status: "pending" })],
    });
    hang = false;
    expect(await queue.flush()).toBe("done");
    expect(server.applied.size).toBe(1);
  });

  it("keeps an action through a busy server, but hands it to the operator after repeated server errors", async () => {
    const server = fakeServer();
    const queue = queueOn(await openQueueStore(freshName()), server);
    server.refuseWhen(() => serverError(503, "SERVICE_UNAVAILABLE", "Down for maintenance"));
    await queue.enqueue(action(1));
    await queue.flush();
    expect(queue.snapshot().actions[0]).toMatchObject({ status: "pending", attempts: 1 });
    for (let attempt = 1; attempt < MAX_TRANSIENT_ATTEMPTS; attempt += 1) await queue.flush();
    expect(queue.snapshot().actions[0]).toMatchObject({ status: "failed", attempts: MAX_TRANSIENT_ATTEMPTS });
  });

  it("keeps actions when the session ended, to send them once the same person signs in again", async () => {
    const server = fakeServer();
    const queue = queueOn(await openQueueStore(freshName()), server);
    server.refuseWhen(() => serverError(401, "UNAUTHORIZED", "Your session has ended."));
    await queue.enqueue(action(1));
    expect(await queue.flush()).toBe("signed-out");
    expect(queue.snapshot().actions[0]).toMatchObject({
      status: "pending",
      lastError: expect.stringMatching(/Sign in/),
    });
  });

  it("survives a reload: a new page finds the same actions, in order, with the same client ids", async () => {
    const name = freshName();
    const server = fakeServer();
    server.setLink("down");
    const before = await openQueueStore(name);
    const first = queueOn(before, server);
    const taken = [await first.enqueue(action(1)), await first.enqueue(action(2))];
    await first.flush();
    before.close();

    // The reload: a new connection to the same database, a new queue.
    const after = await openQueueStore(name);
    const second = queueOn(after, server);
    await second.load();
    expect(second.snapshot().actions.map((pending) => pending.clientId)).toEqual(taken.map((done) => done.clientId));
    server.setLink("up");
    await second.flush();
    expect(server.received.map((request) => request.clientId)).toEqual(taken.map((done) => done.clientId));
    expect(await after.list()).toEqual([]);
    after.close();
  });

  it("never sends another person's actions under this session", async () => {
    const name = freshName();
    const server = fakeServer();
    server.setLink("down");
    const store = await openQueueStore(name);
    const theirs = queueOn(store, server, "tenant-a:operator-2");
    await theirs.enqueue(action(9));
    await theirs.flush();
    server.setLink("up");
    const mine = queueOn(store, server);
    await mine.enqueue(action(1));
    await mine.flush();
    expect(server.received.map((request) => request.input)).toEqual([{ n: 1 }]);
    expect(mine.snapshot()).toMatchObject({ actions: [], othersWaiting: 1 });
  });
});
