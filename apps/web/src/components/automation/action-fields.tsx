"use client";

import type { TRuleActionKind } from "@gemba/domain/automation/rule-definition";
import { ROLES, roleLabels } from "@gemba/domain/roles";
import { CloseIcon } from "~/components/ui/icons";
import type { TRuleOptions } from "./automation-types";
import styles from "./editor.module.css";
import { EscalationLadder, RoleSelect } from "./escalation-ladder";
import { blankAction, type TActionDraft, type TDraftErrors } from "./rule-draft";

export const ACTION_LABELS: Record<TRuleActionKind, string> = {
  CREATE_TASK: "Create a task",
  EMAIL: "Send an e-mail",
  WEBHOOK: "Post a webhook",
  START_CHECKLIST: "Start a checklist",
  ATTACH_TO_DECISION: "Attach to a decision",
};

const PRIORITIES = [
  { value: "LOW", label: "Low" },
  { value: "NORMAL", label: "Normal" },
  { value: "HIGH", label: "High" },
  { value: "URGENT", label: "Urgent" },
] as const;

type TActionsProps = {
  actions: TActionDraft[];
  onChange: (actions: TActionDraft[]) => void;
  options: TRuleOptions;
  errors: TDraftErrors;
};

/** "Then": the actions in the order they run, each with only its own fields. */
export function ActionFields({ actions, onChange, options, errors }: TActionsProps) {
  const update = (index: number, change: Partial<TActionDraft>) =>
    onChange(actions.map((action, at) => (at === index ? { ...action, ...change } : action)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...actions];
    const [moved] = next.splice(index, 1);
    if (moved) next.splice(index + by, 0, moved);
    onChange(next);
  };
  return (
    <div className={styles.step}>
      {actions.map((action, index) => (
        <section key={action.key} className={styles.action} aria-label={`Action ${index + 1}`}>
          <div className={styles.actionHead}>
            <h3>
              {index + 1}. {ACTION_LABELS[action.kind]}
            </h3>
            <div className={styles.iconButtons}>
              <button type="button" className="btn btn-ghost" disabled={index === 0} onClick={() => move(index, -1)}>
                Move up
              </button>
              <button
                type="button"
                className="btn btn-ghost"
                disabled={index === actions.length - 1}
                onClick={() => move(index, 1)}
              >
                Move down
              </button>
              <button
                type="button"
                className="btn btn-ghost"
                aria-label={`Remove action ${index + 1}`}
                onClick={() => onChange(actions.filter((_, at) => at !== index))}
              >
                <CloseIcon size={16} /> Remove
              </button>
            </div>
          </div>
          <ActionBody
            action={action}
            index={index}
            update={(change) => update(index, change)}
            options={options}
            errors={errors}
          />
        </section>
      ))}
      {errors.actions ? <span className="field-error">{errors.actions}</span> : null}
      <div className="field">
        <label className="field-label" htmlFor="rule-add-action">
          Add an action
        </label>
        <select
          id="rule-add-action"
          className="select"
          value=""
          onChange={(event) => {
            if (event.target.value) onChange([...actions, blankAction(event.target.value as TRuleActionKind)]);
          }}
        >
          <option value="">Choose what else to do…</option>
          {Object.entries(ACTION_LABELS).map(([kind, label]) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <p className={styles.hint}>
        Texts may use <code>{"{workCenter}"}</code> <code>{"{line}"}</code> <code>{"{state}"}</code>{" "}
        <code>{"{minutes}"}</code> <code>{"{reason}"}</code> <code>{"{value}"}</code> <code>{"{checklist}"}</code>{" "}
        <code>{"{step}"}</code> <code>{"{insight}"}</code> <code>{"{rule}"}</code>.
      </p>
    </div>
  );
}

type TBodyProps = {
  action: TActionDraft;
  index: number;
  update: (change: Partial<TActionDraft>) => void;
  options: TRuleOptions;
  errors: TDraftErrors;
};

function Text(props: {
  id: string;
  label: string;
  value: string;
  error?: string;
  multiline?: boolean;
  placeholder?: string;
  onChange: (value: string) => void;
}) {
  const common = {
    id: props.id,
    value: props.value,
    placeholder: props.placeholder,
    "aria-invalid": props.error ? true : undefined,
  };
  return (
    <div className="field">
      <label className="field-label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.multiline ? (
        <textarea className="input" rows={3} {...common} onChange={(event) => props.onChange(event.target.value)} />
      ) : (
        <input className="input" {...common} onChange={(event) => props.onChange(event.target.value)} />
      )}
      {props.error ? <span className="field-error">{props.error}</span> : null}
    </div>
  );
}

