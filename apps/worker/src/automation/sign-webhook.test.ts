import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { messageIdOf, signWebhook } from "./deliver";
import { verifyGembaSignature } from "./testing/sinks";

describe("webhook signature", () => {
  const body = JSON.stringify({ id: "n1", type: "rule.fired" });

  it("is an HMAC-SHA256 of '<t>.<raw body>' with the endpoint's secret", () => {
    const expected = createHmac("sha256", "s3cret").update(`1767225600.${body}`).digest("hex");
    expect(signWebhook("s3cret", body, 1_767_225_600)).toBe(`t=1767225600,v1=${expected}`);
  });

  it("verifies for the receiver only with the same secret, body and a fresh timestamp", () => {
    const now = 1_767_225_600_000;
    const header = signWebhook("s3cret", body, now / 1000);
    expect(verifyGembaSignature("s3cret", body, header, now)).toBe(true);
    expect(verifyGembaSignature("other", body, header, now)).toBe(false);
    expect(verifyGembaSignature("s3cret", `${body} `, header, now)).toBe(false);
    expect(verifyGembaSignature("s3cret", body, header, now + 301_000)).toBe(false);
  });

  it("gives every notification one Message-ID across attempts", () => {
    expect(messageIdOf("4d0c")).toBe("<4d0c@notifications.gemba>");
  });
});
