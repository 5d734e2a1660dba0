"use client";

import { useMemo, useState } from "react";
import { parseConfigText } from "./json-config-editor";
import { compileSchema, type TJsonSchema } from "./schema-form/json-schema";
import { type TFieldErrors, validateValue } from "./schema-form/validate";
import { defaultValue, withoutPlaceholders } from "./schema-form/values";
import { NO_SECRET_EDITS, secretUpdates, type TSecretEdits } from "./secret-fields";
import type { TConnectorDetail, TConnectorKindInfo } from "./types";

type TFormMode = "form" | "json";

type TOptions = {
  kind: TConnectorKindInfo;
  connector: TConnectorDetail | undefined;
  /** Empty while the plant tree loads: work-center checks wait for it. */
  workCenterIds: ReadonlySet<string>;
};

const json = (value: unknown) => JSON.stringify(value ?? null, null, 2);

/**
 * The editor's state: name, config (as the form or as JSON text), typed secrets, and the checks
 * run before anything is sent. The saved snapshot tells whether there are unsaved changes.
 */
export function useConnectorForm({ kind, connector, workCenterIds }: TOptions) {
  const root = useMemo(() => compileSchema(kind.configSchema as TJsonSchema), [kind.configSchema]);
  const [name, setName] = useState(connector?.name ?? "");
  const [config, setConfig] = useState<unknown>(() => (connector ? connector.config : defaultValue(root)));
  const [saved, setSaved] = useState(() => ({
    name: connector?.name ?? "",
    config: json(connector?.config ?? config),
  }));
  const [mode, setMode] = useState<TFormMode>("form");
  const [jsonText, setJsonText] = useState("");
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [secrets, setSecrets] = useState<TSecretEdits>(NO_SECRET_EDITS);
  const [attempted, setAttempted] = useState(false);

  const configErrors: TFieldErrors = useMemo(
    () => (mode === "form" ? validateValue(root, config, workCenterIds.size > 0 ? workCenterIds : null) : {}),
    [mode, root, config, workCenterIds],
  );
  const nameErrors = name.trim() === "" ? ["Give the connector a name."] : [];

  const currentConfigText = mode === "json" ? jsonText : json(config);
  const dirty =
    name !== saved.name ||
    currentConfigText.replaceAll(/\s/g, "") !== saved.config.replaceAll(/\s/g, "") ||
    Object.values(secrets.typed).some((value) => value !== "") ||
    secrets.cleared.size > 0;

  function switchMode(next: TFormMode): boolean {
    if (next === mode) return true;
    if (next === "json") {
      setJsonText(json(config));
      setJsonError(null);
      setMode("json");
      return true;
    }
    const parsed = parseConfigText(jsonText);
    if (!parsed.ok) {
      setJsonError(`${parsed.message}. Fix it to go back to the form.`);
      return false;
    }
    setConfig(parsed.value);
    setMode("form");
    return true;
  }

  /** The config to send, or null (with the reason shown) when it is not ready. */
  function prepare(purpose: "save" | "test"): { config: unknown; secrets: Record<string, string> } | null {
    setAttempted(true);
    let value = config;
    if (mode === "json") {
      const parsed = parseConfigText(jsonText);
      if (!parsed.ok) {
        setJsonError(parsed.message);
        return null;
      }
      setJsonError(null);
      value = parsed.value;
    }
    if (Object.keys(configErrors).length > 0) return null;
    if (purpose === "save" && nameErrors.length > 0) return null;
    return { config: value, secrets: secretUpdates(secrets) };
  }

  function markSaved() {
    setSaved({ name, config: currentConfigText });
    setSecrets(NO_SECRET_EDITS);
    setAttempted(false);
  }

  function fillExample() {
    const example = withoutPlaceholders(kind.exampleConfig);
    setConfig(example);
    setJsonText(json(example));
  }

  return {
    root,
    name,
    setName,
    config,
    setConfig,
    mode,
    switchMode,
    jsonText,
    setJsonText: (text: string) => {
      setJsonText(text);
      setJsonError(null);
    },
    jsonError,
    secrets,
    setSecrets,
    attempted,
    configErrors: attempted ? configErrors : {},
    nameErrors: attempted ? nameErrors : [],
    dirty,
    prepare,
    markSaved,
    fillExample,
  };
}
