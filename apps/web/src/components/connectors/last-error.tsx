import { TimeAgo } from "~/components/ui/time-ago";
import { formatNumber } from "~/lib/format";
import styles from "./connectors.module.css";

type TLastErrorProps = { count: number; message: string | null; at: string | null; timeZone: string };

/** Error count and the last error, cut to one line; opening it shows the whole message and when it happened. */
export function LastError({ count, message, at, timeZone }: TLastErrorProps) {
  const countText = `${formatNumber(count)} error${count === 1 ? "" : "s"}`;
  if (!message) return <span className={styles.errorCount}>{countText}</span>;
  return (
    <details className={styles.lastError}>
      <summary title={message}>
        <span className={styles.errorCount}>{countText}</span>
        <span className={styles.errorText}>{message}</span>
      </summary>
      <div className={styles.errorFull}>
        <p>{message}</p>
        {at ? (
          <p className="subtle">
            Last one <TimeAgo value={at} timeZone={timeZone} />
          </p>
        ) : null}
      </div>
    </details>
  );
}
