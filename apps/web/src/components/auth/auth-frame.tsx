import type { ReactNode } from "react";
import styles from "./auth-frame.module.css";

const highlights = [
  { title: "Live execution", text: "The state of every work center and order, as it happens." },
  { title: "Decisions on record", text: "Who decided what, why, and under which constraints." },
  { title: "Less chasing", text: "Tasks, escalations and shift handovers that write themselves." },
];

/** The signed-out frame: who we are on the left, the one task at hand on the right. */
export function AuthFrame({ children }: { children: ReactNode }) {
  return (
    <div className={styles.frame}>
      <aside className={styles.brand}>
        <div className={styles.logo}>
          <span className={styles.mark} aria-hidden="true">
            G
          </span>
          Gemba
        </div>
        <div className={styles.pitch}>
          <h1>Execution intelligence for the shop floor.</h1>
          <p>One live, explained picture of what happens between your ERP, your machines and your people.</p>
        </div>
        <ul className={styles.highlights}>
          {highlights.map((item) => (
            <li key={item.title}>
              <strong>{item.title}</strong>
              <span>{item.text}</span>
            </li>
          ))}
        </ul>
      </aside>
      <main className={styles.main}>
        <div className={styles.panel}>{children}</div>
      </main>
    </div>
  );
}
