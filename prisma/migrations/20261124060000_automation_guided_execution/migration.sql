-- Workflow automation (rules, runs, the trigger outbox, notifications, outgoing webhooks), guided
-- execution (versioned checklists and their runs, media), shift handovers, and the columns the
-- tablet's offline queue and task escalation need.

CREATE TYPE "RuleTriggerKind" AS ENUM ('EVENT', 'STATE_DURATION', 'METRIC_THRESHOLD', 'SCHEDULE', 'INSIGHT_CREATED', 'CHECKLIST_FAILED');
CREATE TYPE "RuleRunStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');
CREATE TYPE "NotificationChannel" AS ENUM ('EMAIL', 'WEBHOOK');
CREATE TYPE "NotificationStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');
CREATE TYPE "ChecklistRunStatus" AS ENUM ('IN_PROGRESS', 'COMPLETED', 'ABANDONED');
CREATE TYPE "HandoverStatus" AS ENUM ('DRAFT', 'SIGNED', 'ACKNOWLEDGED');

-- Task escalation and the tablet's client ids.
ALTER TABLE "Task" ADD COLUMN "escalation" JSONB;
ALTER TABLE "Task" ADD COLUMN "escalationStep" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Task" ADD COLUMN "nextEscalationAt" TIMESTAMPTZ(3);
CREATE INDEX "Task_tenantId_status_nextEscalationAt_idx" ON "Task"("tenantId", "status", "nextEscalationAt");

ALTER TABLE "DowntimeClassification" ADD COLUMN "idempotencyKey" TEXT;
CREATE UNIQUE INDEX "DowntimeClassification_tenantId_idempotencyKey_key"
  ON "DowntimeClassification"("tenantId", "idempotencyKey");

