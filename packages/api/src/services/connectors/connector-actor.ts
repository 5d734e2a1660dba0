import { isConnectorKind } from "@gemba/connectors/framework/registry";
import { AppError } from "@gemba/domain/errors";
import type { PlatformServices } from "../../platform";
import type { TenantActor } from "../scope";

/** An admin acting on connectors: tenant scope plus the platform services connectors need. */
export type ConnectorActor = TenantActor & {
  platform: PlatformServices;
  /** Runs a side effect once the procedure's transaction has committed. */
  afterCommit: (effect: () => Promise<void>) => void;
};

export function withPlatform(
  actor: TenantActor,
  platform: PlatformServices | undefined,
  afterCommit: ConnectorActor["afterCommit"],
): ConnectorActor {
  if (!platform)
    throw new AppError(
      "UNAVAILABLE",
      "Connector administration is not available on this server (no queues configured).",
    );
  return { ...actor, platform, afterCommit };
}

/** The connector of the actor's tenant, or NOT_FOUND (row-level security hides other tenants' rows). */
export async function findConnectorOrThrow(actor: TenantActor, connectorId: string) {
  const connector = await actor.tx.connector.findUnique({
    where: { tenantId_id: { tenantId: actor.tenantId, id: connectorId } },
  });
  if (!connector) throw new AppError("NOT_FOUND", "This connector no longer exists.");
  if (!isConnectorKind(connector.kind)) {
    throw new AppError("NOT_FOUND", `Connectors of kind ${connector.kind} are not supported by this version of Gemba.`);
  }
  return connector;
}
