"use client";

import { ROLES, type TRole } from "@gemba/domain/roles";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { FieldErrors } from "~/components/ui/field-errors";
import { apiErrorMessage, apiFieldErrors } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import styles from "./admin.module.css";
import { InviteResult } from "./invite-result";
import { roleHints, roleOptions } from "./role-options";

function isRole(value: string): value is TRole {
  return (ROLES as readonly string[]).includes(value);
}

/** Adds people who already have a Gemba account; everyone else gets a one-week link to share. */
export function InviteForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<TRole>("OPERATOR");
  const invite = useMutation(
    trpc.admin.invite.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.admin.members.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.admin.invitations.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.admin.audit.pathKey() }),
        ]),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    invite.mutate(
      { email: String(form.get("email") ?? ""), name: String(form.get("name") ?? ""), role },
      { onSuccess: () => formElement.reset() },
    );
  }

  const fieldErrors = apiFieldErrors(invite.error);
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;

  return (
    <section className="card" aria-labelledby="invite-title">
      <div className="card-header">
        <div>
          <h2 id="invite-title">Invite people</h2>
          <p>People with a Gemba account are added at once; others get an invitation link to set their password.</p>
        </div>
      </div>
      <div className={`card-body ${styles.inviteBody}`}>
        <form className={styles.inviteForm} onSubmit={onSubmit}>
          <label className="field">
            <span className="field-label">Email</span>
            <input
              className="input"
              name="email"
              type="email"
              required
              autoComplete="off"
              aria-invalid={Boolean(fieldErrors.email)}
              disabled={invite.isPending}
            />
            <FieldErrors messages={fieldErrors.email} />
          </label>
          <label className="field">
            <span className="field-label">Name</span>
            <input
              className="input"
              name="name"
              required
              autoComplete="off"
              aria-invalid={Boolean(fieldErrors.name)}
              disabled={invite.isPending}
            />
            <FieldErrors messages={fieldErrors.name} />
          </label>
          <label className="field">
            <span className="field-label">Role</span>
            <select
              className="select"
              name="role"
              value={role}
              disabled={invite.isPending}
              onChange={(event) => {
                if (isRole(event.target.value)) setRole(event.target.value);
              }}
            >
              {roleOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
            <span className="field-hint">{roleHints[role]}</span>
          </label>
          <button className={`btn btn-primary ${styles.inviteButton}`} type="submit" disabled={invite.isPending}>
            {invite.isPending ? "Inviting…" : "Send invitation"}
          </button>
        </form>
        {invite.error && !hasFieldErrors ? <Alert tone="danger">{apiErrorMessage(invite.error)}</Alert> : null}
        {invite.data && !invite.isPending ? <InviteResult result={invite.data} /> : null}
      </div>
    </section>
  );
}