CREATE TABLE "Rule" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "description" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "triggerKind" "RuleTriggerKind" NOT NULL,
    "definition" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Rule_pkey" PRIMARY KEY ("tenantId", "id")
);
CREATE INDEX "Rule_tenantId_enabled_triggerKind_idx" ON "Rule"("tenantId", "enabled", "triggerKind");
ALTER TABLE "Rule" ADD CONSTRAINT "Rule_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "RuleRun" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "ruleId" UUID NOT NULL,
    "ruleVersion" INTEGER NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "signalKind" TEXT NOT NULL,
    "workCenterId" UUID,
    "triggeredAt" TIMESTAMPTZ(3) NOT NULL,
    "firedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "summary" TEXT NOT NULL,
    "context" JSONB NOT NULL DEFAULT '{}',
    "status" "RuleRunStatus" NOT NULL DEFAULT 'RUNNING',
    "actions" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "finishedAt" TIMESTAMPTZ(3),
    CONSTRAINT "RuleRun_pkey" PRIMARY KEY ("tenantId", "id")
);
CREATE UNIQUE INDEX "RuleRun_tenantId_idempotencyKey_key" ON "RuleRun"("tenantId", "idempotencyKey");
CREATE INDEX "RuleRun_tenantId_ruleId_firedAt_idx" ON "RuleRun"("tenantId", "ruleId", "firedAt");
CREATE INDEX "RuleRun_tenantId_status_firedAt_idx" ON "RuleRun"("tenantId", "status", "firedAt");
ALTER TABLE "RuleRun" ADD CONSTRAINT "RuleRun_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RuleRun" ADD CONSTRAINT "RuleRun_tenantId_ruleId_fkey" FOREIGN KEY ("tenantId", "ruleId") REFERENCES "Rule"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "AutomationSignal" (
    "tenantId" UUID NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    CONSTRAINT "AutomationSignal_pkey" PRIMARY KEY ("tenantId", "id")
);
CREATE UNIQUE INDEX "AutomationSignal_tenantId_key_key" ON "AutomationSignal"("tenantId", "key");
CREATE INDEX "AutomationSignal_tenantId_processedAt_createdAt_idx" ON "AutomationSignal"("tenantId", "processedAt", "createdAt");
ALTER TABLE "AutomationSignal" ADD CONSTRAINT "AutomationSignal_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "Notification" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "channel" "NotificationChannel" NOT NULL,
    "target" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "ruleRunId" UUID,
    "taskId" UUID,
    "status" "NotificationStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Notification_pkey" PRIMARY KEY ("tenantId", "id")
);
CREATE UNIQUE INDEX "Notification_tenantId_idempotencyKey_key" ON "Notification"("tenantId", "idempotencyKey");
CREATE INDEX "Notification_tenantId_status_nextAttemptAt_idx" ON "Notification"("tenantId", "status", "nextAttemptAt");
CREATE INDEX "Notification_tenantId_createdAt_idx" ON "Notification"("tenantId", "createdAt");
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "WebhookEndpoint" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secretCiphertext" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("tenantId", "id")
);
ALTER TABLE "WebhookEndpoint" ADD CONSTRAINT "WebhookEndpoint_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ChecklistTemplate" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "description" TEXT,
    "lineId" UUID,
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "archivedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ChecklistTemplate_pkey" PRIMARY KEY ("tenantId", "id")
);
ALTER TABLE "ChecklistTemplate" ADD CONSTRAINT "ChecklistTemplate_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ChecklistTemplateVersion" (
    "tenantId" UUID NOT NULL,
    "templateId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "steps" JSONB NOT NULL,
    "requireSignOff" BOOLEAN NOT NULL DEFAULT true,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ChecklistTemplateVersion_pkey" PRIMARY KEY ("tenantId", "templateId", "version")
);
ALTER TABLE "ChecklistTemplateVersion" ADD CONSTRAINT "ChecklistTemplateVersion_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ChecklistTemplateVersion" ADD CONSTRAINT "ChecklistTemplateVersion_tenantId_templateId_fkey" FOREIGN KEY ("tenantId", "templateId") REFERENCES "ChecklistTemplate"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "MediaFile" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "contentType" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MediaFile_pkey" PRIMARY KEY ("tenantId", "id")
);
ALTER TABLE "MediaFile" ADD CONSTRAINT "MediaFile_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ChecklistRun" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "templateId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "workCenterId" UUID NOT NULL,
    "orderId" UUID,
    "status" "ChecklistRunStatus" NOT NULL DEFAULT 'IN_PROGRESS',
    "source" TEXT NOT NULL,
    "ruleRunId" UUID,
    "idempotencyKey" TEXT,
    "startedById" UUID,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMPTZ(3),
    "signedOffById" UUID,
    "signedOffAt" TIMESTAMPTZ(3),
    "failedSteps" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ChecklistRun_pkey" PRIMARY KEY ("tenantId", "id")
);
CREATE UNIQUE INDEX "ChecklistRun_tenantId_idempotencyKey_key" ON "ChecklistRun"("tenantId", "idempotencyKey");
CREATE INDEX "ChecklistRun_tenantId_workCenterId_startedAt_idx" ON "ChecklistRun"("tenantId", "workCenterId", "startedAt");
CREATE INDEX "ChecklistRun_tenantId_status_startedAt_idx" ON "ChecklistRun"("tenantId", "status", "startedAt");
ALTER TABLE "ChecklistRun" ADD CONSTRAINT "ChecklistRun_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ChecklistRun" ADD CONSTRAINT "ChecklistRun_tenantId_templateId_fkey" FOREIGN KEY ("tenantId", "templateId") REFERENCES "ChecklistTemplate"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ChecklistRun" ADD CONSTRAINT "ChecklistRun_tenantId_workCenterId_fkey" FOREIGN KEY ("tenantId", "workCenterId") REFERENCES "WorkCenter"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "ChecklistStepResult" (
    "tenantId" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "stepId" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "outOfLimit" BOOLEAN NOT NULL DEFAULT false,
    "failed" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "recordedById" UUID,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ChecklistStepResult_pkey" PRIMARY KEY ("tenantId", "runId", "stepId")
);
ALTER TABLE "ChecklistStepResult" ADD CONSTRAINT "ChecklistStepResult_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ChecklistStepResult" ADD CONSTRAINT "ChecklistStepResult_tenantId_runId_fkey" FOREIGN KEY ("tenantId", "runId") REFERENCES "ChecklistRun"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ShiftHandover" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "siteId" UUID NOT NULL,
    "shiftName" TEXT NOT NULL,
    "shiftStart" TIMESTAMPTZ(3) NOT NULL,
    "shiftEnd" TIMESTAMPTZ(3) NOT NULL,
    "status" "HandoverStatus" NOT NULL DEFAULT 'DRAFT',
    "summary" JSONB NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "searchText" TEXT NOT NULL DEFAULT '',
    "draftedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "signedById" UUID,
    "signedAt" TIMESTAMPTZ(3),
    "acknowledgedById" UUID,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "acknowledgeNote" TEXT,
    CONSTRAINT "ShiftHandover_pkey" PRIMARY KEY ("tenantId", "id")
);
CREATE UNIQUE INDEX "ShiftHandover_tenantId_siteId_shiftStart_key" ON "ShiftHandover"("tenantId", "siteId", "shiftStart");
CREATE INDEX "ShiftHandover_tenantId_shiftEnd_idx" ON "ShiftHandover"("tenantId", "shiftEnd");
ALTER TABLE "ShiftHandover" ADD CONSTRAINT "ShiftHandover_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ShiftHandover" ADD CONSTRAINT "ShiftHandover_tenantId_siteId_fkey" FOREIGN KEY ("tenantId", "siteId") REFERENCES "Site"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

