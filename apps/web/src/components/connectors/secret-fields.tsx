"use client";

import { useState } from "react";
import styles from "./editor.module.css";
import { RequiredMark } from "./schema-form/field-shell";
import { humanize } from "./schema-form/labels";
import type { TConnectorKindInfo } from "./types";

type TSecretField = TConnectorKindInfo["secretFields"][number];

export type TSecretEdits = {
  /** What the admin typed; fields left blank are not sent, so the stored value stays. */
  typed: Record<string, string>;
  /** Fields to clear: sent as "". */
  cleared: ReadonlySet<string>;
};

export const NO_SECRET_EDITS: TSecretEdits = { typed: {}, cleared: new Set() };

/** Secrets both sides must know (a webhook's signing secret): Gemba can make a strong one. */
const SHARED_SECRET = /^secret$/i;

/** 32 random bytes as hex, like `openssl rand -hex 32`. */
function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Untitled secrets come back titled with their key ("previousSecret" → "Previous secret"). */
export function secretTitle(field: TSecretField): string {
  return field.title === field.key ? humanize(field.key) : field.title;
}

/** The API's semantics: a missing field keeps the stored secret, "" clears it, any other text replaces it. */
export function secretUpdates(edits: TSecretEdits): Record<string, string> {
  const updates: Record<string, string> = {};
  for (const [key, value] of Object.entries(edits.typed)) if (value !== "") updates[key] = value;
  for (const key of edits.cleared) updates[key] = "";
  return updates;
}

type TSecretFieldsProps = {
  fields: TSecretField[];
  /** Which secrets are stored (editing); null for a new connector. */
  secretsSet: Record<string, string> | null;
  edits: TSecretEdits;
  onChange: (edits: TSecretEdits) => void;
  errors: Record<string, string[]>;
  disabled: boolean;
};

/** Passwords and tokens: never shown, only replaced or cleared. */
export function SecretFields({ fields, secretsSet, edits, onChange, errors, disabled }: TSecretFieldsProps) {
  // Only what the admin typed or generated here can be shown; stored secrets never reach the browser.
  const [shown, setShown] = useState<ReadonlySet<string>>(new Set());
  const type = (key: string, value: string) => onChange({ ...edits, typed: { ...edits.typed, [key]: value } });
  const setCleared = (key: string, clear: boolean) => {
    const cleared = new Set(edits.cleared);
    const typed = { ...edits.typed };
    if (clear) {
      cleared.add(key);
      delete typed[key];
    } else cleared.delete(key);
    onChange({ typed, cleared });
  };

  const setRevealed = (key: string, show: boolean) =>
    setShown((previous) => {
      const next = new Set(previous);
      if (show) next.add(key);
      else next.delete(key);
      return next;
    });
  const generate = (key: string) => {
    type(key, randomSecret());
    setRevealed(key, true);
  };

  return (
    <div className={styles.secretGrid}>
      {fields.map((field) => {
        const id = `secret-${field.key}`;
        const title = secretTitle(field);
        const stored = secretsSet?.[field.key] === "set";
        const clearing = edits.cleared.has(field.key);
        const fieldErrors = errors[field.key];
        const typedValue = edits.typed[field.key] ?? "";
        const revealed = shown.has(field.key) && typedValue !== "";
        const hint = clearing
          ? "Will be removed when you save."
          : revealed && SHARED_SECRET.test(field.key)
            ? "Copy it into the sending system now: once saved, nobody can read it back."
            : (field.description ?? null);
        return (
          <div key={field.key} className="field">
            <label className="field-label" htmlFor={id}>
              {title}
              {field.required ? <RequiredMark /> : null}
              {stored && !clearing ? <span className="badge badge-success">Set</span> : null}
            </label>
            <div className={styles.secretRow}>
              <input
                id={id}
                type={revealed ? "text" : "password"}
                autoComplete="new-password"
                spellCheck={false}
                className={`input ${revealed ? "mono" : ""}`}
                value={clearing ? "" : typedValue}
                placeholder={clearing ? "Will be cleared" : stored ? "Set — leave blank to keep" : undefined}
                disabled={disabled || clearing}
                required={field.required && !stored}
                aria-invalid={fieldErrors ? true : undefined}
                aria-describedby={
                  [hint ? `${id}-hint` : null, fieldErrors ? `${id}-error` : null].filter(Boolean).join(" ") ||
                  undefined
                }
                onChange={(event) => type(field.key, event.target.value)}
              />
              {typedValue !== "" ? (
                <button
                  type="button"
                  className="btn btn-ghost"
                  aria-pressed={revealed}
                  onClick={() => setRevealed(field.key, !revealed)}
                >
                  {revealed ? "Hide" : "Show"}
                  <span className="visually-hidden"> {title}</span>
                </button>
              ) : SHARED_SECRET.test(field.key) && !clearing ? (
                <button type="button" className="btn" disabled={disabled} onClick={() => generate(field.key)}>
                  Generate
                  <span className="visually-hidden"> {title}</span>
                </button>
              ) : null}
              {/* A required secret can be replaced, never removed. */}
              {stored && !field.required ? (
                <button
                  type="button"
                  className="btn btn-ghost"
                  disabled={disabled}
                  onClick={() => setCleared(field.key, !clearing)}
                >
                  {clearing ? "Keep" : "Clear"}
                  <span className="visually-hidden"> {title}</span>
                </button>
              ) : null}
            </div>
            {hint ? (
              <span className="field-hint" id={`${id}-hint`}>
                {hint}
              </span>
            ) : null}
            {fieldErrors ? (
              <span className="field-error" id={`${id}-error`}>
                {fieldErrors.join(" ")}
              </span>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
