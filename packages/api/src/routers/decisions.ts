import {
  ZDecisionRefInput,
  ZListDecisionsInput,
  ZLogDecisionInput,
  ZRecordOutcomeInput,
  ZWhyInput,
} from "../services/decisions/decision-inputs";
import { explainWhy } from "../services/decisions/explain-why";
import { getDecision } from "../services/decisions/get-decision";
import { listDecisions } from "../services/decisions/list-decisions";
import { logDecision } from "../services/decisions/log-decision";
import { recordOutcome } from "../services/decisions/record-outcome";
import type { TenantActor } from "../services/scope";
import { router, tenantProcedure } from "../trpc";

type TTenantCtx = { tx: TenantActor["tx"]; session: { userId: string }; tenant: Omit<TenantActor, "tx" | "userId"> };

function actorOf(ctx: TTenantCtx): TenantActor {
  return { tx: ctx.tx, userId: ctx.session.userId, ...ctx.tenant };
}

/**
 * Decision records: any member logs one (operators at the machine), reads them and asks "why";
 * the decider or a manager records the outcome (the service checks).
 */
export const decisionsRouter = router({
  log: tenantProcedure.input(ZLogDecisionInput).mutation(({ ctx, input }) => logDecision(actorOf(ctx), input)),
  recordOutcome: tenantProcedure
    .input(ZRecordOutcomeInput)
    .mutation(({ ctx, input }) => recordOutcome(actorOf(ctx), input)),
  list: tenantProcedure.input(ZListDecisionsInput).query(({ ctx, input }) => listDecisions(actorOf(ctx), input)),
  get: tenantProcedure.input(ZDecisionRefInput).query(({ ctx, input }) => getDecision(actorOf(ctx), input.decisionId)),
  why: tenantProcedure.input(ZWhyInput).query(({ ctx, input }) => explainWhy(actorOf(ctx), input)),
});
