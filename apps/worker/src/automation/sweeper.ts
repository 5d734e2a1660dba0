import { escalateTask } from "@gemba/db/automation/escalate-task";
import { processSignal } from "@gemba/db/automation/process-signal";
import { sweepSchedules } from "@gemba/db/automation/schedule";
import { sweepStateDurations } from "@gemba/db/automation/state-duration";
import type { Database } from "@gemba/db/client";
import type { Logger } from "pino";
import { deliverNotification } from "./deliver";
import type { TAutomationSettings } from "./settings";

/** Signals younger than this still have their job on the way; the sweep leaves them to it. */
const SIGNAL_GRACE_MS = 3_000;
/** Rows per kind per sweep: a backlog is worked off over a few sweeps, never in one long one. */
const SWEEP_LIMIT = 200;
/** Deliveries run this many at a time: one slow webhook (10 s timeout) does not hold up the rest. */
const DELIVERY_PARALLELISM = 4;
/** One sweeper per deployment: the worker that holds this advisory lock sweeps, the others skip. */
const SWEEP_LOCK_KEY = "gemba:automation-sweep";

export type TSweepReport = {
  swept: boolean;
  signals: number;
  escalations: number;
  stateFirings: number;
  scheduleFirings: number;
  deliveries: number;
  errors: number;
};

export type TAutomationSweeper = {
  /** One full sweep now (tests call it to control timing). */
  runOnce: (now?: number) => Promise<TSweepReport>;
  /** Stops the timer and waits for a sweep in progress. */
  stop: () => Promise<void>;
};

type TSweepOptions = {
  db: Database;
  log: Logger;
  settings: TAutomationSettings;
  secretsKey: Buffer | null;
  /** 0: no timer, only runOnce. */
  intervalMs: number;
};

/**
 * The recovery path of the automation engine, independent of Redis: every few seconds it does
 * what lost jobs would have done, reading only Postgres (SECURITY DEFINER directory functions
 * for the cross-tenant lists, then tenant-scoped work). Jobs make automation fast; the sweep makes
 * it certain. Order matters: everything that may create notifications runs before the deliveries,
 * so a sweep sends what it created.
 */
export function startAutomationSweeper(options: TSweepOptions): TAutomationSweeper {
  const { db, log } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<TSweepReport> | null = null;
  let stopped = false;

  async function guarded<T>(what: string, report: TSweepReport, work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      report.errors += 1;
      log.warn({ err: error, step: what }, "automation sweep step failed");
      return undefined;
    }
  }

  async function sweep(now: number): Promise<TSweepReport> {
    const report: TSweepReport = {
      swept: false,
      signals: 0,
      escalations: 0,
      stateFirings: 0,
      scheduleFirings: 0,
      deliveries: 0,
      errors: 0,
    };
    const lockClient = await db.pool.connect();
    try {
      const { rows } = await lockClient.query<{ locked: boolean }>(
        "SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked",
        [SWEEP_LOCK_KEY],
      );
      if (!rows[0]?.locked) return report;
      report.swept = true;
      try {
        await sweepUnderLock(now, report);
      } finally {
        await lockClient.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [SWEEP_LOCK_KEY]);
      }
      return report;
    } finally {
      lockClient.release();
    }
  }

  async function sweepUnderLock(now: number, report: TSweepReport): Promise<void> {
    const pending = await guarded("signals", report, async () => {
      const { rows } = await db.pool.query<{ tenantId: string; id: string }>(
        `SELECT "tenantId", id::text AS id FROM gemba_pending_automation_signals($1, $2)`,
        [new Date(now - SIGNAL_GRACE_MS), SWEEP_LIMIT],
      );
      return rows;
    });
    for (const signal of pending ?? []) {
      if (stopped) return;
      const outcome = await guarded("signal", report, () => processSignal(db, signal.tenantId, signal.id));
      if (outcome?.status === "processed") report.signals += 1;
    }

    const dueTasks = await guarded("escalations", report, async () => {
      const { rows } = await db.pool.query<{ tenantId: string; id: string }>(
        "SELECT * FROM gemba_due_escalations($1, $2)",
        [new Date(now), SWEEP_LIMIT],
      );
      return rows;
    });
    for (const task of dueTasks ?? []) {
      if (stopped) return;
      const outcome = await guarded("escalation", report, () =>
        escalateTask(db, { tenantId: task.tenantId, taskId: task.id, step: "next" }, now),
      );
      if (outcome?.status === "escalated") report.escalations += 1;
    }

    for (const kind of ["STATE_DURATION", "SCHEDULE"] as const) {
      const tenants = await guarded(`tenants ${kind}`, report, async () => {
        const { rows } = await db.pool.query<{ tenantId: string }>(
          `SELECT "tenantId" FROM gemba_tenants_with_rules(ARRAY[$1]::"RuleTriggerKind"[])`,
          [kind],
        );
        return rows;
      });
      for (const { tenantId } of tenants ?? []) {
        if (stopped) return;
        const outcome = await guarded(kind, report, () =>
          kind === "STATE_DURATION" ? sweepStateDurations(db, tenantId, now) : sweepSchedules(db, tenantId, now),
        );
        if (kind === "STATE_DURATION") report.stateFirings += outcome?.fired ?? 0;
        else report.scheduleFirings += outcome?.fired ?? 0;
      }
    }

    // Read at the end, with the clock of now: includes what this sweep created.
    const due = await guarded("notifications", report, async () => {
      const { rows } = await db.pool.query<{ tenantId: string; id: string }>(
        "SELECT * FROM gemba_due_notifications($1, $2)",
        [new Date(Math.max(now, Date.now())), SWEEP_LIMIT],
      );
      return rows;
    });
    const queue = [...(due ?? [])];
    const workers = Array.from({ length: DELIVERY_PARALLELISM }, async () => {
      for (let next = queue.shift(); next && !stopped; next = queue.shift()) {
        const target = { tenantId: next.tenantId, notificationId: next.id };
        const outcome = await guarded("delivery", report, () =>
          deliverNotification(db, options.settings, options.secretsKey, target),
        );
        if (outcome && outcome.status !== "not-due") report.deliveries += 1;
      }
    });
    await Promise.all(workers);
  }

  function runOnce(now = Date.now()): Promise<TSweepReport> {
    if (running) return running;
    running = sweep(now).finally(() => {
      running = null;
    });
    return running;
  }

  function schedule(): void {
    if (stopped || options.intervalMs <= 0) return;
    timer = setTimeout(() => {
      runOnce()
        .then((report) => {
          const did = report.signals + report.escalations + report.stateFirings + report.scheduleFirings;
          if (did + report.deliveries > 0) log.info(report, "automation sweep caught up");
        })
        .catch((error: unknown) => log.warn({ err: error }, "automation sweep failed"))
        .finally(schedule);
    }, options.intervalMs);
    timer.unref();
  }
  schedule();

  return {
    runOnce,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
