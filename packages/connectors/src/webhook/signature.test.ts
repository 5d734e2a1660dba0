import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhookSignature } from "./signature";

const SECRET = "whsec_0123456789abcdef0123456789abcdef";
const OLD_SECRET = "whsec_old_fedcba9876543210fedcba9876543210";
const NOW = new Date("2026-11-24T08:00:00Z");
const TS = Math.floor(NOW.getTime() / 1000);
const BODY = Buffer.from('{"event":{"event_types":["TRIGGER_EVENT_INSPECTION_COMPLETED"]},"note":"Grüße"}', "utf8");

const verify = (overrides: Partial<Parameters<typeof verifyWebhookSignature>[0]> = {}) =>
  verifyWebhookSignature({
    secret: SECRET,
    timestampHeader: String(TS),
    signatureHeader: signWebhook(SECRET, TS, BODY),
    rawBody: BODY,
    now: NOW,
    ...overrides,
  });

describe("signWebhook", () => {
  it("is HMAC-SHA256 over '<timestamp>.<raw body>', hex, prefixed sha256=", () => {
    const expected = createHmac("sha256", SECRET).update(`${TS}.`).update(BODY).digest("hex");
    expect(signWebhook(SECRET, TS, BODY)).toBe(`sha256=${expected}`);
    // A string body is signed as its UTF-8 bytes.
    expect(signWebhook(SECRET, String(TS), BODY.toString("utf8"))).toBe(`sha256=${expected}`);
  });
});

describe("verifyWebhookSignature", () => {
  it("accepts a valid signature and reports the digest that identifies the request", () => {
    const result = verify();
    expect(result).toMatchObject({ ok: true, timestamp: TS, usedPreviousSecret: false });
    if (result.ok) expect(`sha256=${result.signature}`).toBe(signWebhook(SECRET, TS, BODY));
  });

  it("refuses a tampered body", () => {
    const tampered = Buffer.from(BODY.toString("utf8").replace("Grüße", "Gruse"), "utf8");
    expect(verify({ rawBody: tampered })).toMatchObject({ ok: false, code: "bad_signature" });
  });

  it("refuses a body re-serialised after signing (whitespace differs)", () => {
    const reserialised = JSON.stringify(JSON.parse(BODY.toString("utf8")), null, 2);
    expect(verify({ rawBody: reserialised })).toMatchObject({ ok: false, code: "bad_signature" });
  });

  it("refuses a signature made with another secret", () => {
    const result = verify({ signatureHeader: signWebhook("another-secret-0123456789abcdef0123", TS, BODY) });
    expect(result).toMatchObject({ ok: false, code: "bad_signature" });
    if (!result.ok) {
      expect(result.message).toContain("raw request body");
      expect(result.message).not.toContain(SECRET);
    }
  });

  it("refuses a timestamp older than the tolerance, and says by how much", () => {
    const old = TS - 301;
    const result = verify({ timestampHeader: String(old), signatureHeader: signWebhook(SECRET, old, BODY) });
    expect(result).toMatchObject({ ok: false, code: "stale_timestamp" });
    if (!result.ok) expect(result.message).toContain("301 s old");
    // Exactly at the tolerance is still fine.
    const edge = TS - 300;
    expect(verify({ timestampHeader: String(edge), signatureHeader: signWebhook(SECRET, edge, BODY) }).ok).toBe(true);
  });

  it("refuses a timestamp further in the future than the tolerance", () => {
    const future = TS + 301;
    const result = verify({ timestampHeader: String(future), signatureHeader: signWebhook(SECRET, future, BODY) });
    expect(result).toMatchObject({ ok: false, code: "stale_timestamp" });
    if (!result.ok) expect(result.message).toContain("in the future");
    const nearFuture = TS + 120;
    expect(
      verify({ timestampHeader: String(nearFuture), signatureHeader: signWebhook(SECRET, nearFuture, BODY) }).ok,
    ).toBe(true);
  });

  it("honours a custom tolerance", () => {
    const old = TS - 61;
    const signed = { timestampHeader: String(old), signatureHeader: signWebhook(SECRET, old, BODY) };
    expect(verify({ ...signed, toleranceSeconds: 60 })).toMatchObject({ ok: false, code: "stale_timestamp" });
  });

  it("reports missing headers by name", () => {
    const none = verify({ timestampHeader: null, signatureHeader: undefined });
    expect(none).toMatchObject({ ok: false, code: "missing_signature" });
    if (!none.ok) expect(none.message).toContain("X-Gemba-Timestamp and X-Gemba-Signature headers");
    const noSignature = verify({ signatureHeader: "  " });
    expect(noSignature).toMatchObject({ ok: false, code: "missing_signature" });
    if (!noSignature.ok) expect(noSignature.message).toMatch(/^Missing X-Gemba-Signature header\./);
  });

  it("reports malformed headers", () => {
    const digest = signWebhook(SECRET, TS, BODY).slice("sha256=".length);
    for (const signatureHeader of [
      digest,
      "sha1=abc",
      `sha256=${digest.slice(2)}`,
      `sha256=${"z".repeat(64)}`,
      "v1=,",
    ]) {
      expect(verify({ signatureHeader })).toMatchObject({ ok: false, code: "malformed" });
    }
    for (const timestampHeader of ["yesterday", "1.5", "-5", "2026-11-24T08:00:00Z"]) {
      expect(verify({ timestampHeader })).toMatchObject({ ok: false, code: "malformed" });
    }
    const millis = verify({ timestampHeader: String(NOW.getTime()) });
    expect(millis).toMatchObject({ ok: false, code: "malformed" });
    if (!millis.ok) expect(millis.message).toContain("milliseconds");
  });

  it("accepts the previous secret during a rotation and says so", () => {
    const signedWithOld = { signatureHeader: signWebhook(OLD_SECRET, TS, BODY) };
    expect(verify(signedWithOld)).toMatchObject({ ok: false, code: "bad_signature" });
    expect(verify({ ...signedWithOld, previousSecret: OLD_SECRET })).toMatchObject({
      ok: true,
      usedPreviousSecret: true,
    });
    expect(verify({ previousSecret: OLD_SECRET })).toMatchObject({ ok: true, usedPreviousSecret: false });
  });

  it("accepts one valid signature among several (sender signing with old and new secret)", () => {
    const header = `${signWebhook(OLD_SECRET, TS, BODY)}, ${signWebhook(SECRET, TS, BODY)}`;
    expect(verify({ signatureHeader: header })).toMatchObject({ ok: true, usedPreviousSecret: false });
  });

  it("binds the signature to the timestamp", () => {
    const later = TS + 10;
    expect(verify({ timestampHeader: String(later) })).toMatchObject({ ok: false, code: "bad_signature" });
  });
});
