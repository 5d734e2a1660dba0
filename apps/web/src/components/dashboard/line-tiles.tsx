import Link from "next/link";
import { EmptyState } from "~/components/ui/empty-state";
import type { TPlantTree } from "~/lib/api-types";
import styles from "./line-tiles.module.css";

/** Every line with its work centers in flow order, each a shortcut to its floor page. */
export function LineTiles({ tree }: { tree: TPlantTree }) {
  const lines = tree.flatMap((site) =>
    site.areas.flatMap((area) => area.lines.map((line) => ({ ...line, area: area.name, site: site.name }))),
  );
  return (
    <section className="card" aria-labelledby="lines-title">
      <div className="card-header">
        <div>
          <h2 id="lines-title">Lines and work centers</h2>
          <p>In material-flow order. Open a work center for its current order and last state.</p>
        </div>
      </div>
      {lines.length === 0 ? (
        <EmptyState title="No lines yet">
          Your plant model is empty. Sites, areas, lines and work centers come from your MES or ERP connector, or an
          admin can import them.
        </EmptyState>
      ) : (
        <div className={styles.lines}>
          {lines.map((line) => (
            <div key={line.id} className={styles.line}>
              <div className={styles.lineHeader}>
                <h3>{line.name}</h3>
                <span className="subtle">
                  {line.area} · {line.site}
                </span>
              </div>
              {line.workCenters.length === 0 ? (
                <p className="subtle">No work centers on this line yet.</p>
              ) : (
                <ol className={styles.flow}>
                  {line.workCenters.map((workCenter) => (
                    <li key={workCenter.id}>
                      <Link href={`/floor/${workCenter.id}`} className={styles.tile}>
                        <span className={styles.code}>{workCenter.code}</span>
                        <span className={styles.name}>{workCenter.name}</span>
                      </Link>
                    </li>
                  ))}
                </ol>
              )}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