GRANT SELECT, INSERT, UPDATE, DELETE ON "Rule", "WebhookEndpoint", "ChecklistTemplate", "ChecklistStepResult" TO gemba_app;
GRANT SELECT, INSERT, UPDATE ON "RuleRun", "AutomationSignal", "Notification", "ChecklistRun", "ShiftHandover" TO gemba_app;
-- Published versions and stored media are never rewritten.
GRANT SELECT, INSERT ON "ChecklistTemplateVersion", "MediaFile" TO gemba_app;
GRANT USAGE, SELECT ON SEQUENCE "AutomationSignal_id_seq" TO gemba_app;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Rule', 'RuleRun', 'AutomationSignal', 'Notification', 'WebhookEndpoint',
                           'ChecklistTemplate', 'ChecklistTemplateVersion', 'MediaFile', 'ChecklistRun',
                           'ChecklistStepResult', 'ShiftHandover'] LOOP
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

-- The worker's sweep finds work a lost Redis job left behind, before any tenant is set: ids only,
-- through functions running as the owner (like the work center directory).
CREATE POLICY owner_directory ON "AutomationSignal" FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY owner_directory ON "Notification" FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY owner_directory ON "Task" FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY owner_directory ON "Rule" FOR SELECT TO CURRENT_USER USING (true);

-- Signals not processed and created before p_before (a job may still be on its way for newer ones).
CREATE FUNCTION gemba_pending_automation_signals(p_before timestamptz, p_limit integer)
  RETURNS TABLE ("tenantId" uuid, "id" bigint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT s."tenantId", s."id" FROM "AutomationSignal" s
     WHERE s."processedAt" IS NULL AND s."createdAt" < p_before
     ORDER BY s."createdAt" LIMIT p_limit
  $$;

-- Notifications due for a (first or next) delivery attempt.
CREATE FUNCTION gemba_due_notifications(p_now timestamptz, p_limit integer)
  RETURNS TABLE ("tenantId" uuid, "id" uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT n."tenantId", n."id" FROM "Notification" n
     WHERE n."status" = 'PENDING' AND n."nextAttemptAt" <= p_now
     ORDER BY n."nextAttemptAt" LIMIT p_limit
  $$;

-- Open tasks whose next escalation rung is due.
CREATE FUNCTION gemba_due_escalations(p_now timestamptz, p_limit integer)
  RETURNS TABLE ("tenantId" uuid, "id" uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT t."tenantId", t."id" FROM "Task" t
     WHERE t."status" = 'OPEN' AND t."nextEscalationAt" <= p_now
     ORDER BY t."nextEscalationAt" LIMIT p_limit
  $$;

-- Tenants with enabled rules of the given trigger kinds (state durations and schedules are swept).
CREATE FUNCTION gemba_tenants_with_rules(p_kinds "RuleTriggerKind"[])
  RETURNS TABLE ("tenantId" uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT DISTINCT r."tenantId" FROM "Rule" r WHERE r."enabled" AND r."triggerKind" = ANY (p_kinds) $$;

REVOKE ALL ON FUNCTION gemba_pending_automation_signals(timestamptz, integer), gemba_due_notifications(timestamptz, integer),
  gemba_due_escalations(timestamptz, integer), gemba_tenants_with_rules("RuleTriggerKind"[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gemba_pending_automation_signals(timestamptz, integer), gemba_due_notifications(timestamptz, integer),
  gemba_due_escalations(timestamptz, integer), gemba_tenants_with_rules("RuleTriggerKind"[]) TO gemba_app;
