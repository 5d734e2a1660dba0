"use client";

import { APPLIES_TO_LABELS } from "@gemba/domain/reasons/reason-rules";
import { ArrowDownIcon, ArrowUpIcon, CalendarIcon, PencilIcon } from "./icons";
import { LossBadge } from "./loss-badge";
import type { TReason } from "./reason-types";
import styles from "./reasons.module.css";

type TReasonRowProps = {
  reason: TReason;
  first: boolean;
  last: boolean;
  busy: boolean;
  onMove: (direction: -1 | 1) => void;
  onEdit: () => void;
  onDeactivate: () => void;
  onReactivate: () => void;
};

/** One reason: what operators see, what it explains, the loss it counts against, and what an admin can do. */
export function ReasonRow({ reason, first, last, busy, onMove, onEdit, onDeactivate, onReactivate }: TReasonRowProps) {
  return (
    <tr className={reason.active ? undefined : styles.inactiveRow} data-reason-code={reason.code}>
      <td>
        <div className="cell-stack">
          <span className={styles.reasonLabel}>
            {reason.label}
            {reason.active ? null : <span className="badge">Inactive</span>}
            {reason.bookedByCalendar ? (
              <span className="badge" title="The shift calendar books breaks and planned maintenance with this reason.">
                <CalendarIcon size={12} /> Shift calendar
              </span>
            ) : null}
          </span>
          <code className={styles.code}>{reason.code}</code>
        </div>
      </td>
      <td className={styles.explains}>{APPLIES_TO_LABELS[reason.appliesTo]}</td>
      <td>
        <LossBadge {...reason} />
      </td>
      <td>
        <div className={styles.rowActions}>
          <button
            type="button"
            className={`btn btn-ghost ${styles.iconButton}`}
            disabled={busy || first}
            onClick={() => onMove(-1)}
            title="Move up"
          >
            <ArrowUpIcon />
            <span className="visually-hidden">Move {reason.label} up</span>
          </button>
          <button
            type="button"
            className={`btn btn-ghost ${styles.iconButton}`}
            disabled={busy || last}
            onClick={() => onMove(1)}
            title="Move down"
          >
            <ArrowDownIcon />
            <span className="visually-hidden">Move {reason.label} down</span>
          </button>
          <button type="button" className="btn" disabled={busy} onClick={onEdit}>
            <PencilIcon size={16} /> Edit<span className="visually-hidden"> {reason.label}</span>
          </button>
          {reason.active ? (
            <button type="button" className={`btn ${styles.statusButton}`} disabled={busy} onClick={onDeactivate}>
              Deactivate<span className="visually-hidden"> {reason.label}</span>
            </button>
          ) : (
            <button type="button" className={`btn ${styles.statusButton}`} disabled={busy} onClick={onReactivate}>
              Reactivate<span className="visually-hidden"> {reason.label}</span>
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
