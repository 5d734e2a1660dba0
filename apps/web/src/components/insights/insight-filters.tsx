"use client";

import {
  INSIGHT_KINDS,
  INSIGHT_STATUSES,
  type TInsightKind,
  type TInsightStatus,
} from "@gemba/domain/insights/insight";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTRPC } from "~/trpc/react";
import { insightKindLabels, insightStatusLabels } from "./insight-types";
import styles from "./insights.module.css";

export type TInsightFilter = {
  kind: TInsightKind | "";
  lineId: string;
  status: TInsightStatus | "";
  includeSuppressed: boolean;
};

export const NO_FILTER: TInsightFilter = { kind: "", lineId: "", status: "", includeSuppressed: false };

/** Kind, line and status pickers above the feed; "show hidden" brings back voted-down detectors. */
export function InsightFilters({
  value,
  onChange,
}: {
  value: TInsightFilter;
  onChange: (next: TInsightFilter) => void;
}) {
  const trpc = useTRPC();
  const ids = useId();
  const tree = useQuery(trpc.plant.tree.queryOptions());
  const lines = (tree.data ?? []).flatMap((site) => site.areas.flatMap((area) => area.lines));
  const set = (patch: Partial<TInsightFilter>) => onChange({ ...value, ...patch });
  return (
    <div className={styles.filters}>
      <div className="field">
        <label className="field-label" htmlFor={`${ids}-kind`}>
          Kind
        </label>
        <select
          id={`${ids}-kind`}
          className="select"
          value={value.kind}
          onChange={(event) => set({ kind: event.target.value as TInsightFilter["kind"] })}
        >
          <option value="">All kinds</option>
          {INSIGHT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {insightKindLabels[kind]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${ids}-line`}>
          Line
        </label>
        <select
          id={`${ids}-line`}
          className="select"
          value={value.lineId}
          onChange={(event) => set({ lineId: event.target.value })}
        >
          <option value="">All lines</option>
          {lines.map((line) => (
            <option key={line.id} value={line.id}>
              {line.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${ids}-status`}>
          Status
        </label>
        <select
          id={`${ids}-status`}
          className="select"
          value={value.status}
          onChange={(event) => set({ status: event.target.value as TInsightFilter["status"] })}
        >
          <option value="">Any status</option>
          {INSIGHT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {insightStatusLabels[status]}
            </option>
          ))}
        </select>
      </div>
      <label className={styles.checkboxField}>
        <input
          type="checkbox"
          checked={value.includeSuppressed}
          onChange={(event) => set({ includeSuppressed: event.target.checked })}
        />
        Show hidden detectors
      </label>
    </div>
  );
}

export function filterToInput(filter: TInsightFilter) {
  return {
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.lineId ? { lineId: filter.lineId } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    includeSuppressed: filter.includeSuppressed,
    limit: 20,
  };
}
