import { randomUUID } from "node:crypto";
import type { TJobInput } from "./catalog";
import { enqueue, type QueueSet } from "./queue";

/**
 * Puts a batch of raw items on the ingest queue. The batch id becomes the job id: it must be
 * unique forever (it also keys the batch's dead letters), so it is a UUID unless the connector
 * supplies its own stable id to make re-sending the same batch a no-op.
 */
export async function enqueueIngestBatch(
  queues: QueueSet,
  batch: TJobInput<"ingest.batch">,
  options: { batchId?: string } = {},
): Promise<string> {
  const batchId = options.batchId ?? randomUUID();
  await enqueue(queues, "ingest.batch", batch, { jobId: batchId });
  return batchId;
}
