"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { SearchIcon } from "~/components/ui/icons";
import styles from "./floor.module.css";

type TWorkCenterCodeJumpProps = { workCenters: { id: string; code: string }[] };

/** Operators often know the code on the machine's plate: type it, go straight there. */
export function WorkCenterCodeJump({ workCenters }: TWorkCenterCodeJumpProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").trim();
    if (!code) {
      setError("Enter the code shown on the work center, e.g. CNC-101.");
      return;
    }
    const match = workCenters.find((workCenter) => workCenter.code.toLowerCase() === code.toLowerCase());
    if (!match) {
      setError(`No work center with code “${code.toUpperCase()}” in this plant. Check the code on the machine plate.`);
      return;
    }
    setError(null);
    router.push(`/floor/${match.id}`);
  }

  return (
    <form className={styles.jump} onSubmit={onSubmit}>
      <label className={styles.jumpField}>
        <span className="visually-hidden">Work-center code</span>
        <SearchIcon size={20} className={styles.jumpIcon} />
        <input
          className={`input ${styles.jumpInput}`}
          name="code"
          placeholder="Enter work-center code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "code-jump-error" : undefined}
          list="work-center-codes"
        />
        <datalist id="work-center-codes">
          {workCenters.map((workCenter) => (
            <option key={workCenter.id} value={workCenter.code} />
          ))}
        </datalist>
      </label>
      <button className="btn btn-primary btn-lg" type="submit">
        Open
      </button>
      {error ? (
        <p id="code-jump-error" className={`field-error ${styles.jumpError}`} role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
