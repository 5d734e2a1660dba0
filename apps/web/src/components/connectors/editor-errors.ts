import { apiErrorCode, apiErrorMessage, apiFieldErrors } from "~/lib/api-error";
import type { TFieldErrors } from "./schema-form/validate";

export type TServerIssues = {
  /** By config path, e.g. "devices.0.workCenterId". */
  config: TFieldErrors;
  /** By secret field name. */
  secrets: TFieldErrors;
  name: string[];
  /** What cannot be pinned to a field: shown above the form. */
  general: string[];
};

export const NO_ISSUES: TServerIssues = { config: {}, secrets: {}, name: [], general: [] };

const CONFIG_PREFIX = "Check the configuration — ";
const SECRETS_PREFIX = "Check the secrets — ";

/** "devices.0.workCenterId: Invalid UUID; agentUrl: Invalid URL" → messages by path. */
function splitIssues(text: string): TFieldErrors {
  const errors: TFieldErrors = {};
  for (const issue of text.split("; ")) {
    const separator = issue.indexOf(": ");
    const path = separator > 0 ? issue.slice(0, separator) : "(root)";
    const message = separator > 0 ? issue.slice(separator + 2) : issue;
    const key = path === "(root)" ? "" : path;
    errors[key] = [...(errors[key] ?? []), readable(message)];
  }
  return errors;
}

const capitalize = (text: string) => (text ? text.charAt(0).toUpperCase() + text.slice(1) : text);

/** zod's wording for a missing field ("Invalid input: expected string, received undefined") is "Required." here. */
const readable = (message: string) =>
  /expected [\w ]+, received undefined$/.test(message) ? "Required." : capitalize(message);

/**
 * The API validates config and secrets with the kind's zod schema and names each problem's
 * path in its BAD_REQUEST message; this puts each message next to its field.
 */
export function issuesFromError(error: unknown): TServerIssues {
  if (!error) return NO_ISSUES;
  const message = apiErrorMessage(error);
  const issues: TServerIssues = { config: {}, secrets: {}, name: [], general: [] };
  if (message.startsWith(CONFIG_PREFIX)) {
    issues.config = splitIssues(message.slice(CONFIG_PREFIX.length));
  } else if (message.startsWith(SECRETS_PREFIX)) {
    issues.secrets = splitIssues(message.slice(SECRETS_PREFIX.length));
  } else if (apiErrorCode(error) === "CONFLICT") {
    issues.name = [message];
  } else {
    const fields = apiFieldErrors(error);
    if (Object.keys(fields).length === 0) issues.general = [message];
    for (const [path, messages] of Object.entries(fields)) {
      if (path === "name") issues.name = messages;
      else if (path.startsWith("config.")) issues.config[path.slice("config.".length)] = messages;
      else if (path.startsWith("secrets.")) issues.secrets[path.slice("secrets.".length)] = messages;
      else issues.general.push(...messages.map((text) => `${path}: ${text}`));
    }
  }
  // Messages about the whole config (no path) are not any one field's.
  const root = issues.config[""];
  if (root) {
    issues.general.push(...root);
    delete issues.config[""];
  }
  return issues;
}

export function mergeErrors(...sources: TFieldErrors[]): TFieldErrors {
  const merged: TFieldErrors = {};
  for (const source of sources) {
    for (const [path, messages] of Object.entries(source)) merged[path] = [...(merged[path] ?? []), ...messages];
  }
  return merged;
}
