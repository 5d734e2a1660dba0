"use client";

import { ZLiveExecution } from "@gemba/jobs/live-bus";
import { useEffect, useRef, useState } from "react";
import type { z } from "zod";

export type TLiveExecution = z.infer<typeof ZLiveExecution>;

/** connecting: first handshake; live: stream open; reconnecting: dropped, the browser retries; ended: gave up. */
export type TLiveStatus = "connecting" | "live" | "reconnecting" | "ended";

type TLiveHandlers = {
  /** A work center's timeline changed. */
  onExecution?: (execution: TLiveExecution) => void;
  /** The stream came back after a drop: messages may have been missed, refetch what is shown. */
  onCatchUp?: () => void;
};

/**
 * The plant's live stream (/api/live). EventSource reconnects by itself; every `ready` after the
 * first means a gap, so the page catches up from the database. The bus is for "now" only.
 */
export function useLiveUpdates(handlers: TLiveHandlers): TLiveStatus {
  const [status, setStatus] = useState<TLiveStatus>("connecting");
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;

  useEffect(() => {
    const source = new EventSource("/api/live");
    let readyBefore = false;
    source.addEventListener("ready", () => {
      if (readyBefore) handlersRef.current.onCatchUp?.();
      readyBefore = true;
      setStatus("live");
    });
    source.addEventListener("execution", (event) => {
      const parsed = parseExecution((event as MessageEvent<string>).data);
      if (parsed) handlersRef.current.onExecution?.(parsed);
    });
    source.addEventListener("ended", () => {
      source.close();
      setStatus("ended");
    });
    source.addEventListener("error", () => {
      // CLOSED: the server refused (signed out); CONNECTING: the browser is retrying.
      setStatus(source.readyState === EventSource.CLOSED ? "ended" : "reconnecting");
    });
    return () => source.close();
  }, []);

  return status;
}

function parseExecution(data: string): TLiveExecution | null {
  try {
    const message: unknown = JSON.parse(data);
    const execution =
      typeof message === "object" && message !== null && "execution" in message ? message.execution : null;
    const parsed = ZLiveExecution.safeParse(execution);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
