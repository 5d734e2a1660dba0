"use client";

import { ErrorPanel } from "~/components/ui/error-panel";
import "~/styles/globals.css";
import styles from "./status-page.module.css";

/** Last resort when the root layout itself fails: it must render its own html and body. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <main className={styles.center}>
          <ErrorPanel error={error} retry={retry} />
        </main>
      </body>
    </html>
  );
}
