"use client";

import { useId, useState } from "react";
import { CameraIcon } from "~/components/ui/icons";
import styles from "./runner.module.css";

type TPhotoAnswerProps = {
  mediaId: string | null;
  /** Scales and uploads the file; resolves with the stored media id, rejects with a message for the operator. */
  upload: (file: File) => Promise<string>;
  onUploaded: (mediaId: string) => void;
};

/**
 * Take a photo with the tablet's back camera (or pick a file on a desktop). The label is the
 * button, so the whole 56 px target opens the camera; the file input itself stays hidden.
 */
export function PhotoAnswer({ mediaId, upload, onUploaded }: TPhotoAnswerProps) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const take = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      onUploaded(await upload(file));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "The photo could not be sent. Try again.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.photoAnswer}>
      {mediaId ? (
        // biome-ignore lint/performance/noImgElement: a photo taken during the run, served from /api/media.
        <img className={styles.photo} src={`/api/media/${mediaId}`} alt="Taken at this step" />
      ) : null}
      <label htmlFor={id} className={`btn btn-lg ${styles.photoButton}`} aria-disabled={busy ? "true" : undefined}>
        <CameraIcon size={22} /> {busy ? "Sending photo…" : mediaId ? "Retake photo" : "Take photo"}
      </label>
      <input
        id={id}
        className="visually-hidden"
        type="file"
        accept="image/*"
        capture="environment"
        disabled={busy}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          void take(file);
        }}
      />
      {error ? (
        <p className={styles.stepError} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
