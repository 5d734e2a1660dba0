"use client";

import { CheckIcon, CloseIcon } from "~/components/ui/icons";
import styles from "./reasons.module.css";
import type { TToast } from "./use-settings-toast";

/** A saved change confirmed where the admin is looking, whichever part of a long page they edited. */
export function SettingsToast({ toast, onDismiss }: { toast: TToast | null; onDismiss: () => void }) {
  return (
    <div className={styles.toastRegion} role="status" aria-live="polite">
      {toast ? (
        <div key={toast.id} className={styles.toast} data-testid="settings-toast">
          <span className={styles.toastIcon}>
            <CheckIcon size={16} />
          </span>
          <div className={styles.toastText}>
            <strong>{toast.title}</strong>
            {toast.detail ? <span>{toast.detail}</span> : null}
          </div>
          <button type="button" className={`btn btn-ghost ${styles.toastClose}`} onClick={onDismiss}>
            <CloseIcon size={16} />
            <span className="visually-hidden">Dismiss</span>
          </button>
        </div>
      ) : null}
    </div>
  );
}
