"use client";

import { Alert } from "~/components/ui/alert";
import { ClockIcon } from "~/components/ui/icons";
import { apiErrorMessage } from "~/lib/api-error";
import { formatNumber } from "~/lib/format";
import type { TDryRunResult } from "./automation-types";
import styles from "./editor.module.css";

type TDryRunPanelProps = {
  result: TDryRunResult | null;
  pending: boolean;
  error: unknown;
  /** The draft changed since the result was computed. */
  stale: boolean;
  /** Problems the form found before asking the server. */
  blocked: boolean;
  onRun: () => void;
};

/**
 * "Dry run against the last 24 hours": what the rule as drafted would have done, each firing with
 * why it matched and the rendered actions, and how many signals each condition turned away.
 */
export function DryRunPanel({ result, pending, error, stale, blocked, onRun }: TDryRunPanelProps) {
  return (
    <section
      className={`card ${stale && result ? styles.stale : ""}`}
      aria-labelledby="dry-run-title"
      data-testid="dry-run"
    >
      <div className="card-header">
        <div>
          <h2 id="dry-run-title">Dry run against the last 24 hours</h2>
          <p>Replays the plant’s recorded history through this rule. Nothing is created or sent.</p>
        </div>
      </div>
      <div className={`card-body ${styles.dryRun}`}>
        <div>
          <button type="button" className="btn btn-primary" onClick={onRun} disabled={pending}>
            <ClockIcon size={16} />{" "}
            {pending ? "Replaying the last 24 hours…" : result ? "Run the dry run again" : "Run dry run"}
          </button>
        </div>
        {blocked ? <Alert tone="warning">Fix the fields marked in the form first, then run it.</Alert> : null}
        {error ? <Alert tone="danger">{apiErrorMessage(error)}</Alert> : null}
        {stale && result ? (
          <Alert tone="warning">The rule changed since this dry run. Run it again to see the effect.</Alert>
        ) : null}
        {result ? <DryRunResult result={result} /> : null}
        {!result && !pending && !error ? (
          <p className="muted">
            Run it to see each time the rule would have fired, on which work center and why, and the task, e-mail or
            webhook it would have produced.
          </p>
        ) : null}
      </div>
    </section>
  );
}

function DryRunResult({ result }: { result: TDryRunResult }) {
  const turnedAway = result.filtered.reduce((sum, entry) => sum + entry.count, 0);
  return (
    <div className="form-stack" aria-live="polite">
      <div className={styles.dryStats}>
        <div className={styles.stat} data-testid="dry-run-firings">
          <strong>{formatNumber(result.firingCount)}</strong>
          <span>would have fired</span>
        </div>
        <div className={styles.stat}>
          <strong>{formatNumber(result.candidateCount)}</strong>
          <span>matched the trigger</span>
        </div>
        <div className={styles.stat}>
          <strong>{formatNumber(turnedAway)}</strong>
          <span>turned away by “Only if”</span>
        </div>
      </div>
      {result.actualRuns !== null ? (
        <p className="muted">The saved rule actually fired {formatNumber(result.actualRuns)} times in this window.</p>
      ) : null}
      {result.notes.map((note) => (
        <Alert key={note} tone="info">
          {note}
        </Alert>
      ))}
      {result.bySubject.length > 1 ? (
        <p className="muted">
          By work center: {result.bySubject.map((entry) => `${entry.subject} ${entry.count}×`).join(", ")}
        </p>
      ) : null}
      {result.filtered.length > 0 ? (
        <div>
          <h3 className="section-title">Turned away</h3>
          <ul className={styles.filtered}>
            {result.filtered.map((entry) => (
              <li key={entry.condition}>
                <strong>{entry.label}</strong>
                <span>
                  {formatNumber(entry.count)} signal{entry.count === 1 ? "" : "s"}
                </span>
                <span className="subtle">e.g. {entry.example}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {result.firingCount === 0 ? (
        <p className="muted">
          It would not have fired in the last 24 hours. That may be right; if not, loosen the trigger or the “Only if”
          conditions and run it again.
        </p>
      ) : (
        <div>
          <h3 className="section-title">
            Firings{result.firingCount > result.firings.length ? ` (newest ${result.firings.length} shown)` : ""}
          </h3>
          <ol className={styles.firings} data-testid="dry-run-list">
            {result.firings.map((firing) => (
              <li
                key={`${firing.at}-${firing.subject}-${firing.summary}`}
                className={styles.firing}
                data-testid="dry-run-firing"
              >
                <div className={styles.firingHead}>
                  <span className={styles.firingTime}>{firing.localTime}</span>
                  <strong>{firing.summary}</strong>
                </div>
                <span className={styles.firingWhy}>{firing.why}</span>
                <ul className={styles.wouldDo}>
                  {firing.actions.map((action, index) => (
                    // Actions keep their order; the index is their identity within one firing.
                    // biome-ignore lint/suspicious/noArrayIndexKey: ordered, never reordered
                    <li key={index}>{action.text}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
