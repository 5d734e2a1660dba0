import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ZWebhookConfig, ZWebhookSecrets } from "./config";
import { webhookConnector } from "./definition";

const CONNECTOR = "2f4e6a8c-1b3d-4f5a-8c7e-9d0b1a2c3e4f";
const SECRET = "s3cr3t-0123456789abcdef0123456789abcdef";
const context = (secrets: unknown) => ({
  tenantId: "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d",
  connectorId: CONNECTOR,
  sourceId: CONNECTOR,
  config: webhookConnector.exampleConfig,
  secrets: secrets as { secret: string },
});

describe("webhook connector definition", () => {
  it("has a config schema the admin UI can render, with work-center widgets", () => {
    const schema = JSON.stringify(z.toJSONSchema(ZWebhookConfig, { io: "input" }));
    expect(schema).toContain('"widget":"workCenter"');
    expect(schema).toContain('"title":"Pass score (%)"');
    expect(JSON.stringify(z.toJSONSchema(ZWebhookSecrets))).toContain('"minLength":32');
  });

  it("ships an example config that parses", () => {
    expect(ZWebhookConfig.parse(webhookConnector.exampleConfig)).toEqual(webhookConnector.exampleConfig);
  });

  it("documents the URL and the signing scheme for senders", () => {
    expect(webhookConnector.description).toContain("/api/ingest/<connector id>");
    expect(webhookConnector.description).toContain("X-Gemba-Signature: sha256=");
    expect(webhookConnector.description).toContain("openssl dgst -sha256 -hmac");
  });

  it("tests without network: URL, example command, and never the secret itself", async () => {
    const result = await webhookConnector.test(context({ secret: SECRET }), new AbortController().signal);
    expect(result.ok).toBe(true);
    expect(result.details.join("\n")).toContain(`/api/ingest/${CONNECTOR}`);
    expect(result.details.join("\n")).toContain("$GEMBA_WEBHOOK_SECRET");
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it("fails the test when the secret is too short, without quoting it", async () => {
    const result = await webhookConnector.test(context({ secret: "short-secret" }), new AbortController().signal);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain("short-secret");
  });
});
