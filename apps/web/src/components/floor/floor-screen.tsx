"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { useLiveUpdates } from "~/components/execution/use-live-updates";
import { useNow } from "~/components/execution/use-now";
import { useTRPC } from "~/trpc/react";
import { AndonPanel } from "./andon-panel";
import { FloorChecklists } from "./floor-checklists";
import { FloorDecisionButton } from "./floor-decision-button";
import { FloorHandover } from "./floor-handover";
import styles from "./floor-screen.module.css";
import { FloorTasks, useFloorTasks } from "./floor-tasks";
import type { TFloorWorkCenter, TStopReasonCategory } from "./floor-types";
import { useOfflineQueue } from "./offline-queue/use-offline-queue";
import { rememberWorkCenter } from "./remembered-work-center";
import { StopReasons } from "./stop-reasons";
import { HourCard, OrderCard, StateBanner } from "./work-center-status";

type TTab = "stops" | "tasks" | "checklists" | "handover";

/**
 * One work center on the tablet. The top half answers "how are we doing" at a glance (state, order,
 * this hour) next to the andon; the bottom half is what the operator acts on. Follows the machine
 * live (SSE) and re-reads every 30 s as a fallback; anything tapped goes through the outbox.
 */
type TFloorScreenProps = { initial: TFloorWorkCenter; reasons: TStopReasonCategory[]; signerName: string };

export function FloorScreen({ initial, reasons, signerName }: TFloorScreenProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const workCenterId = initial.workCenter.id;
  const floorKey = trpc.floor.workCenter.queryKey({ workCenterId });
  const floor = useQuery({
    ...trpc.floor.workCenter.queryOptions({ workCenterId }),
    initialData: initial,
    refetchInterval: 30_000,
  }).data;
  const now = useNow(1000);
  const queue = useOfflineQueue();
  const tasks = useFloorTasks(workCenterId);

  useEffect(() => rememberWorkCenter(workCenterId), [workCenterId]);
  useLiveUpdates({
    onExecution: (execution) => {
      if (execution.workCenterId === workCenterId) void queryClient.invalidateQueries({ queryKey: floorKey });
    },
    onCatchUp: () => void queryClient.invalidateQueries({ queryKey: trpc.floor.pathKey() }),
  });

  const waitingStops = floor.stops.filter((stop) => !stop.answer).length;
  // Opens on the stops when any are listed or answered from here and waiting; else on the tasks.
  // Decided once the outbox has loaded, then left to the operator.
  const [chosen, setTab] = useState<TTab | null>(null);
  const stopsFirst =
    floor.stops.length > 0 ||
    queue.actions.some((action) => action.kind === "downtime.classify" && action.workCenterId === workCenterId);
  const tab = chosen ?? (stopsFirst ? "stops" : "tasks");
  useEffect(() => {
    if (queue.ready) setTab((current) => current ?? (stopsFirst ? "stops" : "tasks"));
  }, [queue.ready, stopsFirst]);
  const tabs: { id: TTab; label: string; count: number | null }[] = [
    { id: "stops", label: "Stops", count: waitingStops },
    { id: "tasks", label: "Tasks", count: tasks.tasks.length },
    { id: "checklists", label: "Checklists", count: null },
    { id: "handover", label: "Handover", count: null },
  ];
  const here = queue.actions.filter((action) => action.workCenterId === workCenterId).length;

  return (
    <div className={styles.screen}>
      <div className={styles.top}>
        <div className={styles.state}>
          <StateBanner floor={floor} now={now} />
        </div>
        <div className={styles.andon}>
          <AndonPanel floor={floor} />
        </div>
        <div className={styles.order}>
          <OrderCard floor={floor} />
        </div>
        <div className={styles.hour}>
          <HourCard floor={floor} />
        </div>
      </div>
      <div className={styles.tabBar}>
        <div role="tablist" aria-label="At this work center" className={styles.tabs}>
          {tabs.map((entry) => (
            <button
              key={entry.id}
              type="button"
              role="tab"
              id={`tab-${entry.id}`}
              aria-selected={tab === entry.id}
              aria-controls={`panel-${entry.id}`}
              className={styles.tab}
              onClick={() => setTab(entry.id)}
            >
              {entry.label}
              {entry.count ? <span className={styles.count}>{entry.count}</span> : null}
            </button>
          ))}
        </div>
        <div className={styles.tabTools}>
          {here > 0 ? (
            <span className={styles.waitingHere} data-testid="pending-here">
              {here} pending sync
            </span>
          ) : null}
          <FloorDecisionButton workCenterId={workCenterId} />
        </div>
      </div>
      <TabPanel id="stops" active={tab}>
        <StopReasons floor={floor} reasons={reasons} />
      </TabPanel>
      <TabPanel id="tasks" active={tab}>
        <FloorTasks workCenterId={workCenterId} tasks={tasks} />
      </TabPanel>
      <TabPanel id="checklists" active={tab}>
        <FloorChecklists floor={floor} signerName={signerName} />
      </TabPanel>
      <TabPanel id="handover" active={tab}>
        <FloorHandover siteId={floor.workCenter.site.id} />
      </TabPanel>
    </div>
  );
}

function TabPanel({ id, active, children }: { id: TTab; active: TTab; children: ReactNode }) {
  return (
    <div
      role="tabpanel"
      id={`panel-${id}`}
      aria-labelledby={`tab-${id}`}
      hidden={active !== id}
      className={styles.panel}
    >
      {active === id ? children : null}
    </div>
  );
}
