"use client";

import { CONSTRAINT_KINDS, constraintKindLabels, type TConstraintKind } from "@gemba/domain/decisions/decision-kinds";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { SearchField } from "~/components/ui/search-field";
import { useTRPC } from "~/trpc/react";
import styles from "./decisions.module.css";

export type TDecisionFilter = {
  q: string;
  constraintKind: TConstraintKind | "";
  workCenterId: string;
  from: string;
  to: string;
};

export const NO_FILTER: TDecisionFilter = { q: "", constraintKind: "", workCenterId: "", from: "", to: "" };

export function isFiltered(filter: TDecisionFilter): boolean {
  return Object.values(filter).some((value) => value !== "");
}

/** Search words, constraint kind, work center and plant-local dates; typing waits a moment before searching. */
export function DecisionFilters({
  value,
  onChange,
}: {
  value: TDecisionFilter;
  onChange: (next: TDecisionFilter) => void;
}) {
  const trpc = useTRPC();
  const ids = useId();
  const tree = useQuery(trpc.plant.tree.queryOptions());
  const [words, setWords] = useState(value.q);
  useEffect(() => setWords(value.q), [value.q]);
  useEffect(() => {
    if (words === value.q) return;
    const timer = window.setTimeout(() => onChange({ ...value, q: words }), 300);
    return () => window.clearTimeout(timer);
  }, [words, value, onChange]);
  const lines = (tree.data ?? []).flatMap((site) => site.areas.flatMap((area) => area.lines));
  const id = (name: string) => `${ids}-${name}`;
  return (
    <section className="card" aria-label="Filter decisions">
      <div className={styles.filters}>
        <SearchField
          id={id("q")}
          value={words}
          maxLength={100}
          placeholder="Title or reasons"
          onChange={setWords}
          className={styles.searchField}
        />
        <div className="field">
          <label className="field-label" htmlFor={id("kind")}>
            Constraint
          </label>
          <select
            id={id("kind")}
            className="select"
            value={value.constraintKind}
            onChange={(event) => onChange({ ...value, constraintKind: event.target.value as TConstraintKind | "" })}
          >
            <option value="">Any</option>
            {CONSTRAINT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {constraintKindLabels[kind]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={id("wc")}>
            Work center
          </label>
          <select
            id={id("wc")}
            className="select"
            value={value.workCenterId}
            onChange={(event) => onChange({ ...value, workCenterId: event.target.value })}
          >
            <option value="">All</option>
            {lines.map((line) => (
              <optgroup key={line.id} label={line.name}>
                {line.workCenters.map((center) => (
                  <option key={center.id} value={center.id}>
                    {center.code} · {center.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className={`field ${styles.dateField}`}>
          <label className="field-label" htmlFor={id("from")}>
            From
          </label>
          <input
            id={id("from")}
            type="date"
            className="input"
            value={value.from}
            max={value.to || undefined}
            onChange={(event) => onChange({ ...value, from: event.target.value })}
          />
        </div>
        <div className={`field ${styles.dateField}`}>
          <label className="field-label" htmlFor={id("to")}>
            To
          </label>
          <input
            id={id("to")}
            type="date"
            className="input"
            value={value.to}
            min={value.from || undefined}
            onChange={(event) => onChange({ ...value, to: event.target.value })}
          />
        </div>
        <button
          type="button"
          className="btn btn-ghost"
          disabled={!isFiltered(value) && words === ""}
          onClick={() => {
            setWords("");
            onChange(NO_FILTER);
          }}
        >
          Clear
        </button>
      </div>
    </section>
  );
}
