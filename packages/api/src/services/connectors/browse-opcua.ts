import { describeIssues } from "@gemba/connectors/framework/load-connector";
import { ZOpcuaConfig, ZOpcuaSecrets } from "@gemba/connectors/opcua/config";
import { mergeSecretUpdates } from "@gemba/db/secrets/redact-secrets";
import { openSecrets } from "@gemba/db/secrets/secrets-box";
import { AppError } from "@gemba/domain/errors";
import { z } from "zod";
import { type ConnectorActor, findConnectorOrThrow } from "./connector-actor";

// The connection fields of the config (its cross-field refinements stop zod from picking them).
const { endpointUrl, securityMode, securityPolicy, authentication } = ZOpcuaConfig.shape;
const ZConnectionSettings = z.object({ endpointUrl, securityMode, securityPolicy, authentication });

export const ZBrowseOpcuaInput = z.object({
  /** Saved connector whose secrets fill in blank fields; absent while creating one. */
  connectorId: z.uuid().optional(),
  /** Endpoint and security settings as in the form (items are not needed to browse). */
  config: z.record(z.string(), z.unknown()),
  secrets: z.record(z.string(), z.string()).default({}),
  nodeId: z.string().max(500).optional(),
});

/** Lists the children of an OPC UA node so the admin can pick variables instead of typing node ids. */
export async function browseOpcua(actor: ConnectorActor, input: z.infer<typeof ZBrowseOpcuaInput>) {
  let stored: Record<string, string> = {};
  if (input.connectorId) {
    const connector = await findConnectorOrThrow(actor, input.connectorId);
    if (connector.kind !== "OPCUA") throw new AppError("BAD_REQUEST", "Only OPC UA connectors can browse a server.");
    if (connector.secrets) {
      stored = openSecrets(actor.platform.secretsKey, connector.secrets, {
        tenantId: actor.tenantId,
        connectorId: connector.id,
      });
    }
  }
  const settings = ZConnectionSettings.safeParse(input.config);
  if (!settings.success)
    throw new AppError("BAD_REQUEST", `Check the connection settings — ${describeIssues(settings.error).join("; ")}`);
  const secrets = ZOpcuaSecrets.safeParse(mergeSecretUpdates(stored, input.secrets));
  if (!secrets.success)
    throw new AppError("BAD_REQUEST", `Check the credentials — ${describeIssues(secrets.error).join("; ")}`);
  // Loaded on use: node-opcua is heavy and only needed when someone browses a server.
  const { browseOpcuaNode } = await import("@gemba/connectors/opcua/browse");
  const result = await browseOpcuaNode({
    config: settings.data,
    secrets: secrets.data,
    ...(input.nodeId ? { nodeId: input.nodeId } : {}),
    signal: AbortSignal.timeout(20_000),
  });
  return result;
}
