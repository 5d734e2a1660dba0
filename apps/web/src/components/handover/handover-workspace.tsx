"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { EmptyState } from "~/components/ui/empty-state";
import { ArrowLeftIcon, ClockIcon, HandoverIcon } from "~/components/ui/icons";
import { PageHeader } from "~/components/ui/page-header";
import { Skeleton } from "~/components/ui/skeleton";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import styles from "./handover.module.css";
import { AcknowledgeHandoverButton, SignHandoverButton } from "./handover-actions";
import { formatClock, formatShiftDay, shiftTitle } from "./handover-format";
import { HandoverHistory } from "./handover-history";
import { HandoverNotesEditor } from "./handover-notes-editor";
import type { TCurrentHandover, THandover } from "./handover-types";
import { HandoverView } from "./handover-view";

type THandoverWorkspaceProps = {
  plantName: string | undefined;
  /** Managers open work centers on the dashboard from the report. */
  canOpenDashboard: boolean;
  initialHandoverId: string | null;
};

/**
 * The handover page: the latest handover of the site (the draft the outgoing lead edits and
 * signs, or the signed one the incoming lead acknowledges), "Draft now", and the history. The
 * handover shown is kept in the address (?handover=…) so it can be shared.
 */
export function HandoverWorkspace({ plantName, canOpenDashboard, initialHandoverId }: THandoverWorkspaceProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const siteFieldId = useId();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [openedId, setOpenedId] = useState<string | null>(initialHandoverId);
  const flushNotes = useRef<(() => Promise<boolean>) | null>(null);
  const current = useQuery({
    ...trpc.handover.current.queryOptions(siteId ? { siteId } : {}),
    refetchInterval: 60_000,
  });
  const opened = useQuery({
    ...trpc.handover.get.queryOptions({ handoverId: openedId ?? "" }),
    enabled: openedId !== null,
  });
  const draftNow = useMutation(
    trpc.handover.draftNow.mutationOptions({
      // The running or last shift: always the site's latest handover, which the page shows.
      onSuccess: async () => {
        open(null);
        await queryClient.invalidateQueries({ queryKey: trpc.handover.pathKey() });
      },
    }),
  );

  function open(handoverId: string | null) {
    setOpenedId(handoverId);
    window.history.replaceState(null, "", handoverId ? `/handover?handover=${handoverId}` : "/handover");
    window.scrollTo({ top: 0, behavior: "smooth" });
  }

  const data = current.data;
  const shown: THandover | null | undefined = openedId ? opened.data : data?.handover;
  const loading = current.isPending || (openedId !== null && opened.isPending);
  const error = current.error ?? (openedId ? opened.error : null);
  const workCenterHref = (workCenterId: string) =>
    canOpenDashboard ? `/dashboard/work-centers/${workCenterId}` : null;

  return (
    <div className={styles.workspace}>
      <PageHeader
        eyebrow={plantName}
        title="Shift handover"
        description="Drafted from the data when a shift ends: the outgoing lead adds notes and signs, the next shift acknowledges."
        actions={
          <>
            <button
              type="button"
              className={`btn ${styles.touch}`}
              disabled={draftNow.isPending || !data?.site}
              onClick={() => draftNow.mutate(siteId ? { siteId } : {})}
            >
              <HandoverIcon size={18} />
              {draftNow.isPending ? "Drafting…" : "Draft now"}
            </button>
            <button type="button" className={`btn ${styles.touch}`} disabled={!shown} onClick={() => window.print()}>
              Print
            </button>
          </>
        }
      />
      {data && data.sites.length > 1 ? (
        <div className={`field ${styles.siteField}`}>
          <label className="field-label" htmlFor={siteFieldId}>
            Site
          </label>
          <select
            id={siteFieldId}
            className="select"
            value={data.site?.id ?? ""}
            onChange={(event) => {
              setSiteId(event.target.value);
              open(null);
            }}
          >
            {data.sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {draftNow.error ? <Alert tone="danger">{apiErrorMessage(draftNow.error)}</Alert> : null}
      {draftNow.data?.outcome === "kept" ? (
        <Alert tone="info">
          This shift’s handover is already signed, so its figures stay as they were signed. Drafting starts again with
          the next shift.
        </Alert>
      ) : null}
      {data ? <Reminders data={data} openedId={openedId} onOpen={open} /> : null}

      {loading ? (
        <div className="card card-body form-stack" aria-busy="true">
          <span className="visually-hidden" role="status">
            Loading the handover…
          </span>
          <Skeleton height="28px" width="360px" />
          <Skeleton height="96px" />
          <Skeleton height="220px" />
        </div>
      ) : error ? (
        <section className="card card-body form-stack">
          <Alert tone="danger">{apiErrorMessage(error)}</Alert>
          <div>
            <button type="button" className="btn" onClick={() => void (openedId ? opened : current).refetch()}>
              Try again
            </button>
          </div>
        </section>
      ) : !data?.site ? (
        <section className="card">
          <EmptyState title="No site yet" icon={<HandoverIcon size={22} />}>
            Handovers belong to a site and its shift calendar. Once an admin has set up the plant, they appear here.
          </EmptyState>
        </section>
      ) : !shown ? (
        <section className="card">
          <EmptyState
            title="No handover yet"
            icon={<ClockIcon size={22} />}
            action={
              data.draftable ? (
                <button
                  type="button"
                  className={`btn btn-primary ${styles.touch}`}
                  disabled={draftNow.isPending}
                  onClick={() => draftNow.mutate(siteId ? { siteId } : {})}
                >
                  Draft the {data.draftable.name} shift now
                </button>
              ) : null
            }
          >
            {data.draftable
              ? "A handover is drafted automatically when a shift ends. Start this one now to write the notes before the end."
              : `${data.site.name} has no shifts in its calendar, so there is nothing to hand over. An admin sets up shifts under Admin → Calendar.`}
          </EmptyState>
        </section>
      ) : (
        <div className={styles.printRoot}>
          {openedId ? (
            <button type="button" className={`btn btn-ghost ${styles.touch} ${styles.back}`} onClick={() => open(null)}>
              <ArrowLeftIcon size={16} /> Back to the latest handover
            </button>
          ) : null}
          <HandoverView
            handover={shown}
            workCenterHref={workCenterHref}
            notesEditor={
              shown.viewer.canEditNotes ? <HandoverNotesEditor key={shown.id} handover={shown} /> : undefined
            }
            actions={
              shown.viewer.canSign || shown.status === "SIGNED" ? (
                <>
                  <SignHandoverButton
                    handover={shown}
                    beforeSign={() => flushNotes.current?.() ?? Promise.resolve(true)}
                  />
                  <AcknowledgeHandoverButton handover={shown} />
                </>
              ) : null
            }
          />
        </div>
      )}

      {data?.site ? (
        <HandoverHistory
          siteId={data.site.id}
          timeZone={data.site.timeZone}
          selectedId={openedId ?? shown?.id ?? null}
          onOpen={open}
        />
      ) : null}
    </div>
  );
}

/** Older handovers nobody acknowledged, and a running shift without a draft yet. */
function Reminders({
  data,
  openedId,
  onOpen,
}: {
  data: TCurrentHandover;
  openedId: string | null;
  onOpen: (handoverId: string) => void;
}) {
  const timeZone = data.site?.timeZone ?? "UTC";
  const waiting = data.awaitingAcknowledgement.filter((handover) => handover.id !== openedId);
  const { draftable } = data;
  return (
    <>
      {waiting.map((handover) => (
        <Alert key={handover.id} tone="warning">
          The handover of the {handover.shiftName} shift of {formatShiftDay(handover.shiftStart, timeZone)},{" "}
          {formatClock(handover.shiftStart, timeZone)} is signed and still waits to be acknowledged.{" "}
          <button type="button" className={styles.inlineLink} onClick={() => onOpen(handover.id)}>
            Open it
          </button>
        </Alert>
      ))}
      {draftable?.running && !draftable.handoverId && data.handover ? (
        <p className="subtle">
          The{" "}
          {shiftTitle({ shiftName: draftable.name, shiftStart: draftable.start, shiftEnd: draftable.end }, timeZone)} is
          running. Its handover is drafted when it ends; use “Draft now” to start the notes earlier.
        </p>
      ) : null}
    </>
  );
}
