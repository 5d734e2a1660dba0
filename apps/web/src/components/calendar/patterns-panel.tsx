"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "~/components/ui/alert";
import { PlusIcon } from "~/components/ui/icons";
import { Skeleton } from "~/components/ui/skeleton";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import styles from "./calendar.module.css";
import { describeRefresh } from "./calendar-format";
import { CalendarIcon } from "./calendar-icons";
import type { TCalendarSite, TNotice, TRefreshNotice, TShift, TShiftPattern } from "./calendar-types";
import { DeletePatternDialog, DeleteShiftDialog } from "./delete-dialogs";
import { describeValidity, PatternDetail, PatternStatusBadge } from "./pattern-detail";
import { PatternDialog } from "./pattern-dialog";
import { ShiftDialog } from "./shift-dialog";

type TOpenDialog =
  | { kind: "pattern"; pattern: TShiftPattern | null }
  | { kind: "deletePattern"; pattern: TShiftPattern }
  | { kind: "shift"; shift: TShift | null }
  | { kind: "deleteShift"; shift: TShift };

/** Admin → Shift calendar, first card: the site's weekly patterns, which one applies when, and their shifts. */
export function PatternsPanel({ site }: { site: TCalendarSite }) {
  const trpc = useTRPC();
  const overview = useQuery(trpc.calendar.overview.queryOptions({ siteId: site.id }));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<TOpenDialog | null>(null);
  const [notice, setNotice] = useState<TNotice | null>(null);

  const calendar = overview.data;
  const patterns = calendar?.patterns ?? [];
  const selected =
    patterns.find((pattern) => pattern.id === selectedId) ??
    patterns.find((pattern) => pattern.id === calendar?.currentPatternId) ??
    patterns.at(-1);
  const saved = (message: string, refresh: TRefreshNotice, patternId?: string) => {
    setDialog(null);
    setNotice({ message, refresh });
    if (patternId) setSelectedId(patternId);
  };

  return (
    <section className={`card ${styles.card}`} aria-labelledby="patterns-title">
      <div className="card-header">
        <div className={styles.headerText}>
          <h2 id="patterns-title">Shift patterns</h2>
          <p>
            The weekly plan of shifts and breaks: planned production time for OEE. A newer pattern takes over from its
            first day.
          </p>
        </div>
        {patterns.length > 0 ? (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => setDialog({ kind: "pattern", pattern: null })}
          >
            <PlusIcon /> New pattern
          </button>
        ) : null}
      </div>
      {overview.isPending ? (
        <div className="card-body" aria-busy="true">
          <span className="visually-hidden" role="status">
            Loading shift patterns…
          </span>
          <div className={styles.skeletonStack}>
            <Skeleton height="40px" width="60%" />
            <Skeleton height="360px" />
          </div>
        </div>
      ) : overview.error || !calendar ? (
        <div className="card-body">
          <Alert tone="danger">
            <p>
              <strong>The shift patterns could not be loaded.</strong> {apiErrorMessage(overview.error)}
            </p>
            <p>If it keeps failing, the Gemba server may need attention: tell whoever runs it.</p>
          </Alert>
          <div className={styles.retryRow}>
            <button type="button" className="btn" onClick={() => void overview.refetch()}>
              Try again
            </button>
          </div>
        </div>
      ) : (
        <div className={`card-body ${styles.cardBody}`}>
          {notice ? (
            <div className={styles.notice}>
              <Alert tone="success">
                <p>
                  <strong>{notice.message}</strong> {describeRefresh(notice.refresh, site.timeZone)}
                </p>
              </Alert>
              <button type="button" className="btn btn-ghost" onClick={() => setNotice(null)}>
                Dismiss
              </button>
            </div>
          ) : null}
          {patterns.length === 0 || !selected ? (
            <div className="empty">
              <div className="empty-icon">
                <CalendarIcon size={22} />
              </div>
              <h3>No shift pattern yet</h3>
              <p>
                Without one, Gemba counts every hour at {calendar.site.name} as planned production time (24/7), so OEE
                treats nights and weekends as lost time. Create the weekly pattern your crews work, with their breaks.
              </p>
              <div className="empty-action">
                <button
                  type="button"
                  className="btn btn-primary"
                  onClick={() => setDialog({ kind: "pattern", pattern: null })}
                >
                  <PlusIcon /> Create shift pattern
                </button>
              </div>
            </div>
          ) : (
            <>
              {patterns.length > 1 ? (
                <nav className={styles.patternTabs} aria-label="Shift patterns by start date">
                  {patterns.map((pattern) => (
                    <button
                      key={pattern.id}
                      type="button"
                      className={styles.patternTab}
                      aria-current={pattern.id === selected.id ? "true" : undefined}
                      onClick={() => setSelectedId(pattern.id)}
                    >
                      <span className={styles.patternTabName}>{pattern.name}</span>
                      <span className={styles.patternTabMeta}>
                        <PatternStatusBadge status={pattern.status} />
                        {describeValidity(pattern)}
                      </span>
                    </button>
                  ))}
                </nav>
              ) : null}
              <PatternDetail
                pattern={selected}
                timeZone={site.timeZone}
                canDelete={patterns.length > 1}
                onEditPattern={() => setDialog({ kind: "pattern", pattern: selected })}
                onDeletePattern={() => setDialog({ kind: "deletePattern", pattern: selected })}
                onAddShift={() => setDialog({ kind: "shift", shift: null })}
                onEditShift={(shift) => setDialog({ kind: "shift", shift })}
                onDeleteShift={(shift) => setDialog({ kind: "deleteShift", shift })}
              />
            </>
          )}
        </div>
      )}
      {calendar && dialog?.kind === "pattern" ? (
        <PatternDialog
          calendar={calendar}
          pattern={dialog.pattern}
          onClose={() => setDialog(null)}
          onSaved={(message, refresh, patternId) => saved(message, refresh, patternId)}
        />
      ) : null}
      {selected && dialog?.kind === "shift" ? (
        <ShiftDialog pattern={selected} shift={dialog.shift} onClose={() => setDialog(null)} onSaved={saved} />
      ) : null}
      {calendar && dialog?.kind === "deletePattern" ? (
        <DeletePatternDialog
          calendar={calendar}
          pattern={dialog.pattern}
          onClose={() => setDialog(null)}
          onDeleted={(message, refresh) => {
            setSelectedId(null);
            saved(message, refresh);
          }}
        />
      ) : null}
      {selected && dialog?.kind === "deleteShift" ? (
        <DeleteShiftDialog pattern={selected} shift={dialog.shift} onClose={() => setDialog(null)} onDeleted={saved} />
      ) : null}
    </section>
  );
}
