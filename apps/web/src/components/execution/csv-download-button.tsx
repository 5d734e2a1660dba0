"use client";

import { useState } from "react";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPCClient } from "~/trpc/react";
import styles from "./analysis.module.css";
import type { TExportInput } from "./execution-types";

/** Fetches the list as CSV from the server (same filters as on screen) and saves it as a file. */
export function CsvDownloadButton({ input, label }: { input: TExportInput; label: string }) {
  const client = useTRPCClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function download() {
    setBusy(true);
    setError(null);
    try {
      const { fileName, csv } = await client.execution.export.query(input);
      const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      // Give the browser a moment to start the download before the URL goes away.
      window.setTimeout(() => URL.revokeObjectURL(url), 1_000);
    } catch (caught) {
      setError(`Download failed. ${apiErrorMessage(caught)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className={styles.csv}>
      <button
        type="button"
        className="btn"
        onClick={() => void download()}
        disabled={busy}
        aria-label={`Download CSV: ${label}`}
      >
        {busy ? "Preparing…" : "Download CSV"}
      </button>
      {error ? (
        <span className={styles.csvError} role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
