import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

export const REPLAY_KEY_PREFIX = "gemba:webhook-replay:";

const PENDING = "pending";
const ACCEPTED = "accepted";

/**
 * - `new`: first sight of this signed request; go on.
 * - `unfinished`: seen before, but its handling never reached the queue (a crash, Redis or the
 *   queue failed): go on — the batch id is derived from the signature, so enqueueing again is a no-op
 *   if the first attempt got that far, and the sender's retry is not lost.
 * - `replay`: already accepted; refuse it.
 */
export type TReplayClaim = "new" | "unfinished" | "replay";

const replayKey = (connectorId: string, signature: string) =>
  `${REPLAY_KEY_PREFIX}${createHash("sha256").update(`${connectorId}:${signature}`).digest("hex")}`;

/**
 * Claims a signed request with `SET NX EX`. The key lives twice the timestamp tolerance: a timestamp
 * may be up to one tolerance in the future, so a signature stays valid for up to two tolerances
 * after it is first seen; once the key expires the timestamp check refuses the request anyway.
 */
export async function claimDelivery(
  redis: Redis,
  input: { connectorId: string; signature: string; toleranceSeconds: number },
): Promise<TReplayClaim> {
  const key = replayKey(input.connectorId, input.signature);
  const ttl = 2 * input.toleranceSeconds;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    if ((await redis.set(key, PENDING, "EX", ttl, "NX")) === "OK") return "new";
    const state = await redis.get(key);
    if (state === ACCEPTED) return "replay";
    if (state === PENDING) return "unfinished";
    // The key expired between SET and GET: claim again.
  }
  return "unfinished";
}

/** Marks a claimed request as safely queued: from now on the same signed request is a replay. */
export async function markDeliveryAccepted(
  redis: Redis,
  input: { connectorId: string; signature: string; toleranceSeconds: number },
): Promise<void> {
  await redis.set(replayKey(input.connectorId, input.signature), ACCEPTED, "EX", 2 * input.toleranceSeconds);
}
