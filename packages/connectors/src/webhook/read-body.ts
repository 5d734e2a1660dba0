/** Largest webhook body accepted; bigger deliveries get 413 and must be split by the sender. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

/**
 * Reads a request body as raw bytes (never re-encoded: the signature covers them), stopping as soon
 * as it exceeds `maxBytes` so an oversized or endless upload cannot fill the server's memory.
 * Null means "too large".
 */
export async function readLimitedBody(request: Request, maxBytes = MAX_WEBHOOK_BODY_BYTES): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}
