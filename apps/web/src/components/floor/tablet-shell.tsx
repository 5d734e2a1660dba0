"use client";

import { roleAtLeast, type TRole } from "@gemba/domain/roles";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useParams } from "next/navigation";
import type { ReactNode } from "react";
import { useNow } from "~/components/execution/use-now";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import type { TMe } from "~/lib/api-types";
import { formatTime } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { ConnectionStatus } from "./connection-status";
import styles from "./tablet-shell.module.css";
import { TabletUserMenu } from "./tablet-user-menu";

type TTabletShellProps = {
  user: TMe["user"];
  plant: { name: string; role: TRole };
  children: ReactNode;
};

/**
 * Full-screen frame for the shop-floor tablet: which machine this is (big, readable from a step
 * away), the plant clock, the connection and the outbox; everything else belongs to the page.
 */
export function TabletShell({ user, plant, children }: TTabletShellProps) {
  const params = useParams<{ workCenterId?: string }>();
  const workCenterId = typeof params.workCenterId === "string" ? params.workCenterId : null;
  const trpc = useTRPC();
  // The same query the work-center screen runs: read from the cache, no extra request.
  const floor = useQuery({
    ...trpc.floor.workCenter.queryOptions({ workCenterId: workCenterId ?? "" }),
    enabled: workCenterId !== null,
  });
  const workCenter = workCenterId ? floor.data?.workCenter : null;
  const timeZone = usePlantTimeZone();
  const now = useNow(15_000);

  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <Link href="/floor?choose=1" className={styles.brand} aria-label="Gemba floor: choose a work center">
          <span className={styles.brandMark} aria-hidden="true">
            G
          </span>
        </Link>
        <div className={styles.where}>
          {workCenter ? (
            <>
              <span className={styles.code} data-testid="tablet-work-center">
                {workCenter.code}
              </span>
              <span className={styles.name}>
                {workCenter.name}
                <span className={styles.line}> · {workCenter.line.name}</span>
              </span>
            </>
          ) : (
            <span className={styles.title}>{workCenterId ? " " : `Floor · ${plant.name}`}</span>
          )}
        </div>
        {workCenterId ? (
          <Link href="/floor?choose=1" className={`btn ${styles.change}`}>
            Change
          </Link>
        ) : null}
        <div className={styles.tools}>
          <ConnectionStatus />
          <time className={styles.clock} suppressHydrationWarning title="Plant time">
            {now === null ? "" : formatTime(new Date(now), timeZone)}
          </time>
          <TabletUserMenu user={user} plantName={plant.name} showDashboard={roleAtLeast(plant.role, "MANAGER")} />
        </div>
      </header>
      <main id="main" className={styles.main}>
        {children}
      </main>
    </div>
  );
}
