-- A recorded decision's review date and client id are part of the record too: only the outcome
-- columns (and the review task created for the review date) may change after it was written.
CREATE OR REPLACE FUNCTION gemba_decision_only_outcome_changes() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF (NEW."title", NEW."rationale", NEW."options", NEW."expectedOutcome", NEW."situationKind", NEW."situationRef",
      NEW."contextSnapshot", NEW."workCenterId", NEW."decidedById", NEW."decidedAt", NEW."tenantId", NEW."id",
      NEW."reviewAt", NEW."idempotencyKey")
     IS DISTINCT FROM
     (OLD."title", OLD."rationale", OLD."options", OLD."expectedOutcome", OLD."situationKind", OLD."situationRef",
      OLD."contextSnapshot", OLD."workCenterId", OLD."decidedById", OLD."decidedAt", OLD."tenantId", OLD."id",
      OLD."reviewAt", OLD."idempotencyKey") THEN
    RAISE EXCEPTION 'a recorded decision cannot be rewritten; record its outcome or log a new decision'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- The review task is linked once, right after the decision is written.
  IF OLD."reviewTaskId" IS NOT NULL AND NEW."reviewTaskId" IS DISTINCT FROM OLD."reviewTaskId" THEN
    RAISE EXCEPTION 'a decision''s review task cannot be replaced'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
