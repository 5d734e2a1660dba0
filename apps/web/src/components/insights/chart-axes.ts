import { formatFigure } from "./insight-types";

const AXIS_TICK = { fontSize: 12, fill: "#5a6676" } as const;

/** A short date axis: the day when the span crosses days, the time otherwise. */
export function timeTick(span: number, timeZone: string) {
  const options: Intl.DateTimeFormatOptions =
    span > 2 * 86_400_000 ? { month: "short", day: "numeric" } : { hour: "2-digit", minute: "2-digit" };
  const format = new Intl.DateTimeFormat("en", { ...options, timeZone });
  return (value: number) => format.format(new Date(value));
}

/**
 * The time axis of the insight charts, as props for recharts' XAxis (spread, because recharts only
 * recognises its own axis elements as direct children of the chart).
 */
export function timeAxisProps(first: number, last: number, timeZone: string) {
  return {
    dataKey: "t",
    type: "number" as const,
    scale: "time" as const,
    domain: [first, last],
    tickFormatter: timeTick(last - first, timeZone),
    tick: AXIS_TICK,
    minTickGap: 24,
  };
}

/** The value axis of the insight charts, as props for recharts' YAxis. */
export const valueAxisProps = {
  tick: AXIS_TICK,
  width: 56,
  domain: ["auto", "auto"] as [string, string],
  tickFormatter: (value: number) => formatFigure(value),
};
