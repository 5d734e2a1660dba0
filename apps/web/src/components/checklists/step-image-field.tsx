"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ImageIcon } from "~/components/ui/icons";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import styles from "./editor.module.css";
import { ImageScaleError, scaleImage } from "./scale-image";

type TStepImageFieldProps = {
  imageId: string | null;
  stepLabel: string;
  onChange: (imageId: string | null) => void;
};

/** An image shown with a step (the part, the gauge, the guard): scaled in the browser, uploaded, previewed. */
export function StepImageField({ imageId, stepLabel, onChange }: TStepImageFieldProps) {
  const trpc = useTRPC();
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [scaling, setScaling] = useState(false);
  const upload = useMutation(trpc.checklists.media.upload.mutationOptions());
  const busy = scaling || upload.isPending;

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    setScaling(true);
    try {
      const scaled = await scaleImage(file);
      setScaling(false);
      const stored = await upload.mutateAsync({ contentType: scaled.contentType, dataBase64: scaled.dataBase64 });
      onChange(stored.mediaId);
    } catch (error) {
      setProblem(error instanceof ImageScaleError ? error.message : apiErrorMessage(error));
    } finally {
      setScaling(false);
    }
  };

  return (
    <div className={styles.imageField}>
      {imageId ? (
        <div className={styles.imagePreview}>
          {/* biome-ignore lint/performance/noImgElement: the tenant's own uploaded image, served from /api/media. */}
          <img src={`/api/media/${imageId}`} alt={`Shown with ${stepLabel}`} data-testid="step-image-preview" />
          <button type="button" className="btn btn-ghost" onClick={() => onChange(null)}>
            Remove image
          </button>
        </div>
      ) : null}
      <div>
        <label htmlFor={id} className="btn" aria-disabled={busy ? "true" : undefined}>
          <ImageIcon size={16} /> {busy ? "Uploading…" : imageId ? "Replace image" : "Add image"}
        </label>
        <input
          id={id}
          className="visually-hidden"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          aria-label={`Image for ${stepLabel}`}
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            void choose(file);
          }}
        />
      </div>
      {problem ? (
        <span className="field-error" role="alert">
          {problem}
        </span>
      ) : null}
    </div>
  );
}
