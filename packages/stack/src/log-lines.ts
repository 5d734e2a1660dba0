import type { Palette } from "./print";

// pino's numeric levels.
const LEVELS: Record<number, { label: string; color: keyof Palette }> = {
  10: { label: "TRACE", color: "dim" },
  20: { label: "DEBUG", color: "dim" },
  30: { label: "INFO ", color: "green" },
  40: { label: "WARN ", color: "yellow" },
  50: { label: "ERROR", color: "red" },
  60: { label: "FATAL", color: "red" },
};

const HIDDEN_FIELDS = new Set(["level", "time", "msg", "pid", "hostname", "name", "v"]);

/**
 * The web app and worker log pino JSON (right for log shipping); at the terminal, one JSON line
 * becomes "INFO  worker ready queues=[…]". Anything that is not a pino line passes unchanged.
 */
export function formatLogLine(line: string, palette: Palette): string {
  if (!line.startsWith("{")) return line;
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return line;
  }
  if (typeof record !== "object" || record === null || Array.isArray(record)) return line;
  const fields = Object.entries(record);
  const level = fields.find(([key]) => key === "level")?.[1];
  const message = fields.find(([key]) => key === "msg")?.[1];
  if (typeof level !== "number" || typeof message !== "string") return line;
  const style = LEVELS[level] ?? { label: String(level).padEnd(5), color: "dim" };
  const stacks: string[] = [];
  const extras: string[] = [];
  for (const [key, value] of fields) {
    if (HIDDEN_FIELDS.has(key)) continue;
    const stack = stackOf(value);
    if (stack) stacks.push(stack);
    else extras.push(`${key}=${typeof value === "string" ? value : JSON.stringify(value)}`);
  }
  const head = [
    palette[style.color](style.label),
    message,
    ...(extras.length > 0 ? [palette.dim(extras.join(" "))] : []),
  ];
  // A serialized error keeps its stack on lines of its own, as Node would print it.
  return [head.join(" "), ...stacks].join("\n");
}

function stackOf(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || !("stack" in value)) return undefined;
  return typeof value.stack === "string" ? value.stack : undefined;
}
