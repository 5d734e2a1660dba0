"use client";

import { useEffect, useState } from "react";
import { formatDateTime, formatRelative } from "~/lib/format";

type TTimeAgoProps = { value: Date | string; timeZone: string };

/** "7 minutes ago", kept current while the page stays open; the exact time is in the tooltip. */
export function TimeAgo({ value, timeZone }: TTimeAgoProps) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  const date = new Date(value);
  return (
    <time
      dateTime={date.toISOString()}
      title={`${formatDateTime(date, timeZone)} (${timeZone})`}
      suppressHydrationWarning
    >
      {formatRelative(date, now)}
    </time>
  );
}
