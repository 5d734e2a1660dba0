import type { TConnectorKind } from "@gemba/connectors/framework/definition";
import { resetConnectorErrors } from "@gemba/connectors/framework/health";
import { describeIssues } from "@gemba/connectors/framework/load-connector";
import { CONNECTOR_KINDS, connectorDefinition } from "@gemba/connectors/framework/registry";
import { recordAudit } from "@gemba/db/audit/record-audit";
import type { Prisma } from "@gemba/db/client";
import { mergeSecretUpdates } from "@gemba/db/secrets/redact-secrets";
import { openSecrets, sealSecrets } from "@gemba/db/secrets/secrets-box";
import { AppError } from "@gemba/domain/errors";
import { z } from "zod";
import { assertWorkCentersExist } from "./check-work-centers";
import { type ConnectorActor, findConnectorOrThrow } from "./connector-actor";
import { notifyConnectorChanged } from "./notify-change";

const ZName = z.string().trim().min(1, "Give the connector a name.").max(100);
/** Secret updates: a missing field keeps the stored value, "" clears it, any other string replaces it. */
const ZSecretUpdates = z.record(z.string().max(100), z.string().max(10_000)).default({});

export const ZCreateConnectorInput = z.object({
  kind: z.enum(CONNECTOR_KINDS as [TConnectorKind, ...TConnectorKind[]], "Unknown connector kind."),
  name: ZName,
  config: z.unknown(),
  secrets: ZSecretUpdates,
});

export const ZUpdateConnectorInput = z.object({
  connectorId: z.uuid(),
  name: ZName.optional(),
  config: z.unknown().optional(),
  secrets: ZSecretUpdates,
});

/** Validates config and secrets with the kind's own schemas; problems name the field. */
export function validateConnectorSettings(kind: string, config: unknown, secrets: Record<string, string>) {
  const definition = connectorDefinition(kind);
  const parsedConfig = definition.configSchema.safeParse(config);
  if (!parsedConfig.success) {
    throw new AppError("BAD_REQUEST", `Check the configuration — ${describeIssues(parsedConfig.error).join("; ")}`);
  }
  const parsedSecrets = definition.secretsSchema.safeParse(secrets);
  if (!parsedSecrets.success) {
    throw new AppError("BAD_REQUEST", `Check the secrets — ${describeIssues(parsedSecrets.error).join("; ")}`);
  }
  return { definition, config: parsedConfig.data as Prisma.InputJsonValue, secrets: parsedSecrets.data };
}

const nameTaken = (error: unknown) =>
  typeof error === "object" && error !== null && "code" in error && (error as { code: string }).code === "P2002";

/** Runs a write that may collide with another connector's name (unique per plant) and says so plainly. */
async function withUniqueName(name: string, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (nameTaken(error)) throw new AppError("CONFLICT", `A connector named "${name}" already exists.`);
    throw error;
  }
}

/** Keys whose values changed, for the audit entry: the values themselves are never recorded. */
const changedSecretKeys = (updates: Record<string, string>) => Object.keys(updates).sort();

export async function createConnector(actor: ConnectorActor, input: z.infer<typeof ZCreateConnectorInput>) {
  const { tx, tenantId } = actor;
  const settings = validateConnectorSettings(input.kind, input.config, mergeSecretUpdates({}, input.secrets));
  await assertWorkCentersExist(tx, settings.config);
  const id = crypto.randomUUID();
  const secretValues = settings.secrets as Record<string, string>;
  const sealed =
    Object.keys(secretValues).length > 0
      ? sealSecrets(actor.platform.secretsKey, secretValues, { tenantId, connectorId: id })
      : null;
  await withUniqueName(input.name, () =>
    tx.connector.create({
      data: {
        tenantId,
        id,
        kind: settings.definition.kind,
        name: input.name,
        config: settings.config,
        secrets: sealed,
      },
      select: { id: true },
    }),
  );
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: "connector.create",
    entityType: "Connector",
    entityId: id,
    summary: `Added ${settings.definition.label} connector "${input.name}"`,
    after: {
      kind: settings.definition.kind,
      name: input.name,
      config: settings.config,
      secretsSet: changedSecretKeys(input.secrets),
    },
  });
  actor.afterCommit(() => notifyConnectorChanged(actor.platform.redis, id));
  return { connectorId: id };
}

export async function updateConnector(actor: ConnectorActor, input: z.infer<typeof ZUpdateConnectorInput>) {
  const { tx, tenantId } = actor;
  const existing = await findConnectorOrThrow(actor, input.connectorId);
  const context = { tenantId, connectorId: existing.id };
  const storedSecrets = existing.secrets ? openSecrets(actor.platform.secretsKey, existing.secrets, context) : {};
  const mergedSecrets = mergeSecretUpdates(storedSecrets, input.secrets);
  const settings = validateConnectorSettings(existing.kind, input.config ?? existing.config, mergedSecrets);
  if (input.config !== undefined) await assertWorkCentersExist(tx, settings.config);
  const secretValues = settings.secrets as Record<string, string>;
  const secretsChanged = changedSecretKeys(input.secrets);
  await withUniqueName(input.name ?? existing.name, () =>
    tx.connector.update({
      where: { tenantId_id: { tenantId, id: existing.id } },
      data: {
        name: input.name ?? existing.name,
        config: settings.config,
        ...(secretsChanged.length > 0
          ? {
              secrets:
                Object.keys(secretValues).length > 0
                  ? sealSecrets(actor.platform.secretsKey, secretValues, context)
                  : null,
            }
          : {}),
      },
      select: { id: true },
    }),
  );
  await recordAudit(tx, {
    tenantId,
    actorId: actor.userId,
    action: "connector.update",
    entityType: "Connector",
    entityId: existing.id,
    summary: `Changed connector "${input.name ?? existing.name}"${secretsChanged.length > 0 ? ` (secrets: ${secretsChanged.join(", ")})` : ""}`,
    before: { name: existing.name, config: existing.config as Prisma.InputJsonValue },
    after: { name: input.name ?? existing.name, config: settings.config, secretsChanged },
  });
  actor.afterCommit(async () => {
    // Errors count from the last change: an old burst must not look like a problem with the new settings.
    await resetConnectorErrors(actor.platform.redis, existing.id).catch(() => undefined);
    await notifyConnectorChanged(actor.platform.redis, existing.id);
  });
  return { connectorId: existing.id };
}

export const ZSetConnectorEnabledInput = z.object({ connectorId: z.uuid(), enabled: z.boolean() });

/** Pause or resume: a paused connector keeps its configuration and history but receives nothing. */
export async function setConnectorEnabled(actor: ConnectorActor, input: z.infer<typeof ZSetConnectorEnabledInput>) {
  const existing = await findConnectorOrThrow(actor, input.connectorId);
  if (existing.enabled === input.enabled) return { connectorId: existing.id, enabled: existing.enabled };
  await actor.tx.connector.update({
    where: { tenantId_id: { tenantId: actor.tenantId, id: existing.id } },
    data: { enabled: input.enabled },
    select: { id: true },
  });
  await recordAudit(actor.tx, {
    tenantId: actor.tenantId,
    actorId: actor.userId,
    action: input.enabled ? "connector.resume" : "connector.pause",
    entityType: "Connector",
    entityId: existing.id,
    summary: `${input.enabled ? "Resumed" : "Paused"} connector "${existing.name}"`,
    before: { enabled: existing.enabled },
    after: { enabled: input.enabled },
  });
  actor.afterCommit(() => notifyConnectorChanged(actor.platform.redis, existing.id));
  return { connectorId: existing.id, enabled: input.enabled };
}
