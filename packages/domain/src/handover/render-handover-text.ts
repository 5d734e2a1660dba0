import { displayRatio } from "../execution/oee";
import { HANDOVER_LOSS_KEYS, handoverLossLabels, type THandoverOee, type THandoverSummary } from "./handover-summary";

export type THandoverText = {
  notes: string;
  /** The incoming lead's note, once acknowledged. */
  acknowledgeNote?: string | null;
};

/**
 * The handover as plain text, in the site's clock: what is printed or pasted into an e-mail,
 * and (lower-cased) what history search reads, so a word found in the text is a word on the page.
 */
export function renderHandoverText(summary: THandoverSummary, text: THandoverText): string {
  const { timeZone } = summary.site;
  const time = (iso: string) => formatClock(iso, timeZone);
  const dayAndTime = (iso: string) => `${formatDay(iso, timeZone, false)} ${time(iso)}`;
  const out: string[] = [];
  const section = (title: string, rows: string[], empty: string) => {
    out.push("", title);
    out.push(...(rows.length > 0 ? rows.map((row) => `- ${row}`) : [`  ${empty}`]));
  };

  out.push(`Shift handover — ${summary.site.name}`);
  out.push(
    `${summary.shift.name} shift, ${formatDay(summary.shift.start, timeZone, true)}, ${time(summary.shift.start)}–${time(summary.shift.end)} (${timeZone})`,
  );
  if (summary.coveredUntil < summary.shift.end) {
    out.push(`Figures up to ${time(summary.coveredUntil)}: drafted while the shift was running.`);
  }
  out.push("", oeeLine(summary.oee.site));
  out.push(
    `Planned ${formatMinutes(summary.oee.site.plannedMinutes)}, run ${formatMinutes(summary.oee.site.runMinutes)}; ${summary.oee.site.goodCount} good of ${summary.oee.site.totalCount} units.`,
  );
  const losses = HANDOVER_LOSS_KEYS.filter((key) => summary.oee.site.lossMinutes[key] > 0).map(
    (key) => `${handoverLossLabels[key].toLowerCase()} ${formatMinutes(summary.oee.site.lossMinutes[key])}`,
  );
  out.push(`Losses: ${losses.length > 0 ? losses.join(", ") : "none recorded"}.`);

  section(
    "Lines",
    summary.oee.lines.map((line) => `${line.code} ${line.name}: ${oeeLine(line)}`),
    "No lines at this site.",
  );
  section(
    "Top downtimes",
    summary.topDowntimes.map(
      (stop) =>
        `${stop.workCenterCode} ${stop.workCenterName}: ${stop.reasonLabel}, ${formatMinutes(stop.minutes)} in ${plural(stop.count, "stop")}`,
    ),
    "No downtime in this shift.",
  );
  section(
    "Orders progressed",
    summary.orders.map((order) => {
      const flag = order.late ? " — late" : order.atRisk ? " — at risk" : "";
      const where = order.workCenterCode ? ` (${order.workCenterCode})` : "";
      return `${order.externalId} ${order.productName}${where}: ${order.producedGoodInShift} good this shift, ${order.producedGood} of ${order.quantity} (${formatPercent(order.progress, false)}), due ${dayAndTime(order.dueAt)}${flag}`;
    }),
    "No order made progress in this shift.",
  );
  const { tasks } = summary;
  section(
    `Open tasks: ${tasks.openCount} (${tasks.urgentCount} urgent, ${tasks.overdueCount} overdue)`,
    tasks.top.map((task) => {
      const where = task.workCenterCode ? ` (${task.workCenterCode})` : "";
      const due = task.dueAt ? `, due ${dayAndTime(task.dueAt)}${task.overdue ? " — overdue" : ""}` : "";
      return `[${capitalize(task.priority)}] ${task.title}${where}${due}`;
    }),
    "Nothing open.",
  );
  section(
    "Decisions taken",
    summary.decisions.map((decision) => {
      const where = decision.workCenterCode ? ` (${decision.workCenterCode})` : "";
      return `${time(decision.decidedAt)} ${decision.title} — ${decision.decidedBy}${where}`;
    }),
    "No decision was logged in this shift.",
  );
  section(
    "Unclassified downtimes still open",
    summary.unclassifiedDowntimes.map(
      (stop) =>
        `${stop.workCenterCode} ${stop.workCenterName}: since ${dayAndTime(stop.since)}, ${formatMinutes(stop.minutes)}${stop.ongoing ? ", still down" : ""}`,
    ),
    "Every stop has a reason.",
  );
  out.push("", "Notes from the outgoing lead", text.notes.trim() || "  (none)");
  if (text.acknowledgeNote?.trim()) out.push("", "Note from the incoming lead", text.acknowledgeNote.trim());
  return out.join("\n");
}

/** What history search looks in: the notes and the whole report, lower-cased. */
export function handoverSearchText(summary: THandoverSummary, text: THandoverText): string {
  return renderHandoverText(summary, text).toLowerCase();
}

function oeeLine(figures: THandoverOee): string {
  if (figures.oee === null) return "OEE — (no planned production time)";
  return `OEE ${formatPercent(figures.oee)} · availability ${formatPercent(figures.availability)} · performance ${formatPercent(figures.performance)} · quality ${formatPercent(figures.quality)}`;
}

/** "87.5 %"; ratios above 1 are shown capped (display only), "—" without a base. */
export function formatPercent(ratio: number | null, cap = true): string {
  const shown = cap ? displayRatio(ratio) : ratio;
  return shown === null ? "—" : `${(shown * 100).toFixed(1)} %`;
}

export function formatMinutes(minutes: number): string {
  const whole = Math.round(minutes);
  if (whole < 90) return `${whole} min`;
  return `${Math.floor(whole / 60)} h ${whole % 60} min`;
}

function formatClock(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
    new Date(iso),
  );
}

/** "Mon 16 Nov" or "Mon 16 Nov 2026", assembled from parts so ICU's punctuation cannot vary it. */
function formatDay(iso: string, timeZone: string, withYear: boolean): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? "";
  const day = `${part("weekday")} ${part("day")} ${part("month")}`;
  return withYear ? `${day} ${part("year")}` : day;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function capitalize(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase();
}
