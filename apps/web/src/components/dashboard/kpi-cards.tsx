import { TimeAgo } from "~/components/ui/time-ago";
import type { TRouterOutputs } from "~/lib/api-types";
import { formatNumber, formatTime, minutesSince } from "~/lib/format";
import styles from "./kpi-cards.module.css";

const STALE_AFTER_MINUTES = 15;

type TKpiCardsProps = { summary: TRouterOutputs["plant"]["summary"]; timeZone: string; now: Date };

function plural(count: number, word: string): string {
  return `${formatNumber(count)} ${word}${count === 1 ? "" : "s"}`;
}

/** The plant in five numbers; late orders and silent data sources stand out. */
export function KpiCards({ summary, timeZone, now }: TKpiCardsProps) {
  const stale = summary.lastEventAt === null || minutesSince(summary.lastEventAt, now) > STALE_AFTER_MINUTES;
  return (
    <section className={styles.grid} aria-label="Plant summary">
      <article className={styles.card}>
        <h2 className={styles.label}>Work centers</h2>
        <p className={styles.value}>{formatNumber(summary.workCenters)}</p>
        <p className={styles.sub}>
          on {plural(summary.lines, "line")} at {plural(summary.sites, "site")}
        </p>
      </article>
      <article className={styles.card}>
        <h2 className={styles.label}>Open orders</h2>
        <p className={styles.value}>{formatNumber(summary.openOrders)}</p>
        <p className={styles.sub}>planned, released or running</p>
      </article>
      <article className={styles.card} data-tone={summary.lateOrders > 0 ? "danger" : undefined}>
        <h2 className={styles.label}>Late orders</h2>
        <p className={styles.value}>{formatNumber(summary.lateOrders)}</p>
        <p className={styles.sub}>
          {summary.lateOrders > 0 ? "past their due date and not finished" : "nothing past due"}
        </p>
      </article>
      <article className={styles.card}>
        <h2 className={styles.label}>Events, last 24 h</h2>
        <p className={styles.value}>{formatNumber(summary.eventsLastDay)}</p>
        <p className={styles.sub}>from machines and systems</p>
      </article>
      <article className={styles.card} data-tone={stale ? "warning" : undefined}>
        <h2 className={styles.label}>Last data received</h2>
        <p className={`${styles.value} ${styles.valueText}`}>
          {summary.lastEventAt ? <TimeAgo value={summary.lastEventAt} timeZone={timeZone} /> : "Never"}
        </p>
        <p className={styles.sub}>
          {summary.lastEventAt === null
            ? "no machine or system has sent data yet"
            : stale
              ? `nothing for over ${STALE_AFTER_MINUTES} min — check your connectors`
              : `at ${formatTime(summary.lastEventAt, timeZone)}`}
        </p>
      </article>
    </section>
  );
}
