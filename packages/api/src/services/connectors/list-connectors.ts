import { readConnectorHealth } from "@gemba/connectors/framework/health";
import { connectorDefinition, isConnectorKind, runtimeOf } from "@gemba/connectors/framework/registry";
import { describeSecretFields } from "@gemba/db/secrets/redact-secrets";
import { openSecrets } from "@gemba/db/secrets/secrets-box";
import { z } from "zod";
import { type ConnectorActor, findConnectorOrThrow } from "./connector-actor";

/** Every connector of the tenant with live health, its last run and how many dead letters wait. */
export async function listConnectors(actor: ConnectorActor) {
  const { tx, platform } = actor;
  // Kinds without a definition in this version (e.g. rows of a retired kind) are left out, not fatal.
  const connectors = (
    await tx.connector.findMany({
      orderBy: { name: "asc" },
      select: { id: true, kind: true, name: true, enabled: true, createdAt: true, updatedAt: true },
    })
  ).filter((connector) => isConnectorKind(connector.kind));
  const [health, lastRuns, waiting] = await Promise.all([
    readConnectorHealth(
      platform.redis,
      connectors.map((c) => ({
        id: c.id,
        streaming: c.enabled && runtimeOf(connectorDefinition(c.kind)) === "stream",
      })),
    ).catch(() => new Map()),
    tx.connectorRun.findMany({
      distinct: ["connectorId"],
      orderBy: [{ connectorId: "asc" }, { startedAt: "desc" }],
      select: { connectorId: true, status: true, startedAt: true, finishedAt: true, message: true },
    }),
    tx.deadLetter.groupBy({ by: ["connectorId"], where: { resolvedAt: null }, _count: { _all: true } }),
  ]);
  const lastRunOf = new Map(lastRuns.map((run) => [run.connectorId, run]));
  const waitingOf = new Map(waiting.map((entry) => [entry.connectorId, entry._count._all]));
  return connectors.map((connector) => {
    const definition = connectorDefinition(connector.kind);
    return {
      ...connector,
      kindLabel: definition.label,
      runtime: runtimeOf(definition),
      health: health.get(connector.id) ?? null,
      lastRun: lastRunOf.get(connector.id) ?? null,
      openDeadLetters: waitingOf.get(connector.id) ?? 0,
    };
  });
}

export const ZConnectorIdInput = z.object({ connectorId: z.uuid() });

/** One connector for its edit page: config as stored, which secrets are set (never their values), health. */
export async function getConnector(actor: ConnectorActor, input: z.infer<typeof ZConnectorIdInput>) {
  const connector = await findConnectorOrThrow(actor, input.connectorId);
  const definition = connectorDefinition(connector.kind);
  const secrets = connector.secrets
    ? openSecrets(actor.platform.secretsKey, connector.secrets, { tenantId: actor.tenantId, connectorId: connector.id })
    : {};
  const runtime = runtimeOf(definition);
  const health = await readConnectorHealth(actor.platform.redis, [
    { id: connector.id, streaming: connector.enabled && runtime === "stream" },
  ]).catch(() => new Map());
  return {
    id: connector.id,
    kind: connector.kind,
    kindLabel: definition.label,
    runtime,
    name: connector.name,
    enabled: connector.enabled,
    config: connector.config,
    secretsSet: describeSecretFields(secrets),
    cursor: connector.cursor,
    createdAt: connector.createdAt,
    updatedAt: connector.updatedAt,
    health: health.get(connector.id) ?? null,
  };
}
