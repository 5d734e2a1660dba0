-- Execution visibility: the reason tree, operators' classifications, derived state intervals and
-- the 15-minute OEE buckets every dashboard reads.

-- CreateEnum
CREATE TYPE "ExecutionState" AS ENUM ('RUNNING', 'IDLE', 'DOWN', 'PLANNED_STOP', 'NO_SHIFT', 'UNKNOWN');

-- AlterTable
ALTER TABLE "WorkCenter" ADD COLUMN "microStopThresholdSeconds" INTEGER NOT NULL DEFAULT 120,
ADD COLUMN "unknownTimeoutSeconds" INTEGER NOT NULL DEFAULT 600;

-- CreateTable
CREATE TABLE "ReasonCategory" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReasonCategory_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "ReasonCode" (
    "tenantId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "categoryId" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "appliesTo" TEXT NOT NULL,
    "lossCategory" TEXT,
    "excludedFromPlannedTime" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReasonCode_pkey" PRIMARY KEY ("tenantId","code")
);

-- CreateTable
CREATE TABLE "DowntimeClassification" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workCenterId" UUID NOT NULL,
    "stopStart" TIMESTAMPTZ(3) NOT NULL,
    "reasonCode" TEXT NOT NULL,
    "note" TEXT,
    "classifiedById" UUID,
    "classifiedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DowntimeClassification_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "StateInterval" (
    "tenantId" UUID NOT NULL,
    "workCenterId" UUID NOT NULL,
    "start" TIMESTAMPTZ(3) NOT NULL,
    "end" TIMESTAMPTZ(3) NOT NULL,
    "state" "ExecutionState" NOT NULL,
    "reasonCode" TEXT,
    "scheduled" BOOLEAN NOT NULL,
    "unclassified" BOOLEAN NOT NULL DEFAULT false,
    "microStop" BOOLEAN NOT NULL DEFAULT false,
    "lossCategory" TEXT,
    "stopStart" TIMESTAMPTZ(3),
    "shiftKey" TEXT,

    CONSTRAINT "StateInterval_pkey" PRIMARY KEY ("tenantId","workCenterId","start")
);

-- CreateTable
CREATE TABLE "WorkCenterBucket" (
    "tenantId" UUID NOT NULL,
    "workCenterId" UUID NOT NULL,
    "bucketStart" TIMESTAMPTZ(3) NOT NULL,
    "plannedMs" INTEGER NOT NULL,
    "runMs" INTEGER NOT NULL,
    "equipmentFailureMs" INTEGER NOT NULL,
    "setupAdjustmentMs" INTEGER NOT NULL,
    "minorStopsMs" INTEGER NOT NULL,
    "reducedSpeedRawMs" INTEGER NOT NULL,
    "processDefectsMs" INTEGER NOT NULL,
    "startupRejectsMs" INTEGER NOT NULL,
    "unknownMs" INTEGER NOT NULL,
    "unscheduledRunMs" INTEGER NOT NULL,
    "totalCount" INTEGER NOT NULL,
    "goodCount" INTEGER NOT NULL,
    "unscheduledCount" INTEGER NOT NULL,
    "idealMs" INTEGER NOT NULL,
    "countWithoutIdealCycle" INTEGER NOT NULL,
    "scrapByReason" JSONB NOT NULL DEFAULT '{}',
    "stateMs" JSONB NOT NULL DEFAULT '{}',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkCenterBucket_pkey" PRIMARY KEY ("tenantId","workCenterId","bucketStart")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReasonCategory_tenantId_name_key" ON "ReasonCategory"("tenantId", "name");

-- CreateIndex
CREATE INDEX "ReasonCode_tenantId_categoryId_idx" ON "ReasonCode"("tenantId", "categoryId");

-- CreateIndex
CREATE INDEX "DowntimeClassification_tenantId_workCenterId_stopStart_idx" ON "DowntimeClassification"("tenantId", "workCenterId", "stopStart");

-- CreateIndex
CREATE INDEX "StateInterval_tenantId_unclassified_start_idx" ON "StateInterval"("tenantId", "unclassified", "start");

-- CreateIndex
CREATE INDEX "WorkCenterBucket_tenantId_bucketStart_idx" ON "WorkCenterBucket"("tenantId", "bucketStart");

-- AddForeignKey
ALTER TABLE "ReasonCategory" ADD CONSTRAINT "ReasonCategory_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReasonCode" ADD CONSTRAINT "ReasonCode_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReasonCode" ADD CONSTRAINT "ReasonCode_tenantId_categoryId_fkey" FOREIGN KEY ("tenantId", "categoryId") REFERENCES "ReasonCategory"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DowntimeClassification" ADD CONSTRAINT "DowntimeClassification_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DowntimeClassification" ADD CONSTRAINT "DowntimeClassification_tenantId_workCenterId_fkey" FOREIGN KEY ("tenantId", "workCenterId") REFERENCES "WorkCenter"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StateInterval" ADD CONSTRAINT "StateInterval_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StateInterval" ADD CONSTRAINT "StateInterval_tenantId_workCenterId_fkey" FOREIGN KEY ("tenantId", "workCenterId") REFERENCES "WorkCenter"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkCenterBucket" ADD CONSTRAINT "WorkCenterBucket_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkCenterBucket" ADD CONSTRAINT "WorkCenterBucket_tenantId_workCenterId_fkey" FOREIGN KEY ("tenantId", "workCenterId") REFERENCES "WorkCenter"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tenant isolation (see 20261124000100_tenant_isolation).
GRANT SELECT, INSERT, UPDATE, DELETE ON "ReasonCategory", "ReasonCode", "StateInterval", "WorkCenterBucket" TO gemba_app;
-- Classifications are history: the latest for a stop wins; none is ever changed or removed by the app.
GRANT SELECT, INSERT ON "DowntimeClassification" TO gemba_app;

ALTER TABLE "ReasonCategory" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ReasonCategory" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ReasonCategory"
  USING ("tenantId" = gemba_current_tenant()) WITH CHECK ("tenantId" = gemba_current_tenant());

ALTER TABLE "ReasonCode" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ReasonCode" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ReasonCode"
  USING ("tenantId" = gemba_current_tenant()) WITH CHECK ("tenantId" = gemba_current_tenant());

ALTER TABLE "DowntimeClassification" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "DowntimeClassification" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "DowntimeClassification"
  USING ("tenantId" = gemba_current_tenant()) WITH CHECK ("tenantId" = gemba_current_tenant());

ALTER TABLE "StateInterval" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "StateInterval" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "StateInterval"
  USING ("tenantId" = gemba_current_tenant()) WITH CHECK ("tenantId" = gemba_current_tenant());

ALTER TABLE "WorkCenterBucket" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "WorkCenterBucket" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "WorkCenterBucket"
  USING ("tenantId" = gemba_current_tenant()) WITH CHECK ("tenantId" = gemba_current_tenant());

-- The worker's minute tick moves every work center's timeline up to now; it must find them before
-- any tenant is set. Ids only, through a function running as the owner (see the connector directory).
CREATE POLICY owner_directory ON "WorkCenter" FOR SELECT TO CURRENT_USER USING (true);

CREATE FUNCTION gemba_work_center_directory()
  RETURNS TABLE ("tenantId" uuid, "id" uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT w."tenantId", w."id" FROM "WorkCenter" w $$;

REVOKE ALL ON FUNCTION gemba_work_center_directory() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gemba_work_center_directory() TO gemba_app;
