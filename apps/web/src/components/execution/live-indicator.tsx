import styles from "./overview.module.css";
import type { TLiveStatus } from "./use-live-updates";

const texts: Record<TLiveStatus, { label: string; title: string }> = {
  connecting: { label: "Connecting…", title: "Opening the live stream of machine states." },
  live: { label: "Live", title: "Tiles change as machines report; OEE figures refresh with them." },
  reconnecting: {
    label: "Reconnecting…",
    title: "The live stream dropped. The browser retries by itself and the page catches up once it is back.",
  },
  ended: {
    label: "Live updates stopped",
    title: "Reload the page to resume live updates (your session or plant may have changed).",
  },
};

/** Whether the tiles follow the machines right now; says so in words, not only a dot. */
export function LiveIndicator({ status }: { status: TLiveStatus }) {
  const text = texts[status];
  return (
    <span className={styles.live} data-status={status} title={text.title} role="status" aria-live="polite">
      <span className={styles.liveDot} aria-hidden="true" />
      {text.label}
    </span>
  );
}
