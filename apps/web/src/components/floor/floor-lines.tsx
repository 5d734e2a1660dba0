import Link from "next/link";
import { EmptyState } from "~/components/ui/empty-state";
import type { TPlantTree } from "~/lib/api-types";
import styles from "./floor.module.css";

/** Big touch tiles, one per work center, grouped by line in flow order. */
export function FloorLines({ tree }: { tree: TPlantTree }) {
  const lines = tree.flatMap((site) =>
    site.areas.flatMap((area) => area.lines.map((line) => ({ ...line, area: area.name, site: site.name }))),
  );
  if (lines.length === 0) {
    return (
      <div className="card">
        <EmptyState title="No work centers in this plant yet">
          Work centers appear here once an admin sets up the plant model or connects the MES. Ask your supervisor if you
          expected to see your machines.
        </EmptyState>
      </div>
    );
  }
  return (
    <div className={styles.lines}>
      {lines.map((line) => (
        <section key={line.id} className={styles.line} aria-labelledby={`line-${line.id}`}>
          <header className={styles.lineHeader}>
            <h2 id={`line-${line.id}`}>{line.name}</h2>
            <span className="subtle">
              {line.area} · {line.site}
            </span>
          </header>
          {line.workCenters.length === 0 ? (
            <p className="subtle">No work centers on this line yet.</p>
          ) : (
            <ul className={styles.tiles}>
              {line.workCenters.map((workCenter) => (
                <li key={workCenter.id}>
                  <Link href={`/floor/${workCenter.id}`} className={styles.tile}>
                    <span className={styles.tileCode}>{workCenter.code}</span>
                    <span className={styles.tileName}>{workCenter.name}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