function ActionBody({ action, index, update, options, errors }: TBodyProps) {
  const id = (field: string) => `action-${action.key}-${field}`;
  const error = (field: string) => errors[`actions.${index}.${field}`];
  switch (action.kind) {
    case "CREATE_TASK":
      return (
        <>
          <Text
            id={id("title")}
            label="Task title"
            value={action.title}
            error={error("title")}
            onChange={(title) => update({ title })}
          />
          <Text
            id={id("detail")}
            label="Detail"
            value={action.detail}
            multiline
            onChange={(detail) => update({ detail })}
          />
          <div className={styles.grid2}>
            <RoleSelect
              id={id("role")}
              label="For"
              value={action.assigneeRole}
              onChange={(assigneeRole) => update({ assigneeRole })}
            />
            <div className="field">
              <label className="field-label" htmlFor={id("priority")}>
                Priority
              </label>
              <select
                id={id("priority")}
                className="select"
                value={action.priority}
                onChange={(event) => update({ priority: event.target.value as TActionDraft["priority"] })}
              >
                {PRIORITIES.map((priority) => (
                  <option key={priority.value} value={priority.value}>
                    {priority.label}
                  </option>
                ))}
              </select>
            </div>
            <Text
              id={id("due")}
              label="Due in (minutes, optional)"
              value={action.dueInMinutes}
              error={error("dueInMinutes")}
              onChange={(dueInMinutes) => update({ dueInMinutes })}
            />
          </div>
          <EscalationLadder action={action} index={index} update={update} errors={errors} />
        </>
      );
    case "EMAIL":
      return (
        <>
          <Text
            id={id("to")}
            label="To (addresses, comma separated)"
            value={action.to}
            placeholder="maintenance@plant.example"
            error={error("to")}
            onChange={(to) => update({ to })}
          />
          <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
            <legend className="field-label">And every member who is</legend>
            <div className={styles.weekdays}>
              {ROLES.map((role) => (
                <label key={role} className={styles.check} style={{ marginRight: 12 }}>
                  <input
                    type="checkbox"
                    checked={action.toRoles.includes(role)}
                    onChange={(event) =>
                      update({
                        toRoles: event.target.checked
                          ? [...action.toRoles, role]
                          : action.toRoles.filter((entry) => entry !== role),
                      })
                    }
                  />
                  {roleLabels[role]}
                </label>
              ))}
            </div>
          </fieldset>
          <Text
            id={id("subject")}
            label="Subject"
            value={action.subject}
            error={error("subject")}
            onChange={(subject) => update({ subject })}
          />
          <Text id={id("body")} label="Message" value={action.body} multiline onChange={(body) => update({ body })} />
        </>
      );
    case "WEBHOOK":
      return (
        <Pick
          id={id("endpoint")}
          label="Endpoint"
          value={action.endpointId}
          empty={
            options.webhookEndpoints.length === 0
              ? "No endpoints yet — an admin adds them in Admin → Webhooks"
              : "Choose an endpoint…"
          }
          options={options.webhookEndpoints.map((endpoint) => ({
            value: endpoint.id,
            label: `${endpoint.name}${endpoint.enabled ? "" : " (disabled)"}`,
          }))}
          error={error("endpointId")}
          onChange={(endpointId) => update({ endpointId })}
        />
      );
    case "START_CHECKLIST":
      return (
        <Pick
          id={id("template")}
          label="Checklist"
          value={action.templateId}
          empty={options.checklistTemplates.length === 0 ? "No checklists yet" : "Choose a checklist…"}
          options={options.checklistTemplates.map((template) => ({ value: template.id, label: template.name }))}
          error={error("templateId")}
          onChange={(templateId) => update({ templateId })}
        />
      );
    case "ATTACH_TO_DECISION":
      return (
        <Pick
          id={id("decision")}
          label="Decision"
          value={action.decisionId}
          empty={options.decisions.length === 0 ? "No decisions logged yet" : "Choose a decision…"}
          options={options.decisions.map((decision) => ({ value: decision.id, label: decision.title }))}
          error={error("decisionId")}
          onChange={(decisionId) => update({ decisionId })}
        />
      );
  }
}

function Pick(props: {
  id: string;
  label: string;
  value: string;
  empty: string;
  options: { value: string; label: string }[];
  error?: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={props.id}>
        {props.label}
      </label>
      <select
        id={props.id}
        className="select"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      >
        <option value="">{props.empty}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {props.error ? <span className="field-error">{props.error}</span> : null}
    </div>
  );
}
