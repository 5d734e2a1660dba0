import { randomUUID } from "node:crypto";
import { recordAudit } from "@gemba/db/audit/record-audit";
import type { Tx } from "@gemba/db/tenant-scope";
import { ZRuleDefinition } from "@gemba/domain/automation/rule-definition";
import { AppError } from "@gemba/domain/errors";
import type { PlatformServices } from "../../platform";
import type { TenantActor } from "../scope";
import type { TCreateEndpointInput } from "./endpoint-inputs";
import { generateWebhookSecret, sealWebhookSecret } from "./webhook-secret";

export type TEndpointActor = TenantActor & { platform: PlatformServices | undefined };

const endpointSelect = { id: true, name: true, url: true, enabled: true, createdAt: true } as const;

/** Rules whose actions post to each endpoint, by endpoint id. */
async function rulesByEndpoint(tx: Tx): Promise<Map<string, { id: string; name: string }[]>> {
  const rules = await tx.rule.findMany({ select: { id: true, name: true, definition: true } });
  const uses = new Map<string, { id: string; name: string }[]>();
  for (const rule of rules) {
    const parsed = ZRuleDefinition.safeParse(rule.definition);
    if (!parsed.success) continue;
    for (const action of parsed.data.actions) {
      if (action.kind !== "WEBHOOK") continue;
      const list = uses.get(action.endpointId) ?? [];
      if (!list.some((entry) => entry.id === rule.id)) list.push({ id: rule.id, name: rule.name });
      uses.set(action.endpointId, list);
    }
  }
  return uses;
}

async function findEndpointOrThrow(tx: Tx, endpointId: string) {
  const endpoint = await tx.webhookEndpoint.findFirst({ where: { id: endpointId }, select: endpointSelect });
  if (!endpoint) throw new AppError("NOT_FOUND", "This webhook endpoint does not exist any more. Reload the page.");
  return endpoint;
}

/** The endpoints with the rules that use them and their latest delivery. Never the secret. */
export async function listEndpoints(tx: Tx) {
  const endpoints = await tx.webhookEndpoint.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: endpointSelect,
  });
  const [uses, deliveries] = await Promise.all([
    rulesByEndpoint(tx),
    tx.notification.findMany({
      where: { channel: "WEBHOOK", target: { in: endpoints.map((endpoint) => endpoint.id) } },
      distinct: ["target"],
      orderBy: [{ target: "asc" }, { createdAt: "desc" }],
      select: { target: true, status: true, createdAt: true, sentAt: true, lastError: true },
    }),
  ]);
  const lastByEndpoint = new Map(deliveries.map((delivery) => [delivery.target, delivery]));
  return endpoints.map((endpoint) => {
    const last = lastByEndpoint.get(endpoint.id);
    return {
      ...endpoint,
      usedBy: uses.get(endpoint.id) ?? [],
      lastDelivery: last ? { status: last.status, at: last.sentAt ?? last.createdAt, error: last.lastError } : null,
    };
  });
}

/** A new endpoint and its signing secret: the only time the secret is shown. */
export async function createEndpoint(actor: TEndpointActor, input: TCreateEndpointInput) {
  const { tx, tenantId } = actor;
  const id = randomUUID();
  const secret = generateWebhookSecret();
  const endpoint = await tx.webhookEndpoint.create({
    data: {
      tenantId,
      id,
      name: input.name,
      url: input.url,
      secretCiphertext: sealWebhookSecret(actor.platform, secret, { tenantId, endpointId: id }),
    },
    select: endpointSelect,
  });
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: "webhook-endpoint.create",
    entityType: "WebhookEndpoint",
    entityId: id,
    summary: `Added webhook endpoint "${endpoint.name}" → ${endpoint.url}`,
    after: { name: endpoint.name, url: endpoint.url },
  });
  return { endpoint, secret };
}

/** A fresh secret; the old one stops working at once, so the receiver must be updated. */
export async function rotateEndpointSecret(actor: TEndpointActor, input: { endpointId: string }) {
  const { tx, tenantId } = actor;
  const endpoint = await findEndpointOrThrow(tx, input.endpointId);
  const secret = generateWebhookSecret();
  await tx.webhookEndpoint.update({
    where: { tenantId_id: { tenantId, id: endpoint.id } },
    data: { secretCiphertext: sealWebhookSecret(actor.platform, secret, { tenantId, endpointId: endpoint.id }) },
    select: { id: true },
  });
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: "webhook-endpoint.rotate-secret",
    entityType: "WebhookEndpoint",
    entityId: endpoint.id,
    summary: `Replaced the signing secret of webhook endpoint "${endpoint.name}"; the old secret no longer verifies`,
  });
  return { endpoint, secret };
}

export async function setEndpointEnabled(actor: TEndpointActor, input: { endpointId: string; enabled: boolean }) {
  const { tx, tenantId } = actor;
  const endpoint = await findEndpointOrThrow(tx, input.endpointId);
  if (endpoint.enabled === input.enabled) return endpoint;
  const updated = await tx.webhookEndpoint.update({
    where: { tenantId_id: { tenantId, id: endpoint.id } },
    data: { enabled: input.enabled },
    select: endpointSelect,
  });
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: input.enabled ? "webhook-endpoint.enable" : "webhook-endpoint.disable",
    entityType: "WebhookEndpoint",
    entityId: endpoint.id,
    summary: input.enabled
      ? `Enabled webhook endpoint "${endpoint.name}": rules post to it again`
      : `Disabled webhook endpoint "${endpoint.name}": rules that post to it record a failed action instead`,
    before: { enabled: endpoint.enabled },
    after: { enabled: input.enabled },
  });
  return updated;
}

/** Refused while a rule still posts to it: the rule would fail on every firing. */
export async function deleteEndpoint(actor: TEndpointActor, input: { endpointId: string }) {
  const { tx, tenantId } = actor;
  const endpoint = await findEndpointOrThrow(tx, input.endpointId);
  const users = (await rulesByEndpoint(tx)).get(endpoint.id) ?? [];
  if (users.length > 0) {
    const names = users.map((rule) => `"${rule.name}"`).join(", ");
    throw new AppError(
      "CONFLICT",
      `${users.length === 1 ? "Rule" : "Rules"} ${names} still ${users.length === 1 ? "sends" : "send"} webhooks here. Change ${users.length === 1 ? "it" : "them"} first, or disable the endpoint instead.`,
    );
  }
  await tx.webhookEndpoint.delete({ where: { tenantId_id: { tenantId, id: endpoint.id } }, select: { id: true } });
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: "webhook-endpoint.delete",
    entityType: "WebhookEndpoint",
    entityId: endpoint.id,
    summary: `Deleted webhook endpoint "${endpoint.name}" (${endpoint.url})`,
    before: { name: endpoint.name, url: endpoint.url, enabled: endpoint.enabled },
  });
  return { id: endpoint.id };
}
