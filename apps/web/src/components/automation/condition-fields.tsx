"use client";

import type { TRuleOptions } from "./automation-types";
import { ChipPicker, WeekdayPicker } from "./chip-picker";
import styles from "./editor.module.css";
import type { TDraftErrors, TRuleDraft } from "./rule-draft";

type TConditionFieldsProps = {
  draft: TRuleDraft;
  patch: (change: Partial<TRuleDraft>) => void;
  options: TRuleOptions;
  errors: TDraftErrors;
};

/** "Only if": each list narrows the rule; an empty one means any. All must hold. */
export function ConditionFields({ draft, patch, options, errors }: TConditionFieldsProps) {
  const lineName = new Map(options.lines.map((line) => [line.id, line.name]));
  return (
    <div className={styles.step}>
      <div className={styles.grid2}>
        <ChipPicker
          label="Work centers"
          options={options.workCenters.map((workCenter) => ({
            value: workCenter.id,
            label: `${workCenter.code} · ${workCenter.name}${lineName.has(workCenter.lineId) ? ` (${lineName.get(workCenter.lineId)})` : ""}`,
          }))}
          selected={draft.workCenterIds}
          onChange={(workCenterIds) => patch({ workCenterIds })}
          emptyText="Any work center"
          error={errors["conditions.workCenterIds"]}
        />
        <ChipPicker
          label="Lines"
          options={options.lines.map((line) => ({ value: line.id, label: line.name }))}
          selected={draft.lineIds}
          onChange={(lineIds) => patch({ lineIds })}
          emptyText="Any line"
          error={errors["conditions.lineIds"]}
        />
        <ChipPicker
          label="Shifts"
          options={options.shiftNames.map((name) => ({ value: name, label: name }))}
          selected={draft.shiftNames}
          onChange={(shiftNames) => patch({ shiftNames })}
          emptyText={options.shiftNames.length === 0 ? "Any time (no shift calendar yet)" : "Any shift"}
          error={errors["conditions.shiftNames"]}
        />
        <ChipPicker
          label="Products"
          options={options.products.map((product) => ({
            value: product.id,
            label: `${product.sku} · ${product.name}`,
          }))}
          selected={draft.productIds}
          onChange={(productIds) => patch({ productIds })}
          emptyText="Any product"
          hint="The product of the order running at the work center."
          error={errors["conditions.productIds"]}
        />
        <ChipPicker
          label="Reasons"
          options={options.reasons.map((reason) => ({
            value: reason.code,
            label: `${reason.label}${reason.active ? "" : " (inactive)"}`,
          }))}
          selected={draft.reasonCodes}
          onChange={(reasonCodes) => patch({ reasonCodes })}
          emptyText="Any reason, or none"
          error={errors["conditions.reasonCodes"]}
        />
      </div>
      <label className={styles.check}>
        <input
          type="checkbox"
          checked={draft.useTimeWindow}
          onChange={(event) => patch({ useTimeWindow: event.target.checked })}
        />
        Only at certain times of day
      </label>
      {draft.useTimeWindow ? (
        <>
          <div className={styles.grid2}>
            <div className="field">
              <label className="field-label" htmlFor="rule-window-from">
                From (plant time)
              </label>
              <input
                id="rule-window-from"
                className="input"
                value={draft.windowFrom}
                placeholder="06:00"
                onChange={(event) => patch({ windowFrom: event.target.value })}
              />
              {errors["conditions.timeWindow.from"] ? (
                <span className="field-error">{errors["conditions.timeWindow.from"]}</span>
              ) : null}
            </div>
            <div className="field">
              <label className="field-label" htmlFor="rule-window-to">
                Until
              </label>
              <input
                id="rule-window-to"
                className="input"
                value={draft.windowTo}
                placeholder="22:00"
                onChange={(event) => patch({ windowTo: event.target.value })}
              />
              {errors["conditions.timeWindow.to"] ? (
                <span className="field-error">{errors["conditions.timeWindow.to"]}</span>
              ) : null}
            </div>
          </div>
          <WeekdayPicker
            label="On (none chosen = every day)"
            value={draft.windowWeekdays}
            onChange={(windowWeekdays) => patch({ windowWeekdays })}
          />
          <p className={styles.hint}>A window may run past midnight, e.g. 22:00–06:00.</p>
        </>
      ) : null}
    </div>
  );
}
