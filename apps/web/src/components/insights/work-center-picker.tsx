"use client";

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTRPC } from "~/trpc/react";

type TPickerProps = { value: string; onChange: (id: string) => void; label?: string };

function usePlantLines() {
  const trpc = useTRPC();
  const tree = useQuery(trpc.plant.tree.queryOptions());
  return { tree, lines: (tree.data ?? []).flatMap((site) => site.areas.flatMap((area) => area.lines)) };
}

/** A work center, grouped by line. */
export function WorkCenterPicker({ value, onChange, label = "Work center" }: TPickerProps) {
  const id = useId();
  const { tree, lines } = usePlantLines();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="select" value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{tree.isPending ? "Loading…" : "Pick a work center"}</option>
        {lines.map((line) => (
          <optgroup key={line.id} label={line.name}>
            {line.workCenters.map((workCenter) => (
              <option key={workCenter.id} value={workCenter.id}>
                {workCenter.code} · {workCenter.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

export function LinePicker({ value, onChange, label = "Line" }: TPickerProps) {
  const id = useId();
  const { tree, lines } = usePlantLines();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="select" value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{tree.isPending ? "Loading…" : "Pick a line"}</option>
        {lines.map((line) => (
          <option key={line.id} value={line.id}>
            {line.name}
          </option>
        ))}
      </select>
    </div>
  );
}
