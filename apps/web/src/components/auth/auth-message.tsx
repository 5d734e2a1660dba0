import type { ReactNode } from "react";
import styles from "./auth-form.module.css";

/** A titled message in the signed-out frame (invalid invitation, no plant yet). */
export function AuthMessage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className={styles.wrap}>
      <header className={styles.header}>
        <h2>{title}</h2>
      </header>
      {children}
    </div>
  );
}
