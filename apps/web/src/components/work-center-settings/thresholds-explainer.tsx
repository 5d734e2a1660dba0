import { formatDuration, type TThresholds } from "./threshold-values";
import styles from "./work-center-settings.module.css";

type TThresholdsExplainerProps = { defaults: TThresholds | undefined; rederiveDays: number };

/** What the two numbers do to the timeline and OEE, and what saving does to history. */
export function ThresholdsExplainer({ defaults, rederiveDays }: TThresholdsExplainerProps) {
  return (
    <div className={styles.explainer}>
      <dl className={styles.definitions}>
        <div className={styles.definition}>
          <dt>Minor-stop threshold</dt>
          <dd>
            A stop shorter than this is a <strong>minor stop</strong>: a performance loss that needs no reason. A longer
            stop is downtime; if the machine gave no reason, it waits on the floor tablet for an operator to classify
            it.
            {defaults ? ` Default ${formatDuration(defaults.microStopThresholdSeconds)}.` : null}
          </dd>
        </div>
        <div className={styles.definition}>
          <dt>Signal timeout</dt>
          <dd>
            No event at all from the work center for this long turns its state <strong>Unknown</strong> until it sends
            again: the machine or its connection went quiet. Set it above the longest normal gap between its messages.
            {defaults ? ` Default ${formatDuration(defaults.unknownTimeoutSeconds)}.` : null}
          </dd>
        </div>
      </dl>
      <p className={styles.history}>
        Saving recalculates that work center&apos;s <strong>last {rederiveDays} days</strong> in the background, so its
        dashboard and OEE follow the new setting within a minute or two. Older history keeps the settings it was
        calculated with.
      </p>
    </div>
  );
}
