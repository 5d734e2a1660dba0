import Link from "next/link";
import { runtimeLabels } from "./connector-status";
import styles from "./connectors.module.css";
import type { TConnectorKindInfo } from "./types";

/** The first sentence or two of a kind's description: enough to choose by. */
export function shortDescription(description: string): string {
  const sentences = description.split(/(?<=[.)])\s+(?=[A-Z])/);
  const short = sentences.slice(0, 1).join(" ");
  return short.length > 280 ? `${short.slice(0, 277)}…` : short;
}

/** Every connector kind as a card; the title links to the form for that kind. */
export function KindGrid({ kinds }: { kinds: TConnectorKindInfo[] }) {
  return (
    <ul className={styles.kindGrid}>
      {kinds.map((kind) => (
        <li key={kind.kind} className={styles.kindCard}>
          <span className={styles.kindRuntime}>{runtimeLabels[kind.runtime]}</span>
          <h3 className={styles.kindTitle}>
            <Link href={`/admin/connectors/new?kind=${kind.kind}`} className={styles.kindLink}>
              {kind.label}
            </Link>
          </h3>
          <p className={styles.kindDescription}>{shortDescription(kind.description)}</p>
        </li>
      ))}
    </ul>
  );
}
