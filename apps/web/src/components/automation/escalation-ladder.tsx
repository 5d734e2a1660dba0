"use client";

import { ROLES, roleLabels, type TRole } from "@gemba/domain/roles";
import { CloseIcon, PlusIcon } from "~/components/ui/icons";
import styles from "./editor.module.css";
import { newKey, type TActionDraft, type TDraftErrors } from "./rule-draft";

export function RoleSelect({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: TRole;
  onChange: (role: TRole) => void;
}) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="select" value={value} onChange={(event) => onChange(event.target.value as TRole)}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {roleLabels[role]}
          </option>
        ))}
      </select>
    </div>
  );
}

type TLadderProps = {
  action: TActionDraft;
  index: number;
  update: (change: Partial<TActionDraft>) => void;
  errors: TDraftErrors;
};

/** Rungs: if the task is still unacknowledged this long after reaching its holder, it goes to the next role. */
export function EscalationLadder({ action, index, update, errors }: TLadderProps) {
  const setRung = (at: number, change: Partial<TActionDraft["escalation"][number]>) =>
    update({
      escalation: action.escalation.map((rung, position) => (position === at ? { ...rung, ...change } : rung)),
    });
  return (
    <fieldset className={styles.ladder} style={{ border: 0, padding: 0, margin: 0 }}>
      <legend className="field-label">Escalation if nobody acknowledges it</legend>
      {action.escalation.length === 0 ? <span className={styles.anyNote}>No escalation.</span> : null}
      {action.escalation.map((rung, at) => (
        <div key={rung.key} className={styles.rung}>
          <span className={styles.rungLabel}>Step {at + 1}: after</span>
          <div className="field">
            <label className="visually-hidden" htmlFor={`rung-${rung.key}-minutes`}>
              Escalation step {at + 1} after minutes
            </label>
            <input
              id={`rung-${rung.key}-minutes`}
              className="input"
              inputMode="numeric"
              value={rung.afterMinutes}
              onChange={(event) => setRung(at, { afterMinutes: event.target.value })}
            />
            {errors[`actions.${index}.escalation.${at}.afterMinutes`] ? (
              <span className="field-error">{errors[`actions.${index}.escalation.${at}.afterMinutes`]}</span>
            ) : null}
          </div>
          <RoleSelect
            id={`rung-${rung.key}-role`}
            label={`min → to`}
            value={rung.role}
            onChange={(role) => setRung(at, { role })}
          />
          <button
            type="button"
            className="btn btn-ghost"
            aria-label={`Remove escalation step ${at + 1}`}
            onClick={() => update({ escalation: action.escalation.filter((_, position) => position !== at) })}
          >
            <CloseIcon size={16} />
          </button>
        </div>
      ))}
      {action.escalation.length < 5 ? (
        <div>
          <button
            type="button"
            className="btn"
            onClick={() =>
              update({ escalation: [...action.escalation, { key: newKey("step"), role: "ADMIN", afterMinutes: "30" }] })
            }
          >
            <PlusIcon size={16} /> Add escalation step
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}
