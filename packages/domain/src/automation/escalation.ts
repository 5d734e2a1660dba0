import { z } from "zod";
import { MS_PER_MINUTE } from "../calendar/zoned-time";
import { type TEscalationStep, ZEscalationStep } from "./rule-definition";

/**
 * A task's escalation ladder, as a rule's CREATE_TASK action gave it: rung i is due `afterMinutes`
 * after the task reached its current holder (rung 0: after the task was created; rung i: after
 * rung i-1 escalated it). `escalationStep` counts the rungs already climbed.
 */

export const ZEscalationLadder = z.array(ZEscalationStep).max(5);
export type TEscalationLadder = TEscalationStep[];

export type TNextRung = {
  /** The step the task reaches when this rung fires (escalationStep after it). */
  step: number;
  role: TEscalationStep["role"];
  dueAt: number;
};

/** Reads a stored ladder (Task.escalation); anything that does not fit is no ladder. */
export function parseEscalationLadder(stored: unknown): TEscalationLadder {
  const parsed = ZEscalationLadder.safeParse(stored ?? []);
  return parsed.success ? parsed.data : [];
}

/**
 * The rung after `currentStep` and when it is due, counting from `sinceMs` (when the task got to its
 * current holder), or null when the ladder has been climbed to the top.
 */
export function nextEscalation(
  ladder: readonly TEscalationStep[],
  currentStep: number,
  sinceMs: number,
): TNextRung | null {
  const rung = ladder[currentStep];
  if (!rung || currentStep < 0) return null;
  return { step: currentStep + 1, role: rung.role, dueAt: sinceMs + rung.afterMinutes * MS_PER_MINUTE };
}

export type TEscalationDecision =
  | { kind: "escalate"; rung: TNextRung; following: TNextRung | null }
  | { kind: "skip"; why: string };

/**
 * What an escalation job that expected to climb to `expectedStep` should do with the task as it is
 * now. Acknowledging, completing or cancelling the task, or another run having climbed already,
 * makes it a no-op: the job is only a reminder, the task row decides.
 */
export function decideEscalation(
  task: { status: string; escalationStep: number; nextEscalationAt: number | null; escalation: unknown },
  expectedStep: number,
  nowMs: number,
): TEscalationDecision {
  if (task.status !== "OPEN") return { kind: "skip", why: `task is ${task.status.toLowerCase()}` };
  if (task.nextEscalationAt === null) return { kind: "skip", why: "no escalation pending" };
  if (task.escalationStep + 1 !== expectedStep) {
    return { kind: "skip", why: `task is at step ${task.escalationStep}, job was for step ${expectedStep}` };
  }
  if (task.nextEscalationAt > nowMs) return { kind: "skip", why: "not due yet" };
  const ladder = parseEscalationLadder(task.escalation);
  const current = ladder[task.escalationStep];
  if (!current) return { kind: "skip", why: "ladder has no further rung" };
  const rung = { step: task.escalationStep + 1, role: current.role, dueAt: task.nextEscalationAt };
  // The next rung counts from now, when this one actually took the task over.
  return { kind: "escalate", rung, following: nextEscalation(ladder, rung.step, nowMs) };
}
