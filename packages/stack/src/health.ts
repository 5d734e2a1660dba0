import { setTimeout as sleep } from "node:timers/promises";
import { LauncherError } from "./errors";

export type HealthWait = {
  url: string;
  timeoutMs: number;
  /** Aborted when a child dies: there is nothing left to wait for. */
  signal: AbortSignal;
};

/** Polls GET /api/health until it answers 200 (database and Redis reachable). */
export async function waitForHealth({ url, timeoutMs, signal }: HealthWait): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (signal.aborted) return;
    try {
      const response = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(5_000)]) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      if (signal.aborted) return;
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(500, undefined, { signal }).catch(() => undefined);
  }
  throw new LauncherError(`${url} did not report healthy within ${Math.round(timeoutMs / 1000)} s (last: ${last}).`);
}
