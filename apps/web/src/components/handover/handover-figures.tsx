import { HANDOVER_LOSS_KEYS, handoverLossLabels, type THandoverLossKey } from "@gemba/domain/handover/handover-summary";
import { formatNumber } from "~/lib/format";
import { formatMinutes, formatPercent, oeeBandOf } from "../execution/execution-format";
import styles from "./handover.module.css";
import type { THandoverSummaryView } from "./handover-types";

const FACTOR_OF: Record<THandoverLossKey, "Availability" | "Performance" | "Quality"> = {
  EQUIPMENT_FAILURE: "Availability",
  SETUP_ADJUSTMENT: "Availability",
  UNKNOWN: "Availability",
  MINOR_STOPS: "Performance",
  REDUCED_SPEED: "Performance",
  PROCESS_DEFECTS: "Quality",
  STARTUP_REJECTS: "Quality",
};

/** Where the planned time went: the six big losses and time without signal, against planned time. */
export function LossesPanel({ oee }: { oee: THandoverSummaryView["oee"] }) {
  const planned = oee.site.plannedMinutes;
  const largest = Math.max(1, ...HANDOVER_LOSS_KEYS.map((key) => oee.site.lossMinutes[key]));
  return (
    <section className={styles.panel} aria-labelledby="handover-losses">
      <div className={styles.panelHead}>
        <h3 id="handover-losses">Losses</h3>
        <span className="subtle">of {formatMinutes(planned)} planned</span>
      </div>
      <ul className={styles.losses} data-testid="handover-losses">
        {HANDOVER_LOSS_KEYS.map((key) => {
          const minutes = oee.site.lossMinutes[key];
          return (
            <li key={key} className={styles.loss} data-empty={minutes === 0 || undefined}>
              <span className={styles.lossName}>
                {handoverLossLabels[key]}
                <small>{FACTOR_OF[key]}</small>
              </span>
              <span className={styles.lossBar} aria-hidden="true">
                <span style={{ width: `${(minutes / largest) * 100}%` }} data-factor={FACTOR_OF[key]} />
              </span>
              <span className={styles.lossValue}>
                {formatMinutes(minutes)}
                {planned > 0 && minutes > 0 ? <small>{formatPercent(minutes / planned, 0)}</small> : null}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Each line's OEE over the shift: which line the losses came from. */
export function LinesPanel({ lines }: { lines: THandoverSummaryView["oee"]["lines"] }) {
  return (
    <section className={styles.panel} aria-labelledby="handover-lines" data-testid="handover-lines">
      <div className={styles.panelHead}>
        <h3 id="handover-lines">OEE by line</h3>
      </div>
      <div className="table-wrap">
        <table className={`table ${styles.compactTable}`}>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col" className="num">
                OEE
              </th>
              <th scope="col" className="num">
                A
              </th>
              <th scope="col" className="num">
                P
              </th>
              <th scope="col" className="num">
                Q
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.length === 0 ? (
              <tr>
                <td colSpan={5} className="subtle">
                  This site has no lines yet.
                </td>
              </tr>
            ) : (
              lines.map((line) => (
                <tr key={line.lineId}>
                  <th scope="row" className={styles.rowHead}>
                    <span className="cell-stack">
                      {line.name}
                      <small>{formatNumber(line.goodCount)} good</small>
                    </span>
                  </th>
                  <td className="num">
                    <span className={styles.oeeValue} data-band={oeeBandOf(line.oee) ?? undefined}>
                      {formatPercent(line.oee)}
                    </span>
                  </td>
                  <td className="num">{formatPercent(line.availability)}</td>
                  <td className="num">{formatPercent(line.performance)}</td>
                  <td className="num">{formatPercent(line.quality)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
