import type { TCanonicalEvent } from "@gemba/domain/events/canonical-events";
import type { TRejectedInput } from "@gemba/jobs/catalog";
import { enqueueIngestBatch } from "@gemba/jobs/ingest";
import type { QueueSet } from "@gemba/jobs/queue";

export type TEventBatcherOptions = {
  queues: QueueSet;
  tenantId: string;
  connectorId: string;
  /** A batch goes out when it has this many items… */
  maxItems?: number;
  /** …or when its oldest item has waited this long. */
  maxDelayMs?: number;
  onFlushed: (flushed: { events: number; rejected: number }) => void;
  /** `dropped`: the oldest events let go because the buffer was full (Redis away for long). */
  onFlushFailed: (error: unknown, items: number, dropped: number) => void;
};

const DEFAULT_MAX_ITEMS = 2_000;
// A tenth of the 1 s ingest → browser budget (measured end to end by `pnpm bench:live`). Under load
// batches fill up by count long before this; it only bounds how long a lone state change waits.
const DEFAULT_MAX_DELAY_MS = 100;
/** While Redis is unreachable, keep at most this much in memory; beyond it the oldest are dropped and reported. */
const MAX_BUFFERED = 200_000;

/**
 * Collects what a streaming connector emits into ingest batches: one queue job per 100 ms (or per
 * 2,000 items) instead of one per message. A failed enqueue (Redis restarting) keeps the items and
 * tries again with the next flush.
 */
export function createEventBatcher(options: TEventBatcherOptions) {
  const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS;
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  let events: TCanonicalEvent[] = [];
  let rejected: TRejectedInput[] = [];
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> = Promise.resolve();

  const size = () => events.length + rejected.length;

  const flushNow = async () => {
    clearTimeout(timer);
    timer = undefined;
    if (size() === 0) return;
    const batchEvents = events.splice(0, maxItems);
    const batchRejected = rejected.splice(0, Math.max(0, maxItems - batchEvents.length));
    try {
      await enqueueIngestBatch(options.queues, {
        tenantId: options.tenantId,
        connectorId: options.connectorId,
        sourceId: options.connectorId,
        items: batchEvents,
        rejected: batchRejected,
      });
      options.onFlushed({ events: batchEvents.length, rejected: batchRejected.length });
    } catch (error) {
      events = [...batchEvents, ...events];
      rejected = [...batchRejected, ...rejected];
      let dropped = 0;
      if (size() > MAX_BUFFERED) {
        dropped = Math.min(events.length, size() - MAX_BUFFERED);
        events.splice(0, dropped);
      }
      options.onFlushFailed(error, size(), dropped);
      schedule(1_000);
      return;
    }
    if (size() > 0) schedule(0);
  };

  const schedule = (delayMs: number) => {
    if (timer) return;
    timer = setTimeout(() => {
      flushing = flushing.then(flushNow);
    }, delayMs);
  };

  const added = () => {
    if (size() >= maxItems) {
      clearTimeout(timer);
      timer = undefined;
      schedule(0);
    } else schedule(maxDelayMs);
  };

  return {
    addEvents(batch: readonly TCanonicalEvent[]) {
      events.push(...batch);
      added();
    },
    addRejected(input: TRejectedInput) {
      rejected.push(input);
      added();
    },
    /** Sends everything still buffered (on stop). */
    async drain() {
      clearTimeout(timer);
      timer = undefined;
      await flushing;
      while (size() > 0) {
        const before = size();
        await flushNow();
        clearTimeout(timer);
        timer = undefined;
        if (size() >= before) break;
      }
    },
  };
}
