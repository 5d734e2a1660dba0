import { openSecrets } from "@gemba/db/secrets/secrets-box";
import type { Tx } from "@gemba/db/tenant-scope";
import type { z } from "zod";
import type { TAnyConnectorDefinition, TConnectorContext } from "./definition";
import { connectorDefinition } from "./registry";

/** A stored configuration that no longer satisfies its schema (edited by hand, or the schema moved on). */
export class ConnectorConfigError extends Error {
  constructor(
    readonly connectorId: string,
    readonly issues: string[],
  ) {
    super(
      `Connector configuration is invalid: ${issues.join("; ")}. Open the connector in Admin → Connectors and fix it.`,
    );
    this.name = "ConnectorConfigError";
  }
}

export type TLoadedConnector = {
  definition: TAnyConnectorDefinition;
  context: TConnectorContext<unknown, unknown>;
  enabled: boolean;
  cursor: unknown;
  updatedAt: Date;
};

export const describeIssues = (error: z.ZodError): string[] =>
  error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);

/**
 * Reads a connector of the current tenant with its config validated and its secrets opened:
 * everything a runtime needs. Null when the connector no longer exists.
 */
export async function loadConnector(
  tx: Tx,
  secretsKey: Buffer,
  ids: { tenantId: string; connectorId: string },
): Promise<TLoadedConnector | null> {
  const { tenantId, connectorId } = ids;
  const row = await tx.connector.findUnique({ where: { tenantId_id: { tenantId, id: connectorId } } });
  if (!row) return null;
  const definition = connectorDefinition(row.kind);
  const config = definition.configSchema.safeParse(row.config);
  if (!config.success) throw new ConnectorConfigError(connectorId, describeIssues(config.error));
  const plaintext = row.secrets ? openSecrets(secretsKey, row.secrets, { tenantId: row.tenantId, connectorId }) : {};
  const secrets = definition.secretsSchema.safeParse(plaintext);
  if (!secrets.success)
    throw new ConnectorConfigError(
      connectorId,
      describeIssues(secrets.error).map((issue) => `secret ${issue}`),
    );
  return {
    definition,
    context: { tenantId: row.tenantId, connectorId, sourceId: connectorId, config: config.data, secrets: secrets.data },
    enabled: row.enabled,
    cursor: row.cursor,
    updatedAt: row.updatedAt,
  };
}
