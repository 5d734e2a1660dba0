"use client";

import { formatClock, parseClock } from "@gemba/domain/calendar/calendar-text";
import type { InputHTMLAttributes } from "react";

type TClockInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "type"> & {
  value: string;
  onChange: (value: string) => void;
};

/**
 * A wall-clock time typed as on a rota, 24-hour ("06:00", "600", "22:30"), tidied on leaving the
 * field. Not `type="time"`: browsers show that in their own locale (01:00 PM), next to the 24-hour
 * times everywhere else in Gemba.
 */
export function ClockInput({ value, onChange, className, ...rest }: TClockInputProps) {
  return (
    <input
      {...rest}
      className={`input ${className ?? ""}`}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder="hh:mm"
      maxLength={5}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onBlur={() => {
        const minute = parseClock(value);
        if (minute !== null && formatClock(minute) !== value) onChange(formatClock(minute));
      }}
    />
  );
}
