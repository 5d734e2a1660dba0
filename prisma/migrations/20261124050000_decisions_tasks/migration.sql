-- Coordination: tasks people must do, and decision records (what, why, under which constraints,
-- with which evidence, and what came of it).

CREATE TYPE "TaskStatus" AS ENUM ('OPEN', 'ACKNOWLEDGED', 'DONE', 'CANCELLED');
CREATE TYPE "TaskPriority" AS ENUM ('LOW', 'NORMAL', 'HIGH', 'URGENT');
CREATE TYPE "ConstraintKind" AS ENUM ('MATERIAL', 'STAFFING', 'DUE_DATE', 'QUALITY', 'SAFETY');

CREATE TABLE "Task" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "title" TEXT NOT NULL,
    "detail" TEXT,
    "status" "TaskStatus" NOT NULL DEFAULT 'OPEN',
    "priority" "TaskPriority" NOT NULL DEFAULT 'NORMAL',
    "assigneeRole" "Role",
    "assigneeUserId" UUID,
    "workCenterId" UUID,
    "dueAt" TIMESTAMPTZ(3),
    "source" TEXT NOT NULL,
    "sourceId" TEXT,
    "idempotencyKey" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "acknowledgedById" UUID,
    "completedAt" TIMESTAMPTZ(3),
    "completedById" UUID,
    "resolution" TEXT,
    CONSTRAINT "Task_pkey" PRIMARY KEY ("tenantId", "id")
);
CREATE UNIQUE INDEX "Task_tenantId_idempotencyKey_key" ON "Task"("tenantId", "idempotencyKey");
CREATE INDEX "Task_tenantId_status_dueAt_idx" ON "Task"("tenantId", "status", "dueAt");
CREATE INDEX "Task_tenantId_workCenterId_status_idx" ON "Task"("tenantId", "workCenterId", "status");
ALTER TABLE "Task" ADD CONSTRAINT "Task_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Task" ADD CONSTRAINT "Task_tenantId_workCenterId_fkey" FOREIGN KEY ("tenantId", "workCenterId") REFERENCES "WorkCenter"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "Decision" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "title" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "options" JSONB NOT NULL DEFAULT '[]',
    "expectedOutcome" TEXT NOT NULL,
    "actualOutcome" TEXT,
    "outcomeRecordedAt" TIMESTAMPTZ(3),
    "outcomeRecordedById" UUID,
    "reviewAt" TIMESTAMPTZ(3),
    "reviewTaskId" UUID,
    "situationKind" TEXT,
    "situationRef" TEXT,
    "contextSnapshot" JSONB NOT NULL DEFAULT '{}',
    "workCenterId" UUID,
    "decidedById" UUID NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "idempotencyKey" TEXT,
    CONSTRAINT "Decision_pkey" PRIMARY KEY ("tenantId", "id")
);
CREATE UNIQUE INDEX "Decision_tenantId_idempotencyKey_key" ON "Decision"("tenantId", "idempotencyKey");
CREATE INDEX "Decision_tenantId_decidedAt_idx" ON "Decision"("tenantId", "decidedAt");
CREATE INDEX "Decision_tenantId_workCenterId_decidedAt_idx" ON "Decision"("tenantId", "workCenterId", "decidedAt");
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_tenantId_workCenterId_fkey" FOREIGN KEY ("tenantId", "workCenterId") REFERENCES "WorkCenter"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "DecisionConstraint" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "decisionId" UUID NOT NULL,
    "kind" "ConstraintKind" NOT NULL,
    "detail" TEXT NOT NULL,
    CONSTRAINT "DecisionConstraint_pkey" PRIMARY KEY ("tenantId", "id")
);
CREATE INDEX "DecisionConstraint_tenantId_decisionId_idx" ON "DecisionConstraint"("tenantId", "decisionId");
CREATE INDEX "DecisionConstraint_tenantId_kind_idx" ON "DecisionConstraint"("tenantId", "kind");
ALTER TABLE "DecisionConstraint" ADD CONSTRAINT "DecisionConstraint_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DecisionConstraint" ADD CONSTRAINT "DecisionConstraint_tenantId_decisionId_fkey" FOREIGN KEY ("tenantId", "decisionId") REFERENCES "Decision"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "DecisionLink" (
    "tenantId" UUID NOT NULL,
    "decisionId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DecisionLink_pkey" PRIMARY KEY ("tenantId", "decisionId", "kind", "ref")
);
CREATE INDEX "DecisionLink_tenantId_kind_ref_idx" ON "DecisionLink"("tenantId", "kind", "ref");
ALTER TABLE "DecisionLink" ADD CONSTRAINT "DecisionLink_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DecisionLink" ADD CONSTRAINT "DecisionLink_tenantId_decisionId_fkey" FOREIGN KEY ("tenantId", "decisionId") REFERENCES "Decision"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Decisions are history: their record, constraints and evidence are never rewritten or removed
-- by the application; only the outcome is added later (an UPDATE of those columns).
GRANT SELECT, INSERT, UPDATE ON "Task", "Decision" TO gemba_app;
GRANT SELECT, INSERT ON "DecisionConstraint", "DecisionLink" TO gemba_app;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Task', 'Decision', 'DecisionConstraint', 'DecisionLink'] LOOP
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

-- Only the outcome of a decision may change after it was recorded.
CREATE FUNCTION gemba_decision_only_outcome_changes() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF (NEW."title", NEW."rationale", NEW."options", NEW."expectedOutcome", NEW."situationKind", NEW."situationRef",
      NEW."contextSnapshot", NEW."workCenterId", NEW."decidedById", NEW."decidedAt", NEW."tenantId", NEW."id")
     IS DISTINCT FROM
     (OLD."title", OLD."rationale", OLD."options", OLD."expectedOutcome", OLD."situationKind", OLD."situationRef",
      OLD."contextSnapshot", OLD."workCenterId", OLD."decidedById", OLD."decidedAt", OLD."tenantId", OLD."id") THEN
    RAISE EXCEPTION 'a recorded decision cannot be rewritten; record its outcome or log a new decision'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER decision_only_outcome_changes BEFORE UPDATE ON "Decision"
  FOR EACH ROW EXECUTE FUNCTION gemba_decision_only_outcome_changes();
