import type { TFieldNode } from "./json-schema";

/**
 * Labels for fields whose schema has no `title`. Connector schemas title most fields; the
 * shared mapping rules (`as`, `match`) do not, and "As" would read badly in a form.
 */
const KNOWN_LABELS: Record<string, string> = {
  as: "Maps to",
  format: "Format",
  from: "Source",
  workCenterId: "Work center",
  edgeNode: "Edge node",
  nodeId: "Node id",
  states: "State values",
};

/** "reasonCode" → "Reason code", "count_total" → "Count total". */
export function humanize(key: string): string {
  const words = key
    .replaceAll(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replaceAll(/[_.-]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function labelOf(key: string, node: TFieldNode): string {
  return node.title ?? KNOWN_LABELS[key] ?? humanize(key);
}

/** What one row of a list is called: "Devices" → "Device", "Metric mapping" → "Rule". */
export function rowNoun(listLabel: string): string {
  if (/mapping$/i.test(listLabel)) return "Rule";
  if (/ies$/.test(listLabel)) return `${listLabel.slice(0, -3)}y`;
  if (/[^s]s$/.test(listLabel)) return listLabel.slice(0, -1);
  return "Entry";
}

type TRange = { minimum?: number; maximum?: number; exclusiveMinimum?: boolean; exclusiveMaximum?: boolean };

/** "Between 1 and 3,600." (or "More than 0, at most 86,400.") for the help text of a number field. */
export function rangeHint({ minimum, maximum, exclusiveMinimum, exclusiveMaximum }: TRange): string | null {
  const format = (value: number) => new Intl.NumberFormat("en-US").format(value);
  if (minimum !== undefined && maximum !== undefined && !exclusiveMinimum && !exclusiveMaximum) {
    return `Between ${format(minimum)} and ${format(maximum)}.`;
  }
  const lower = minimum === undefined ? null : `${exclusiveMinimum ? "more than" : "at least"} ${format(minimum)}`;
  const upper = maximum === undefined ? null : `${exclusiveMaximum ? "less than" : "at most"} ${format(maximum)}`;
  const text = [lower, upper].filter(Boolean).join(", ");
  return text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}.` : null;
}

const FORMAT_HINTS: Record<string, string> = {
  uri: "A full address, starting with http:// or https://.",
  email: "An email address.",
  "date-time": "Date and time, e.g. 2026-03-01T06:00:00Z.",
  date: "A date, e.g. 2026-03-01.",
};

export function formatHint(format: string | undefined): string | null {
  return format ? (FORMAT_HINTS[format] ?? null) : null;
}

const PROPER_NOUNS = /^(Sparkplug|SafetyCulture|MTConnect|OPC|ERP|MQTT|OData|CSV|JSON)\b/;

/** "Device" → "device" inside a sentence ("Add device"); product names keep their case. */
export function inSentence(label: string): string {
  return PROPER_NOUNS.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}
