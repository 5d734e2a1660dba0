import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * How a sender signs a webhook delivery to `POST /api/ingest/<connectorId>`:
 *
 *   X-Gemba-Timestamp: <unix time in seconds, e.g. 1767225600>
 *   X-Gemba-Signature: sha256=<lower-case hex HMAC-SHA256(secret, "<timestamp>.<raw body bytes>")>
 *
 * The HMAC covers the timestamp header exactly as sent, a full stop, then the request body byte for
 * byte (sign the bytes you send; never re-serialise JSON between signing and sending). Deliveries
 * more than 300 s away from the server clock, either way, are refused, and so is a second delivery
 * of the same signed request: sign every delivery afresh. During a secret rotation a sender may send
 * several signatures separated by commas (`sha256=<a>,sha256=<b>`); one valid signature suffices.
 */
export const TIMESTAMP_HEADER = "X-Gemba-Timestamp";
export const SIGNATURE_HEADER = "X-Gemba-Signature";
export const SIGNATURE_SCHEME = "sha256";
export const DEFAULT_TOLERANCE_SECONDS = 300;

export type TSignatureFailureCode = "missing_signature" | "malformed" | "stale_timestamp" | "bad_signature";

export type TSignatureVerification =
  | {
      ok: true;
      /** The hex digest that matched: identifies this signed request (replay protection, batch id). */
      signature: string;
      timestamp: number;
      /** True when only `previousSecret` matched: the sender still signs with the old secret. */
      usedPreviousSecret: boolean;
    }
  | { ok: false; code: TSignatureFailureCode; message: string };

const TIMESTAMP_PATTERN = /^\d{1,11}$/;
const SIGNATURE_PATTERN = /^sha256=([0-9a-f]{64})$/;
const MAX_SIGNATURES = 5;

const hmac = (secret: string, timestamp: string, rawBody: Uint8Array | string): Buffer =>
  createHmac("sha256", secret).update(`${timestamp}.`, "utf8").update(rawBody).digest();

/** The `X-Gemba-Signature` value for a body; for senders, tests and the "Test connection" example. */
export function signWebhook(secret: string, timestamp: number | string, rawBody: Uint8Array | string): string {
  return `${SIGNATURE_SCHEME}=${hmac(secret, String(timestamp), rawBody).toString("hex")}`;
}

/**
 * Checks a delivery's signature headers against the connector's secret (and the previous one while
 * a rotation is under way). Messages are written for the sender's developer: they say what was
 * expected, never what the secret or the expected signature is.
 */
export function verifyWebhookSignature(input: {
  secret: string;
  previousSecret?: string | undefined;
  timestampHeader: string | null | undefined;
  signatureHeader: string | null | undefined;
  rawBody: Uint8Array | string;
  now: Date;
  toleranceSeconds?: number;
}): TSignatureVerification {
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const timestampText = input.timestampHeader?.trim() ?? "";
  const signatureText = input.signatureHeader?.trim() ?? "";
  const missing = [
    ...(timestampText === "" ? [TIMESTAMP_HEADER] : []),
    ...(signatureText === "" ? [SIGNATURE_HEADER] : []),
  ];
  if (missing.length > 0) {
    return failure(
      "missing_signature",
      `Missing ${missing.join(" and ")} header${missing.length > 1 ? "s" : ""}. Send ${TIMESTAMP_HEADER}: <unix seconds> ` +
        `and ${SIGNATURE_HEADER}: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" keyed with the webhook secret>.`,
    );
  }

  if (!TIMESTAMP_PATTERN.test(timestampText)) {
    const hint = /^\d{12,}$/.test(timestampText) ? " It looks like milliseconds; send whole seconds." : "";
    return failure(
      "malformed",
      `${TIMESTAMP_HEADER} must be the current unix time in whole seconds (e.g. ${Math.floor(input.now.getTime() / 1000)}).${hint}`,
    );
  }
  const provided = parseSignatures(signatureText);
  if (provided === null) {
    return failure(
      "malformed",
      `${SIGNATURE_HEADER} must be "sha256=" followed by 64 lower-case hex characters (several separated by commas ` +
        "during a secret rotation).",
    );
  }

  const timestamp = Number(timestampText);
  const skew = Math.floor(input.now.getTime() / 1000) - timestamp;
  if (Math.abs(skew) > tolerance) {
    const direction = skew > 0 ? `${skew} s old` : `${-skew} s in the future`;
    return failure(
      "stale_timestamp",
      `${TIMESTAMP_HEADER} is ${direction}; it must be within ${tolerance} s of the server time ` +
        `(${Math.floor(input.now.getTime() / 1000)}). Sign each delivery when sending it, and check the sender's clock.`,
    );
  }

  const secrets: { secret: string; previous: boolean }[] = [{ secret: input.secret, previous: false }];
  if (input.previousSecret) secrets.push({ secret: input.previousSecret, previous: true });
  for (const { secret, previous } of secrets) {
    const expected = hmac(secret, timestampText, input.rawBody);
    for (const candidate of provided) {
      // Both are 32-byte digests: the comparison takes the same time wherever they differ.
      if (timingSafeEqual(expected, candidate)) {
        return { ok: true, signature: candidate.toString("hex"), timestamp, usedPreviousSecret: previous };
      }
    }
  }
  return failure(
    "bad_signature",
    `${SIGNATURE_HEADER} does not match. Compute HMAC-SHA256 with the webhook secret over the ${TIMESTAMP_HEADER} value, ` +
      `a ".", and the raw request body exactly as sent (no re-serialised JSON), then send "sha256=<lower-case hex>". ` +
      "If the secret was rotated, use the new one.",
  );
}

function parseSignatures(header: string): Buffer[] | null {
  const parts = header.split(",").map((part) => part.trim());
  if (parts.length > MAX_SIGNATURES) return null;
  const digests: Buffer[] = [];
  for (const part of parts) {
    const match = SIGNATURE_PATTERN.exec(part.toLowerCase());
    if (!match?.[1]) return null;
    digests.push(Buffer.from(match[1], "hex"));
  }
  return digests;
}

const failure = (code: TSignatureFailureCode, message: string): TSignatureVerification => ({
  ok: false,
  code,
  message,
});
