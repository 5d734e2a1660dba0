import Link from "next/link";
import type { TPlantTree } from "~/lib/api-types";
import styles from "./work-center.module.css";

type TLineNeighboursProps = { tree: TPlantTree; lineId: string; currentId: string };

/** The other work centers on the same line, in flow order: one tap to the next station. */
export function LineNeighbours({ tree, lineId, currentId }: TLineNeighboursProps) {
  const line = tree
    .flatMap((site) => site.areas.flatMap((area) => area.lines))
    .find((candidate) => candidate.id === lineId);
  if (!line || line.workCenters.length < 2) return null;
  return (
    <section className={styles.neighbours} aria-labelledby="neighbours-title">
      <h2 id="neighbours-title">On {line.name}</h2>
      <ol className={styles.neighbourList}>
        {line.workCenters.map((workCenter) => (
          <li key={workCenter.id}>
            <Link
              href={`/floor/${workCenter.id}`}
              className={styles.neighbour}
              aria-current={workCenter.id === currentId ? "page" : undefined}
            >
              <span className={styles.neighbourStep}>{workCenter.sequence}</span>
              <span className="cell-stack">
                <span className="mono">{workCenter.code}</span>
                <small>{workCenter.name}</small>
              </span>
            </Link>
          </li>
        ))}
      </ol>
    </section>
  );
}
