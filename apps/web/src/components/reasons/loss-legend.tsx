import styles from "./reasons.module.css";

const FACTORS = [
  {
    factor: "availability",
    title: "Availability",
    losses: "Equipment failure · Setup and adjustment",
    note: "Stops that take the machine out of run time.",
  },
  {
    factor: "performance",
    title: "Performance",
    losses: "Idling and minor stops · Reduced speed",
    note: "Short stops stay in run time; reduced speed comes from counts, never from a reason.",
  },
  {
    factor: "quality",
    title: "Quality",
    losses: "Process defects · Start-up rejects",
    note: "Scrap reasons: parts made and thrown away.",
  },
  {
    factor: "off",
    title: "Planned time off",
    losses: "Breaks, planned maintenance, no order",
    note: "Taken out of planned production time: no loss at all.",
  },
] as const;

/** The six big losses by the OEE factor they lower: the map every reason is placed on. */
export function LossLegend() {
  return (
    <ul className={styles.legend} aria-label="How reasons count in OEE">
      {FACTORS.map((entry) => (
        <li key={entry.factor} className={`${styles.legendItem} ${styles.factor}`} data-factor={entry.factor}>
          <span className={styles.legendTitle}>{entry.title}</span>
          <span className={styles.legendLosses}>{entry.losses}</span>
          <small>{entry.note}</small>
        </li>
      ))}
    </ul>
  );
}
