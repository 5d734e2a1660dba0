"use client";

import { type DragEvent, useId, useState } from "react";
import styles from "./csv-upload.module.css";
import { UploadIcon } from "./file-icons";

type TFileDropZoneProps = {
  onFile: (file: File) => void;
  disabled: boolean;
  /** Ids of the hint and of the current problem, read out with the file input. */
  describedBy: string | undefined;
};

const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes("Files");

/** A file input that also takes a dropped file: the whole box opens the file picker, and keyboard users tab to it. */
export function FileDropZone({ onFile, disabled, describedBy }: TFileDropZoneProps) {
  const inputId = useId();
  const [dragging, setDragging] = useState(false);

  function onDragOver(event: DragEvent<HTMLDivElement>) {
    if (disabled || !hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setDragging(true);
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    if (disabled) return;
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is the mouse shortcut; the file input inside is the accessible control.
    <div
      className={styles.dropZone}
      data-dragging={dragging || undefined}
      data-disabled={disabled || undefined}
      onDragOver={onDragOver}
      onDragLeave={(event) => {
        // Moving onto the label or the icon inside is not leaving.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <UploadIcon size={22} className={styles.dropIcon} />
      <label htmlFor={inputId} className={styles.dropLabel}>
        <span className={styles.dropAction}>Choose a file</span> or drop it here
      </label>
      <span className="subtle">.csv or .txt, up to 10 MB</span>
      <input
        id={inputId}
        type="file"
        accept=".csv,.txt,text/csv,text/plain"
        className="visually-hidden"
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared so that choosing the same file again (after fixing it) fires a change.
          event.target.value = "";
          if (file) onFile(file);
        }}
      />
    </div>
  );
}
