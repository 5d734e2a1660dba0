import Link from "next/link";
import { ArrowLeftIcon } from "~/components/ui/icons";
import { TimeZoneNote } from "~/components/ui/time-zone-note";
import type { TWorkCenterDetail } from "~/lib/api-types";
import styles from "./work-center.module.css";

/** Code and name big enough to read from a step away, with where the work center sits. */
export function WorkCenterHeader({ workCenter }: { workCenter: TWorkCenterDetail }) {
  const { line } = workCenter;
  return (
    <header className={styles.header}>
      <Link href="/floor" className={styles.back}>
        <ArrowLeftIcon /> All work centers
      </Link>
      <ol className={styles.crumbs} aria-label="Location">
        <li>{line.area.site.name}</li>
        <li>{line.area.name}</li>
        <li>{line.name}</li>
      </ol>
      <div className={styles.title}>
        <h1 className={styles.code}>{workCenter.code}</h1>
        <span className={styles.name}>{workCenter.name}</span>
      </div>
      <TimeZoneNote timeZone={line.area.site.timeZone} />
    </header>
  );
}
