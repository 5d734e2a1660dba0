"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { EmptyState } from "~/components/ui/empty-state";
import { AutomationIcon, PlusIcon } from "~/components/ui/icons";
import { Skeleton } from "~/components/ui/skeleton";
import { TimeAgo } from "~/components/ui/time-ago";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import styles from "./automation.module.css";
import type { TRuleListItem } from "./automation-types";
import { EnabledSwitch } from "./enabled-switch";
import { STARTERS } from "./rule-starters";

/** Starter rules as cards: one click opens the editor filled in, to adjust and dry-run before saving. */
export function StarterCards() {
  return (
    <div className={styles.starters}>
      {STARTERS.map((starter) => (
        <Link key={starter.id} href={`/automation/rules/new?template=${starter.id}`} className={styles.starter}>
          <strong>{starter.label}</strong>
          <span>{starter.description}</span>
        </Link>
      ))}
    </div>
  );
}

function LastFired({ rule, timeZone }: { rule: TRuleListItem; timeZone: string }) {
  if (!rule.lastRun) return <span className="muted">Never</span>;
  return (
    <div className="cell-stack">
      <span>
        <TimeAgo value={rule.lastRun.firedAt} timeZone={timeZone} />
        {rule.lastRun.status === "FAILED" ? <span className="badge badge-danger"> failed</span> : null}
      </span>
      <span className="subtle">{rule.lastRun.summary}</span>
    </div>
  );
}

/**
 * The plant's rules: what each reacts to, whether it is on, when it last fired and how it fared in
 * the last 24 hours. An empty plant gets starter rules instead of a blank table.
 */
export function RulesList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const timeZone = usePlantTimeZone();
  const rules = useQuery({ ...trpc.rules.list.queryOptions(), refetchInterval: 60_000 });
  const toggle = useMutation(
    trpc.rules.setEnabled.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.rules.list.queryKey() }),
    }),
  );

  if (rules.isPending) {
    return (
      <div aria-busy="true" className="form-stack">
        <span className="visually-hidden" role="status">
          Loading rules…
        </span>
        <Skeleton height="56px" />
        <Skeleton height="56px" />
        <Skeleton height="56px" />
      </div>
    );
  }
  if (rules.error) {
    return (
      <section className="card card-body form-stack">
        <Alert tone="danger">{apiErrorMessage(rules.error)}</Alert>
        <div>
          <button type="button" className="btn" onClick={() => void rules.refetch()}>
            Try again
          </button>
        </div>
      </section>
    );
  }
  if (rules.data.length === 0) {
    return (
      <section className="card">
        <EmptyState
          title="No rules yet"
          icon={<AutomationIcon size={22} />}
          action={
            <Link href="/automation/rules/new" className="btn btn-primary">
              <PlusIcon size={16} /> New rule
            </Link>
          }
        >
          Rules turn what happens on the floor into tasks, e-mails and checklists, e.g. “Down longer than 10 min → task
          for maintenance”. Start from one of these, try it against the last 24 hours, then save it.
        </EmptyState>
        <div className="card-body">
          <StarterCards />
        </div>
      </section>
    );
  }

  return (
    <section className="card" data-testid="rules-list">
      {toggle.error ? <Alert tone="danger">{apiErrorMessage(toggle.error)}</Alert> : null}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">When</th>
              <th scope="col">Enabled</th>
              <th scope="col">Last fired</th>
              <th scope="col" className="num">
                Last 24 h
              </th>
            </tr>
          </thead>
          <tbody>
            {rules.data.map((rule) => (
              <tr key={rule.id} data-testid="rule-row">
                <td>
                  <Link href={`/automation/rules/${rule.id}`} className={styles.ruleName}>
                    {rule.name}
                  </Link>
                  {rule.problem ? <div className={styles.errorText}>{rule.problem}</div> : null}
                </td>
                <td>
                  <div className={styles.when}>
                    <span className={styles.whenMain}>{rule.triggerSummary}</span>
                    {rule.conditionsSummary ? <span className={styles.whenSub}>{rule.conditionsSummary}</span> : null}
                  </div>
                </td>
                <td>
                  <EnabledSwitch
                    enabled={rule.enabled}
                    label={`Rule ${rule.name}`}
                    pending={toggle.isPending && toggle.variables?.ruleId === rule.id}
                    onChange={(enabled) => toggle.mutate({ ruleId: rule.id, enabled })}
                  />
                </td>
                <td>
                  <LastFired rule={rule} timeZone={timeZone} />
                </td>
                <td className="num">
                  <div className={styles.counts} style={{ justifyContent: "flex-end" }}>
                    <span>
                      {rule.runs24h} run{rule.runs24h === 1 ? "" : "s"}
                    </span>
                    {rule.failures24h > 0 ? (
                      <Link href="/automation/runs?status=FAILED" className="badge badge-danger">
                        {rule.failures24h} failed
                      </Link>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
