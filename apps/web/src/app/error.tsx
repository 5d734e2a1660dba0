"use client";

import { ErrorPanel } from "~/components/ui/error-panel";
import styles from "./status-page.module.css";

export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main className={styles.center}>
      <ErrorPanel error={error} retry={retry} />
    </main>
  );
}
