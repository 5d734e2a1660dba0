-- Insights: detector findings with evidence and status, people's feedback on them, per-tenant
-- detector settings (switched off or re-weighted by feedback), and the maintenance model's runs.

CREATE TYPE "InsightKind" AS ENUM ('SPC', 'ANOMALY', 'BOTTLENECK', 'RECURRING_DOWNTIME', 'LATE_ORDER', 'MAINTENANCE_RISK');
CREATE TYPE "InsightStatus" AS ENUM ('NEW', 'ACKNOWLEDGED', 'ACTED_ON', 'DISMISSED');

CREATE TABLE "Insight" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "InsightKind" NOT NULL,
    "subjectKind" TEXT NOT NULL,
    "subjectId" UUID NOT NULL,
    "workCenterId" UUID,
    "lineId" UUID,
    "dedupeKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "recommendation" TEXT NOT NULL,
    "evidence" JSONB NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "spanStart" TIMESTAMPTZ(3) NOT NULL,
    "spanEnd" TIMESTAMPTZ(3),
    "status" "InsightStatus" NOT NULL DEFAULT 'NEW',
    "statusChangedAt" TIMESTAMPTZ(3),
    "statusChangedById" UUID,
    "dismissReason" TEXT,
    "detectedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Insight_pkey" PRIMARY KEY ("tenantId", "id")
);
CREATE UNIQUE INDEX "Insight_tenantId_dedupeKey_key" ON "Insight"("tenantId", "dedupeKey");
CREATE INDEX "Insight_tenantId_status_detectedAt_idx" ON "Insight"("tenantId", "status", "detectedAt");
CREATE INDEX "Insight_tenantId_kind_detectedAt_idx" ON "Insight"("tenantId", "kind", "detectedAt");
CREATE INDEX "Insight_tenantId_workCenterId_detectedAt_idx" ON "Insight"("tenantId", "workCenterId", "detectedAt");
ALTER TABLE "Insight" ADD CONSTRAINT "Insight_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "InsightFeedback" (
    "tenantId" UUID NOT NULL,
    "insightId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "useful" BOOLEAN NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InsightFeedback_pkey" PRIMARY KEY ("tenantId", "insightId", "userId")
);
ALTER TABLE "InsightFeedback" ADD CONSTRAINT "InsightFeedback_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "InsightFeedback" ADD CONSTRAINT "InsightFeedback_tenantId_insightId_fkey" FOREIGN KEY ("tenantId", "insightId") REFERENCES "Insight"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "DetectorSetting" (
    "tenantId" UUID NOT NULL,
    "kind" "InsightKind" NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "weight" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DetectorSetting_pkey" PRIMARY KEY ("tenantId", "kind")
);
ALTER TABLE "DetectorSetting" ADD CONSTRAINT "DetectorSetting_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "MaintenanceModelRun" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "trainedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "horizonDays" INTEGER NOT NULL,
    "samples" INTEGER NOT NULL,
    "positives" INTEGER NOT NULL,
    "baseRate" DOUBLE PRECISION NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL,
    "precision" DOUBLE PRECISION,
    "recall" DOUBLE PRECISION,
    "f1" DOUBLE PRECISION,
    "model" JSONB NOT NULL,
    CONSTRAINT "MaintenanceModelRun_pkey" PRIMARY KEY ("tenantId", "id")
);
CREATE INDEX "MaintenanceModelRun_tenantId_trainedAt_idx" ON "MaintenanceModelRun"("tenantId", "trainedAt");
ALTER TABLE "MaintenanceModelRun" ADD CONSTRAINT "MaintenanceModelRun_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

GRANT SELECT, INSERT, UPDATE ON "Insight", "InsightFeedback", "DetectorSetting" TO gemba_app;
-- A model run is a record of how the model did: never rewritten.
GRANT SELECT, INSERT ON "MaintenanceModelRun" TO gemba_app;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Insight', 'InsightFeedback', 'DetectorSetting', 'MaintenanceModelRun'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING ("tenantId" = gemba_current_tenant()) '
      'WITH CHECK ("tenantId" = gemba_current_tenant())',
      t
    );
  END LOOP;
END
$$;
