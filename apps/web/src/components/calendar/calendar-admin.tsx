"use client";

import { usePathname, useRouter } from "next/navigation";
import styles from "./calendar.module.css";
import type { TCalendarSite } from "./calendar-types";
import { NoShiftPanel } from "./no-shift-panel";
import { PatternsPanel } from "./patterns-panel";

/** Admin → Shift calendar: per site, its weekly shift patterns and its no-shift periods, in the site's time zone. */
export function CalendarAdmin({ sites, siteId }: { sites: readonly TCalendarSite[]; siteId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const site = sites.find((candidate) => candidate.id === siteId) ?? sites[0];
  if (!site) return null;
  return (
    <div className={styles.page}>
      <div className={styles.siteBar}>
        {sites.length > 1 ? (
          <label className={styles.sitePicker}>
            <span className="field-label">Site</span>
            <select
              className="select"
              value={site.id}
              onChange={(event) => router.push(`${pathname}?site=${event.target.value}`)}
            >
              {sites.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name} ({candidate.code})
                </option>
              ))}
            </select>
          </label>
        ) : (
          <div>
            <span className="field-label">Site</span>
            <p className={styles.siteName}>
              {site.name} <span className="subtle">({site.code})</span>
            </p>
          </div>
        )}
        <p className={styles.zoneNote}>
          Shifts and periods are entered in the site&apos;s local time,{" "}
          <strong>{site.timeZone.replaceAll("_", " ")}</strong>, and stay right across daylight-saving changes.
        </p>
      </div>
      <PatternsPanel key={`patterns-${site.id}`} site={site} />
      <NoShiftPanel key={`periods-${site.id}`} site={site} />
    </div>
  );
}
