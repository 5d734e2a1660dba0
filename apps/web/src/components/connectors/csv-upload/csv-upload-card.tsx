"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import { isRecord } from "../schema-form/values";
import { useRefreshConnectors } from "../use-connector-cache";
import { requiredColumnsHint, type TCsvKind } from "./csv-columns-hint";
import styles from "./csv-upload.module.css";
import { FileDropZone } from "./file-drop-zone";
import { FileTextIcon } from "./file-icons";
import { formatFileSize, readCsvFile, type TFileEncoding } from "./read-csv-file";
import { UploadResult } from "./upload-result";

type TCsvUploadCardProps = {
  connectorId: string;
  /** The connector's saved config: its "usual file" is where the choice starts. */
  config: unknown;
  enabled: boolean;
};

type TChosenFile = { name: string; size: number; text: string; encoding: TFileEncoding };

const KINDS: { value: TCsvKind; label: string }[] = [
  { value: "orders", label: "Production orders" },
  { value: "products", label: "Products" },
];

const defaultKindOf = (config: unknown): TCsvKind =>
  isRecord(config) && config.defaultKind === "products" ? "products" : "orders";

/** Upload an orders or products file: read in the browser, imported by the API, the outcome line by line. */
export function CsvUploadCard({ connectorId, config, enabled }: TCsvUploadCardProps) {
  const trpc = useTRPC();
  const refresh = useRefreshConnectors();
  const hintId = useId();
  const problemId = useId();
  const [kind, setKind] = useState<TCsvKind>(() => defaultKindOf(config));
  const [file, setFile] = useState<TChosenFile | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  // A second file chosen while the first is still being read wins.
  const latestPick = useRef(0);
  // Runs, the last run in the status panel and the audit log all show the upload.
  const upload = useMutation(trpc.connectors.uploadCsv.mutationOptions({ onSuccess: () => refresh() }));

  async function choose(picked: File) {
    const pick = ++latestPick.current;
    upload.reset();
    setProblem(null);
    setFile(null);
    setReading(true);
    const read = await readCsvFile(picked).catch(() => ({
      ok: false as const,
      problem: `${picked.name} could not be read. Choose it again; if it is open in Excel, close it first.`,
    }));
    if (pick !== latestPick.current) return;
    setReading(false);
    if (read.ok) setFile({ name: picked.name, size: picked.size, text: read.text, encoding: read.encoding });
    else setProblem(read.problem);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) {
      setProblem("Choose a file to upload first.");
      return;
    }
    upload.mutate({ connectorId, kind, fileName: file.name, text: file.text });
  }

  const uploaded =
    upload.data && upload.variables ? { result: upload.data, fileName: upload.variables.fileName } : null;

  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="csv-upload-title">
      <div className="card-header">
        <div>
          <h2 id="csv-upload-title">Upload a file</h2>
          <p>
            Production orders or products exported from the ERP or a spreadsheet. Uploading a file twice changes
            nothing.
          </p>
        </div>
      </div>
      <div className={`card-body ${styles.body}`}>
        {enabled ? null : <Alert tone="warning">This connector is paused: resume it to upload files.</Alert>}

        <fieldset className={styles.kinds}>
          <legend className="field-label">What the file holds</legend>
          <div className={styles.kindOptions}>
            {KINDS.map((option) => (
              <label key={option.value} className={styles.kindOption}>
                <input
                  type="radio"
                  name="csv-kind"
                  value={option.value}
                  checked={kind === option.value}
                  disabled={upload.isPending}
                  onChange={() => setKind(option.value)}
                />
                {option.label}
              </label>
            ))}
          </div>
        </fieldset>

        <div className="field">
          <FileDropZone
            onFile={choose}
            disabled={!enabled || upload.isPending}
            describedBy={[hintId, problem ? problemId : null].filter(Boolean).join(" ")}
          />
          <span className="field-hint" id={hintId}>
            {requiredColumnsHint(kind)}
          </span>
          {problem ? (
            <span className="field-error" id={problemId} role="alert">
              {problem}
            </span>
          ) : null}
        </div>

        <div className={styles.actions}>
          {file ? (
            <p className={styles.chosen}>
              <FileTextIcon className={styles.chosenIcon} />
              <span className={styles.chosenName}>{file.name}</span>
              <span className="subtle">
                {formatFileSize(file.size)} · {file.encoding}
                {file.encoding === "Windows-1252" ? " (Excel's CSV on Windows)" : ""}
              </span>
            </p>
          ) : (
            <span className={styles.actionStatus} role="status">
              {reading ? "Reading the file…" : "No file chosen."}
            </span>
          )}
          <button type="submit" className="btn btn-primary" disabled={!enabled || reading || upload.isPending}>
            {upload.isPending ? "Uploading…" : `Upload ${kind}`}
          </button>
        </div>

        {upload.isPending ? (
          <p className={styles.actionStatus} role="status">
            Importing {file?.name}… large files take a few seconds.
          </p>
        ) : null}
        {upload.error ? (
          <Alert tone="danger">
            <strong>{upload.variables?.fileName} was not imported.</strong> {apiErrorMessage(upload.error)}
          </Alert>
        ) : null}
        {uploaded ? <UploadResult fileName={uploaded.fileName} result={uploaded.result} /> : null}
      </div>
    </form>
  );
}
