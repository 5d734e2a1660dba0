-- Connector runtime: poll cursors, run history, and the two narrow cross-tenant lookups the
-- worker and the webhook endpoint need before they know which tenant they work for.

-- AlterTable
ALTER TABLE "Connector" ADD COLUMN "cursor" JSONB;

-- CreateEnum
CREATE TYPE "ConnectorRunStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "ConnectorRun" (
    "tenantId" UUID NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "connectorId" UUID NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" "ConnectorRunStatus" NOT NULL DEFAULT 'RUNNING',
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "counts" JSONB NOT NULL DEFAULT '{}',
    "message" TEXT,

    CONSTRAINT "ConnectorRun_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateIndex
CREATE INDEX "ConnectorRun_tenantId_connectorId_startedAt_idx" ON "ConnectorRun"("tenantId", "connectorId", "startedAt");

-- AddForeignKey
ALTER TABLE "ConnectorRun" ADD CONSTRAINT "ConnectorRun_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConnectorRun" ADD CONSTRAINT "ConnectorRun_tenantId_connectorId_fkey" FOREIGN KEY ("tenantId", "connectorId") REFERENCES "Connector"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tenant isolation (see 20261124000100_tenant_isolation).
-- DELETE: the maintenance job prunes old runs (each tenant in its own scope).
GRANT SELECT, INSERT, UPDATE, DELETE ON "ConnectorRun" TO gemba_app;
GRANT USAGE, SELECT ON SEQUENCE "ConnectorRun_id_seq" TO gemba_app;

ALTER TABLE "ConnectorRun" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ConnectorRun" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ConnectorRun"
  USING ("tenantId" = gemba_current_tenant()) WITH CHECK ("tenantId" = gemba_current_tenant());

-- Cross-tenant lookups, each returning ids and nothing else: the worker must find every enabled
-- connector to run it, and the webhook endpoint must learn a connector's tenant from its URL,
-- both before any tenant is set. The functions run as the owner of the tables, who alone may
-- see every connector row (the policy below); `gemba_app` may call them but never reads another
-- tenant's configuration or secrets: everything else it does happens inside one tenant's scope.
CREATE POLICY owner_directory ON "Connector" FOR SELECT TO CURRENT_USER USING (true);

CREATE FUNCTION gemba_connector_directory()
  RETURNS TABLE ("tenantId" uuid, "id" uuid, "kind" "ConnectorKind", "enabled" boolean, "updatedAt" timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT c."tenantId", c."id", c."kind", c."enabled", c."updatedAt" FROM "Connector" c $$;

CREATE FUNCTION gemba_connector_tenant(connector_id uuid) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT c."tenantId" FROM "Connector" c WHERE c."id" = connector_id $$;

REVOKE ALL ON FUNCTION gemba_connector_directory(), gemba_connector_tenant(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gemba_connector_directory(), gemba_connector_tenant(uuid) TO gemba_app;
