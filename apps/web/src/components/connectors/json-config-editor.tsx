"use client";

import styles from "./editor.module.css";

type TJsonConfigEditorProps = {
  text: string;
  onChange: (text: string) => void;
  error: string | null;
  disabled: boolean;
};

/** "Edit as JSON": the whole configuration as the API stores it, for copying between plants or bulk edits. */
export function JsonConfigEditor({ text, onChange, error, disabled }: TJsonConfigEditorProps) {
  return (
    <div className="field">
      <label className="field-label" htmlFor="connector-config-json">
        Configuration (JSON)
      </label>
      <textarea
        id="connector-config-json"
        className={`input mono ${styles.jsonEditor}`}
        value={text}
        rows={Math.min(30, Math.max(10, text.split("\n").length + 1))}
        spellCheck={false}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "connector-config-json-error" : "connector-config-json-hint"}
        onChange={(event) => onChange(event.target.value)}
      />
      {error ? (
        <span className="field-error" id="connector-config-json-error">
          {error}
        </span>
      ) : (
        <span className="field-hint" id="connector-config-json-hint">
          Checked against the same schema as the form when you test or save. Secrets never appear here.
        </span>
      )}
    </div>
  );
}

/** Parses the JSON editor's text; the message says where it went wrong. */
export function parseConfigText(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}
