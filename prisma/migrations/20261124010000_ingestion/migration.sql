-- Ingestion: connectors and the dead letters of input that could not become events.

-- CreateEnum
CREATE TYPE "ConnectorKind" AS ENUM ('MQTT_SPARKPLUG', 'OPCUA', 'MTCONNECT', 'ERP_ODATA', 'CSV_UPLOAD', 'WEBHOOK', 'SIMULATOR');

-- CreateTable
CREATE TABLE "Connector" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "ConnectorKind" NOT NULL,
    "name" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "config" JSONB NOT NULL,
    "secrets" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Connector_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "DeadLetter" (
    "tenantId" UUID NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "connectorId" UUID,
    "sourceId" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "stage" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retriedAt" TIMESTAMPTZ(3),
    "resolvedAt" TIMESTAMPTZ(3),

    CONSTRAINT "DeadLetter_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Connector_tenantId_name_key" ON "Connector"("tenantId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "DeadLetter_tenantId_sourceId_batchId_position_key" ON "DeadLetter"("tenantId", "sourceId", "batchId", "position");

-- CreateIndex
CREATE INDEX "DeadLetter_tenantId_resolvedAt_receivedAt_idx" ON "DeadLetter"("tenantId", "resolvedAt", "receivedAt");

-- AddForeignKey
ALTER TABLE "Connector" ADD CONSTRAINT "Connector_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeadLetter" ADD CONSTRAINT "DeadLetter_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeadLetter" ADD CONSTRAINT "DeadLetter_tenantId_connectorId_fkey" FOREIGN KEY ("tenantId", "connectorId") REFERENCES "Connector"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Tenant isolation (see 20261124000100_tenant_isolation).
GRANT SELECT, INSERT, UPDATE, DELETE ON "Connector", "DeadLetter" TO gemba_app;
GRANT USAGE, SELECT ON SEQUENCE "DeadLetter_id_seq" TO gemba_app;

ALTER TABLE "Connector" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Connector" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Connector"
  USING ("tenantId" = gemba_current_tenant()) WITH CHECK ("tenantId" = gemba_current_tenant());

ALTER TABLE "DeadLetter" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "DeadLetter" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "DeadLetter"
  USING ("tenantId" = gemba_current_tenant()) WITH CHECK ("tenantId" = gemba_current_tenant());
