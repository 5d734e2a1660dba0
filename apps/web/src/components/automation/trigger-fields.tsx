"use client";

import { STATE_WORDS } from "@gemba/domain/automation/dry-run-text";
import type { TRuleOptions } from "./automation-types";
import { ChipPicker, WeekdayPicker } from "./chip-picker";
import styles from "./editor.module.css";
import type { TDraftErrors, TRuleDraft, TWhen } from "./rule-draft";

export const WHEN_OPTIONS: readonly { value: TWhen; label: string }[] = [
  { value: "STATE_DURATION", label: "A machine stays in a state too long" },
  { value: "ANDON", label: "An operator calls the andon" },
  { value: "METRIC_THRESHOLD", label: "A measurement crosses a limit" },
  { value: "SCHEDULE", label: "At set times" },
  { value: "CHECKLIST_FAILED", label: "A checklist step fails" },
  { value: "EVENT", label: "A specific event arrives" },
  { value: "INSIGHT_CREATED", label: "A new insight is found" },
];

const EVENT_LABELS: Record<string, string> = {
  "machine.state": "Machine state change",
  "production.count": "Production count",
  "production.scrap": "Scrap",
  telemetry: "Telemetry reading",
  "order.lifecycle": "Order released / started / completed",
  "operator.activity": "Operator activity",
};

const humanize = (code: string) => code.charAt(0) + code.slice(1).toLowerCase().replaceAll("_", " ");

type TFieldsProps = {
  draft: TRuleDraft;
  patch: (change: Partial<TRuleDraft>) => void;
  options: TRuleOptions;
  errors: TDraftErrors;
};

