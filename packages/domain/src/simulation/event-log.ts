import type {
  TCanonicalEvent,
  TOrderLifecycleEvent,
  TReportedMachineState,
  TTelemetryEvent,
} from "../events/canonical-events";

export type SimulatedWorkCenter = {
  /** The work center's id in the database (events reference it). */
  id: string;
  /** Its code, part of every dedupe key: stable across re-seeding, unlike ids. */
  code: string;
};

/**
 * Collects a work center's events. Dedupe keys are `${code}:${kind}:${eventTimeMs}:${n}`, n
 * counting events of that kind at that millisecond, so the same simulation always yields the
 * same keys and storing it twice stores nothing new.
 */
export function createEventLog(workCenter: SimulatedWorkCenter, sourceId: string) {
  const events: TCanonicalEvent[] = [];
  const sequence = new Map<string, number>();
  let reported: { state: TReportedMachineState; reasonCode: string | undefined } | null = null;

  const envelope = (kind: TCanonicalEvent["kind"], timeMs: number) => {
    const slot = `${kind}:${timeMs}`;
    const n = sequence.get(slot) ?? 0;
    sequence.set(slot, n + 1);
    return {
      workCenterId: workCenter.id,
      eventTime: new Date(timeMs),
      sourceId,
      dedupeKey: `${workCenter.code}:${kind}:${timeMs}:${n}`,
    };
  };

  return {
    events,
    currentState: () => reported,
    /** Reports a state change; repeating the current state and reason reports nothing. */
    state(timeMs: number, state: TReportedMachineState, reasonCode?: string): void {
      if (reported && reported.state === state && reported.reasonCode === reasonCode) return;
      reported = { state, reasonCode };
      const payload = reasonCode === undefined ? { state } : { state, reasonCode };
      events.push({ kind: "machine.state", ...envelope("machine.state", timeMs), payload });
    },
    count(timeMs: number, total: number, good: number): void {
      events.push({ kind: "production.count", ...envelope("production.count", timeMs), payload: { total, good } });
    },
    scrap(timeMs: number, quantity: number, reasonCode: string): void {
      events.push({
        kind: "production.scrap",
        ...envelope("production.scrap", timeMs),
        payload: { quantity, reasonCode },
      });
    },
    telemetry(timeMs: number, payload: TTelemetryEvent["payload"]): void {
      events.push({ kind: "telemetry", ...envelope("telemetry", timeMs), payload });
    },
    order(timeMs: number, payload: TOrderLifecycleEvent["payload"]): void {
      events.push({ kind: "order.lifecycle", ...envelope("order.lifecycle", timeMs), payload });
    },
  };
}

export type EventLog = ReturnType<typeof createEventLog>;
