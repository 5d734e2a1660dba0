import { connectorDefinition } from "@gemba/connectors/framework/registry";
import { mergeSecretUpdates } from "@gemba/db/secrets/redact-secrets";
import { openSecrets } from "@gemba/db/secrets/secrets-box";
import { AppError } from "@gemba/domain/errors";
import { z } from "zod";
import type { ConnectorActor } from "./connector-actor";
import { validateConnectorSettings, ZCreateConnectorInput } from "./save-connector";

const TEST_TIMEOUT_MS = 20_000;
/** Stands in for the id of a connector that is not saved yet. */
const UNSAVED_CONNECTOR_ID = "00000000-0000-4000-8000-000000000000";

export const ZTestConnectorInput = ZCreateConnectorInput.omit({ name: true }).extend({
  /** Set when testing an existing connector's form: stored secrets fill in the fields left blank. */
  connectorId: z.uuid().optional(),
});

/**
 * "Test connection" with what is in the form, saved or not. Runs on the web server, which must
 * be able to reach the source just as the worker will.
 */
export async function testConnector(actor: ConnectorActor, input: z.infer<typeof ZTestConnectorInput>) {
  let stored: Record<string, string> = {};
  if (input.connectorId) {
    const existing = await actor.tx.connector.findUnique({
      where: { tenantId_id: { tenantId: actor.tenantId, id: input.connectorId } },
      select: { id: true, kind: true, secrets: true },
    });
    if (!existing) throw new AppError("NOT_FOUND", "This connector no longer exists.");
    if (existing.kind !== input.kind) throw new AppError("BAD_REQUEST", "A connector's kind cannot change.");
    if (existing.secrets) {
      stored = openSecrets(actor.platform.secretsKey, existing.secrets, {
        tenantId: actor.tenantId,
        connectorId: existing.id,
      });
    }
  }
  const settings = validateConnectorSettings(input.kind, input.config, mergeSecretUpdates(stored, input.secrets));
  const connectorId = input.connectorId ?? UNSAVED_CONNECTOR_ID;
  const definition = connectorDefinition(input.kind);
  try {
    return await definition.test(
      {
        tenantId: actor.tenantId,
        connectorId,
        sourceId: connectorId,
        config: settings.config,
        secrets: settings.secrets,
      },
      AbortSignal.timeout(TEST_TIMEOUT_MS),
    );
  } catch (error) {
    return {
      ok: false,
      summary: `The test did not finish: ${error instanceof Error ? error.message : String(error)}`,
      details: [] as string[],
    };
  }
}