/** "When": the trigger kind in words, then only the fields that kind needs. */
export function TriggerFields({ draft, patch, options, errors }: TFieldsProps) {
  return (
    <div className={styles.step}>
      <div className="field">
        <label className="field-label" htmlFor="rule-when">
          Trigger
        </label>
        <select
          id="rule-when"
          className="select"
          value={draft.when}
          onChange={(event) => {
            const when = event.target.value as TWhen;
            patch(
              when === "ANDON" ? { when, eventKinds: ["operator.activity"], activityType: "ANDON_CALLED" } : { when },
            );
          }}
        >
          {WHEN_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <KindFields draft={draft} patch={patch} options={options} errors={errors} />
    </div>
  );
}

function KindFields({ draft, patch, options, errors }: TFieldsProps) {
  switch (draft.when) {
    case "ANDON":
      return (
        <p className={styles.hint}>
          Fires each time an operator presses the andon button on a work center’s tablet. Narrow it down with “Only if”.
        </p>
      );
    case "STATE_DURATION":
      return (
        <>
          <div className={styles.grid2}>
            <div className="field">
              <label className="field-label" htmlFor="rule-state">
                State
              </label>
              <select
                id="rule-state"
                className="select"
                value={draft.state}
                onChange={(event) => patch({ state: event.target.value })}
              >
                {options.states.map((state) => (
                  <option key={state} value={state}>
                    {STATE_WORDS[state] ?? state}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field-label" htmlFor="rule-minutes">
                For longer than (minutes)
              </label>
              <input
                id="rule-minutes"
                className="input"
                inputMode="numeric"
                value={draft.minutes}
                aria-invalid={errors["trigger.minutes"] ? true : undefined}
                onChange={(event) => patch({ minutes: event.target.value })}
              />
              {errors["trigger.minutes"] ? <span className="field-error">{errors["trigger.minutes"]}</span> : null}
            </div>
          </div>
          <label className={styles.check}>
            <input
              type="checkbox"
              checked={draft.unclassifiedOnly}
              onChange={(event) => patch({ unclassifiedOnly: event.target.checked })}
            />
            Only stops nobody has given a reason yet
          </label>
          <p className={styles.hint}>Fires once per stretch, the moment it has lasted this long.</p>
        </>
      );
    case "METRIC_THRESHOLD":
      return (
        <div className={styles.grid2}>
          <div className="field">
            <label className="field-label" htmlFor="rule-tag">
              Measurement (tag)
            </label>
            <input
              id="rule-tag"
              className="input"
              list="rule-tags"
              value={draft.tag}
              placeholder="spindle_temp"
              aria-invalid={errors["trigger.tag"] ? true : undefined}
              onChange={(event) => patch({ tag: event.target.value })}
            />
            <datalist id="rule-tags">
              {options.telemetryTags.map((tag) => (
                <option key={tag} value={tag} />
              ))}
            </datalist>
            {errors["trigger.tag"] ? <span className="field-error">{errors["trigger.tag"]}</span> : null}
          </div>
          <div className="field">
            <label className="field-label" htmlFor="rule-direction">
              Fires when it
            </label>
            <select
              id="rule-direction"
              className="select"
              value={draft.direction}
              onChange={(event) => patch({ direction: event.target.value as "ABOVE" | "BELOW" })}
            >
              <option value="ABOVE">rises above</option>
              <option value="BELOW">falls below</option>
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor="rule-threshold">
              Limit
            </label>
            <input
              id="rule-threshold"
              className="input"
              inputMode="decimal"
              value={draft.threshold}
              aria-invalid={errors["trigger.threshold"] ? true : undefined}
              onChange={(event) => patch({ threshold: event.target.value })}
            />
            {errors["trigger.threshold"] ? <span className="field-error">{errors["trigger.threshold"]}</span> : null}
          </div>
        </div>
      );
    case "SCHEDULE":
      return (
        <>
          <div className="field">
            <label className="field-label" htmlFor="rule-times">
              Times of day (plant time, comma separated)
            </label>
            <input
              id="rule-times"
              className="input"
              value={draft.times.join(", ")}
              placeholder="06:00, 14:00"
              aria-invalid={errors["trigger.times"] ? true : undefined}
              onChange={(event) => patch({ times: event.target.value.split(",").map((time) => time.trim()) })}
            />
            {errors["trigger.times"] ? <span className="field-error">{errors["trigger.times"]}</span> : null}
          </div>
          <WeekdayPicker
            label="On"
            value={draft.weekdays}
            onChange={(weekdays) => patch({ weekdays })}
            error={errors["trigger.weekdays"]}
          />
        </>
      );
    case "CHECKLIST_FAILED":
      return (
        <ChipPicker
          label="Checklists"
          options={options.checklistTemplates.map((template) => ({ value: template.id, label: template.name }))}
          selected={draft.templateIds}
          onChange={(templateIds) => patch({ templateIds })}
          emptyText="Any checklist"
          error={errors["trigger.templateIds"]}
        />
      );
    case "EVENT":
      return (
        <>
          <ChipPicker
            label="Event kinds"
            options={options.eventKinds.map((kind) => ({ value: kind, label: EVENT_LABELS[kind] ?? kind }))}
            selected={draft.eventKinds}
            onChange={(eventKinds) => patch({ eventKinds })}
            emptyText="Choose at least one"
            error={errors["trigger.eventKinds"]}
          />
          {draft.eventKinds.length === 1 && draft.eventKinds[0] === "operator.activity" ? (
            <div className="field">
              <label className="field-label" htmlFor="rule-activity">
                Activity
              </label>
              <select
                id="rule-activity"
                className="select"
                value={draft.activityType}
                onChange={(event) => patch({ activityType: event.target.value })}
              >
                <option value="">Any activity</option>
                {options.operatorActivityTypes.map((type) => (
                  <option key={type} value={type}>
                    {humanize(type)}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </>
      );
    case "INSIGHT_CREATED":
      return (
        <div className="field">
          <label className="field-label" htmlFor="rule-insights">
            Insight kinds (comma separated, empty for any)
          </label>
          <input
            id="rule-insights"
            className="input"
            value={draft.insightKinds}
            placeholder="SPC, ANOMALY, BOTTLENECK"
            onChange={(event) => patch({ insightKinds: event.target.value })}
          />
        </div>
      );
  }
}
