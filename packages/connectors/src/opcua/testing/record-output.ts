import type { TCanonicalEvent } from "@gemba/domain/events/canonical-events";
import type { TConnectorOutput, TConnectorStatus, TRejectedInputReport } from "../../framework/definition";

/** A TConnectorOutput that keeps everything it is told, for assertions. */
export function recordOutput() {
  const events: TCanonicalEvent[] = [];
  const rejected: TRejectedInputReport[] = [];
  const statuses: Array<{ status: TConnectorStatus; detail?: string }> = [];
  const errors: string[] = [];
  const output: TConnectorOutput = {
    events: (batch) => events.push(...batch),
    rejected: (report) => rejected.push(report),
    status: (status, detail) => statuses.push(detail === undefined ? { status } : { status, detail }),
    error: (message) => errors.push(message),
  };
  const lastStatus = () => statuses.at(-1)?.status;
  return { output, events, rejected, statuses, errors, lastStatus };
}
export type TRecordedOutput = ReturnType<typeof recordOutput>;

/** Polls a condition instead of sleeping a fixed time; fails with what it was waiting for. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
