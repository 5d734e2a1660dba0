import type { TSignalContext } from "@gemba/domain/automation/match-rule";
import type { TLoadedRule } from "./load-rules";

/** What a rule run points back at: the decision link ATTACH_TO_DECISION writes, and the run's context. */
export type TEvidence = { kind: "EVENT" | "DOWNTIME" | "INSIGHT" | "CHECKLIST_RUN"; ref: string; label: string };

/** A rule whose conditions held for a signal: everything its run needs, decided before any write. */
export type TFiring = {
  rule: TLoadedRule;
  /** The signal part of the run's idempotency key ("event:81234", "state:<wc>:<since ISO>"). */
  signalKey: string;
  signalKind: string;
  workCenterId: string | null;
  /** The order running there, for a checklist started by the rule. */
  orderId: string | null;
  triggeredAt: Date;
  summary: string;
  context: TSignalContext;
  /** Placeholder values for the actions' texts. */
  values: Record<string, string | number | null>;
  evidence: TEvidence | null;
};

/** A candidate turned away by the rule's conditions: not stored, only counted and logged. */
export type TTurnedAway = { ruleId: string; signalKey: string; failed: string };

export const runKeyOf = (firing: Pick<TFiring, "rule" | "signalKey">) => `${firing.rule.id}:${firing.signalKey}`;
