"use client";

import { NO_SHIFT_KIND_LABELS } from "@gemba/domain/calendar/no-shift-period-rules";
import { formatLocalDate, utcToZoned } from "@gemba/domain/calendar/zoned-time";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "~/components/ui/alert";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { PlusIcon } from "~/components/ui/icons";
import { Skeleton } from "~/components/ui/skeleton";
import { apiErrorMessage } from "~/lib/api-error";
import { formatDateTime } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import styles from "./calendar.module.css";
import { describeRefresh } from "./calendar-format";
import { WrenchIcon } from "./calendar-icons";
import type { TCalendarSite, TNoShiftPeriod, TNotice } from "./calendar-types";
import { NoShiftDialog } from "./no-shift-dialog";
import { NoShiftTable } from "./no-shift-table";

type TOpenDialog = { kind: "edit"; period: TNoShiftPeriod | null } | { kind: "delete"; period: TNoShiftPeriod };

/** Admin → Shift calendar, second card: holidays, shutdowns and planned maintenance windows of the site. */
export function NoShiftPanel({ site }: { site: TCalendarSite }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.calendar.noShiftPeriods.queryOptions({ siteId: site.id }));
  const [dialog, setDialog] = useState<TOpenDialog | null>(null);
  const [notice, setNotice] = useState<TNotice | null>(null);
  const remove = useMutation(
    trpc.calendar.deleteNoShiftPeriod.mutationOptions({
      onSuccess: async (result) => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.calendar.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.admin.audit.pathKey() }),
        ]);
        const period = dialog?.period;
        setDialog(null);
        setNotice({ message: `"${period?.reason ?? "Period"}" deleted.`, refresh: result.refresh });
      },
    }),
  );
  const data = list.data;
  const today = formatLocalDate(utcToZoned(Date.now(), site.timeZone));
  const openNew = () => setDialog({ kind: "edit", period: null });

  return (
    <section className={`card ${styles.card}`} aria-labelledby="no-shift-title">
      <div className="card-header">
        <div className={styles.headerText}>
          <h2 id="no-shift-title">Holidays, shutdowns and maintenance</h2>
          <p>
            Time with no production planned, even where a shift would run. OEE does not count it as lost; planned
            maintenance shows as a planned stop.
          </p>
        </div>
        {data && data.upcoming.length + data.recent.length > 0 ? (
          <button type="button" className="btn btn-primary" onClick={openNew}>
            <PlusIcon /> Add period
          </button>
        ) : null}
      </div>
      {list.isPending ? (
        <div className="card-body" aria-busy="true">
          <span className="visually-hidden" role="status">
            Loading no-shift periods…
          </span>
          <div className={styles.skeletonStack}>
            <Skeleton height="44px" />
            <Skeleton height="44px" />
          </div>
        </div>
      ) : list.error || !data ? (
        <div className="card-body">
          <Alert tone="danger">
            <p>
              <strong>Holidays and maintenance windows could not be loaded.</strong> {apiErrorMessage(list.error)}
            </p>
            <p>If it keeps failing, the Gemba server may need attention: tell whoever runs it.</p>
          </Alert>
          <div className={styles.retryRow}>
            <button type="button" className="btn" onClick={() => void list.refetch()}>
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
          {data.upcoming.length + data.recent.length === 0 ? (
            <div className="empty">
              <div className="empty-icon">
                <WrenchIcon size={22} />
              </div>
              <h3>No holidays, shutdowns or maintenance planned</h3>
              <p>
                Add public holidays, shutdowns and maintenance windows, so OEE does not count that time as lost and
                nobody is asked why the machines stood still.
              </p>
              <div className="empty-action">
                <button type="button" className="btn btn-primary" onClick={openNew}>
                  <PlusIcon /> Add period
                </button>
              </div>
            </div>
          ) : (
            <>
              <NoShiftTable
                title="Ongoing and upcoming"
                empty="Nothing planned ahead. Add the next holiday or maintenance window."
                periods={data.upcoming}
                timeZone={site.timeZone}
                onEdit={(period) => setDialog({ kind: "edit", period })}
                onDelete={(period) => setDialog({ kind: "delete", period })}
              />
              <NoShiftTable
                title={`Recent (last ${data.recentDays} days)`}
                empty={`None in the last ${data.recentDays} days.`}
                periods={data.recent}
                timeZone={site.timeZone}
                onEdit={(period) => setDialog({ kind: "edit", period })}
                onDelete={(period) => setDialog({ kind: "delete", period })}
              />
            </>
          )}
        </div>
      )}
      {dialog?.kind === "edit" ? (
        <NoShiftDialog
          siteId={site.id}
          timeZone={site.timeZone}
          today={today}
          period={dialog.period}
          onClose={() => setDialog(null)}
          onSaved={(message, refresh) => {
            setDialog(null);
            setNotice({ message, refresh });
          }}
        />
      ) : null}
      {dialog?.kind === "delete" ? (
        <ConfirmDialog
          open
          title={`Delete "${dialog.period.reason}"?`}
          confirmLabel="Delete period"
          pendingLabel="Deleting…"
          pending={remove.isPending}
          error={remove.error ? apiErrorMessage(remove.error) : null}
          onConfirm={() => remove.mutate({ periodId: dialog.period.id })}
          onCancel={() => {
            remove.reset();
            setDialog(null);
          }}
        >
          <p>
            {NO_SHIFT_KIND_LABELS[dialog.period.kind]} from {formatDateTime(dialog.period.startsAt, site.timeZone)} to{" "}
            {formatDateTime(dialog.period.endsAt, site.timeZone)}. Afterwards the shift pattern applies then again
            {dialog.period.startsAt.getTime() < Date.now()
              ? ", and state timelines and OEE for that time are recalculated"
              : ""}
            .
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
