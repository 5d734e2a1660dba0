import { handoverStatusLabels } from "@gemba/domain/handover/handover-summary";
import type { ReactNode } from "react";
import { formatNumber } from "~/lib/format";
import { formatPercent, oeeBandOf } from "../execution/execution-format";
import styles from "./handover.module.css";
import { LinesPanel, LossesPanel } from "./handover-figures";
import { formatClock, formatShiftDay, shiftTitle, statusTone } from "./handover-format";
import {
  DecisionsPanel,
  DowntimesPanel,
  OrdersPanel,
  TasksPanel,
  type TWorkCenterHref,
  UnclassifiedPanel,
} from "./handover-lists";
import type { THandover } from "./handover-types";

export type THandoverViewProps = {
  handover: THandover;
  /** The notes editor of the handover page; elsewhere the notes are shown as the lead wrote them. */
  notesEditor?: ReactNode;
  /**
   * Controls under the report: the handover page passes "Sign and hand over" and "Acknowledge";
   * the floor tablet passes <AcknowledgeHandoverButton handover={…} /> (handover-actions.tsx).
   */
  actions?: ReactNode;
  /** Where a work center links to (the dashboard for managers); plain text when it returns null. */
  workCenterHref?: TWorkCenterHref;
};

/**
 * One shift handover as a one-page report, in the site's clock: the KPI strip, where the time
 * went, what stopped, what was made, what is open and decided, and the leads' notes. Read-only
 * unless given a notes editor and actions; works from 800 px wide, with 48 px touch targets, and
 * prints on its own (see handover.module.css).
 */
export function HandoverView({ handover, notesEditor, actions, workCenterHref = () => null }: THandoverViewProps) {
  const { summary } = handover;
  const timeZone = handover.site.timeZone;
  const partial = summary.coveredUntil < summary.shift.end;
  return (
    <article className={styles.view} aria-labelledby={`handover-${handover.id}-title`} data-testid="handover-view">
      <header className={styles.viewHeader}>
        <div className={styles.viewTitle}>
          <span className="subtle">{handover.site.name} · shift handover</span>
          <h2 id={`handover-${handover.id}-title`}>{shiftTitle(handover, timeZone)}</h2>
          <span className="subtle">
            Drafted from the data {formatShiftDay(summary.draftedAt, timeZone)} at{" "}
            {formatClock(summary.draftedAt, timeZone)} ({timeZone})
          </span>
        </div>
        <span className={`badge ${statusTone[handover.status]}`} data-testid="handover-status">
          {handoverStatusLabels[handover.status]}
        </span>
      </header>
      {partial ? (
        <p className={styles.partial} role="note">
          The figures run up to {formatClock(summary.coveredUntil, timeZone)}, while the shift was still running.{" "}
          {handover.status === "DRAFT"
            ? "The draft is made again with the whole shift once it ends; the notes stay."
            : "It was signed before the shift ended, so they stay as signed."}
        </p>
      ) : null}

      <KpiStrip figures={summary.oee.site} />

      <div className={styles.panels}>
        <LossesPanel oee={summary.oee} />
        <LinesPanel lines={summary.oee.lines} />
        <DowntimesPanel rows={summary.topDowntimes} workCenterHref={workCenterHref} />
        <UnclassifiedPanel rows={summary.unclassifiedDowntimes} timeZone={timeZone} workCenterHref={workCenterHref} />
        <TasksPanel tasks={summary.tasks} timeZone={timeZone} />
        <DecisionsPanel rows={summary.decisions} timeZone={timeZone} />
        <OrdersPanel rows={summary.orders} timeZone={timeZone} />
      </div>

      <section className={styles.notes} aria-labelledby={`handover-${handover.id}-notes`}>
        <h3 id={`handover-${handover.id}-notes`}>Notes from the outgoing lead</h3>
        {notesEditor ?? (
          <p className={styles.notesText} data-testid="handover-notes">
            {handover.notes.trim() || "No notes."}
          </p>
        )}
      </section>

      <Signatures handover={handover} />
      {actions ? <div className={styles.actions}>{actions}</div> : null}
    </article>
  );
}

function KpiStrip({ figures }: { figures: THandover["summary"]["oee"]["site"] }) {
  const band = oeeBandOf(figures.oee);
  const tiles = [
    { label: "OEE", value: formatPercent(figures.oee), band },
    { label: "Availability", value: formatPercent(figures.availability), band: null },
    { label: "Performance", value: formatPercent(figures.performance), band: null },
    { label: "Quality", value: formatPercent(figures.quality), band: null },
  ];
  return (
    <section className={styles.kpis} aria-label="OEE of the shift" data-testid="handover-kpis">
      {tiles.map((tile) => (
        <div key={tile.label} className={styles.kpi} data-band={tile.band ?? undefined}>
          <span className={styles.kpiLabel}>{tile.label}</span>
          <span className={styles.kpiValue}>{tile.value}</span>
        </div>
      ))}
      <div className={styles.kpi}>
        <span className={styles.kpiLabel}>Good units</span>
        <span className={styles.kpiValue}>{formatNumber(figures.goodCount)}</span>
        <span className={styles.kpiSub}>of {formatNumber(figures.totalCount)} counted</span>
      </div>
      {figures.oee === null ? (
        <p className={styles.kpiNote}>No planned production time in this shift: nothing to measure OEE against.</p>
      ) : figures.countWithoutIdealCycle > 0 ? (
        <p className={styles.kpiNote}>
          {formatNumber(figures.countWithoutIdealCycle)} units have no ideal cycle time in the master data, so
          performance reads low.
        </p>
      ) : null}
    </section>
  );
}

function Signatures({ handover }: { handover: THandover }) {
  const timeZone = handover.site.timeZone;
  const at = (value: Date | string) => `${formatShiftDay(value, timeZone)}, ${formatClock(value, timeZone)}`;
  return (
    <section className={styles.signatures} aria-label="Signatures">
      <div>
        <span className={styles.signatureLabel}>Handed over by</span>
        {handover.signedBy && handover.signedAt ? (
          <span data-testid="handover-signed-by">
            {handover.signedBy.name} · {at(handover.signedAt)}
          </span>
        ) : (
          <span className="subtle">Not signed yet</span>
        )}
      </div>
      <div>
        <span className={styles.signatureLabel}>Taken over by</span>
        {handover.acknowledgedBy && handover.acknowledgedAt ? (
          <span data-testid="handover-acknowledged-by">
            {handover.acknowledgedBy.name} · {at(handover.acknowledgedAt)}
          </span>
        ) : (
          <span className="subtle">Not acknowledged yet</span>
        )}
        {handover.acknowledgeNote ? <p className={styles.ackNote}>“{handover.acknowledgeNote}”</p> : null}
      </div>
    </section>
  );
}
