/**
 * One line per event for timelines and snapshots, from its kind and payload. Payloads come from
 * connectors and were validated on ingest, but are read defensively: an unexpected shape still
 * gives a line, never an error.
 */
export function summarizeEvent(kind: string, payload: unknown): string {
  const data = (typeof payload === "object" && payload !== null ? payload : {}) as Record<string, unknown>;
  const text = (key: string) => (typeof data[key] === "string" ? (data[key] as string) : null);
  const num = (key: string) => (typeof data[key] === "number" ? (data[key] as number) : null);
  switch (kind) {
    case "machine.state": {
      const reason = text("reasonCode") ?? text("reason");
      return `Machine reported ${humanize(text("state") ?? "an unknown state")}${reason ? ` (${humanize(reason)})` : ""}`;
    }
    case "production.count": {
      const total = num("total") ?? 0;
      const good = num("good") ?? total;
      return `Counted ${total} unit${total === 1 ? "" : "s"} (${good} good)`;
    }
    case "production.scrap": {
      const quantity = num("quantity") ?? 0;
      const reason = text("reasonCode");
      return `Scrapped ${quantity} unit${quantity === 1 ? "" : "s"}${reason ? `: ${humanize(reason)}` : ""}`;
    }
    case "telemetry":
      return `${text("tag") ?? "Signal"} = ${num("value") ?? "?"}${text("unit") ? ` ${text("unit")}` : ""}`;
    case "order.lifecycle":
      return `Order ${text("orderExternalId") ?? "?"} ${humanize(text("transition") ?? "changed")}`;
    case "operator.activity": {
      const note = text("note");
      return `${capitalize(humanize(text("type") ?? "operator activity"))}${note ? `: ${note}` : ""}`;
    }
    default:
      return capitalize(humanize(kind));
  }
}

/** MATERIAL_STARVED → "material starved". */
function humanize(code: string): string {
  return code
    .replaceAll(/[._-]+/g, " ")
    .trim()
    .toLowerCase();
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Event kinds that arrive many times a minute: summed or left out of timelines rather than listed. */
export const HIGH_VOLUME_EVENT_KINDS = ["production.count", "telemetry"] as const;
