"use client";

import { useCallback, useEffect, useState } from "react";

export type TToast = { id: number; title: string; detail?: string };

const VISIBLE_MS = 12_000;

/** One confirmation at a time, replaced by the next and gone after a while. */
export function useSettingsToast() {
  const [toast, setToast] = useState<TToast | null>(null);
  useEffect(() => {
    if (!toast) return;
    const timer = window.setTimeout(() => setToast(null), VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [toast]);
  const show = useCallback((title: string, detail?: string) => {
    setToast({ id: Date.now(), title, ...(detail ? { detail } : {}) });
  }, []);
  const dismiss = useCallback(() => setToast(null), []);
  return { toast, show, dismiss };
}
