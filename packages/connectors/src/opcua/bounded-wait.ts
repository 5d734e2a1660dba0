/** node-opcua calls may wait for a server that is gone; every wait here has an end. */
export class OpcuaTimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} timed out after ${Math.round(ms / 1000)} s`);
    this.name = "OpcuaTimeoutError";
  }
}

export class OpcuaAbortedError extends Error {
  constructor(what: string) {
    super(`${what} was cancelled`);
    this.name = "OpcuaAbortedError";
  }
}

/** Rejects after `ms` or on abort; the underlying work is left to finish (or fail) on its own. */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) {
      work.catch(() => undefined);
      reject(new OpcuaAbortedError(what));
      return;
    }
    const onAbort = () => finish(() => reject(new OpcuaAbortedError(what)));
    const timer = setTimeout(() => finish(() => reject(new OpcuaTimeoutError(what, ms))), ms);
    let done = false;
    const finish = (settle: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      settle();
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
  });
}

/** For cleanup: waits at most `ms`, never throws, so stop() and finally-blocks always complete. */
export async function settleWithin(work: () => Promise<unknown>, ms: number): Promise<void> {
  try {
    await withTimeout(work(), ms, "cleanup");
  } catch {
    // Closing a session on a server that is gone fails or times out; either way we are done with it.
  }
}

/** A delay that stop() can cut short. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
