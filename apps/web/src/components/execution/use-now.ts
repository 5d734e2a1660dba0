"use client";

import { useEffect, useState } from "react";

/** A clock that ticks every `intervalMs` (time-in-state counters); null until mounted, so server and browser render alike. */
export function useNow(intervalMs = 1000): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
