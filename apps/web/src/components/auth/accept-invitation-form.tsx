"use client";

import { roleLabels, type TRole } from "@gemba/domain/roles";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { FieldErrors } from "~/components/ui/field-errors";
import { apiErrorMessage, apiFieldErrors } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import styles from "./auth-form.module.css";

const MIN_PASSWORD = 10;

type TAcceptInvitationFormProps = {
  token: string;
  invitation: { email: string; name: string; role: TRole; plant: string };
};

export function AcceptInvitationForm({ token, invitation }: TAcceptInvitationFormProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const [localErrors, setLocalErrors] = useState<Record<string, string[]>>({});
  const [signInError, setSignInError] = useState<string | null>(null);
  const accept = useMutation(trpc.onboarding.acceptInvitation.mutationOptions());
  const [redirecting, setRedirecting] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const confirm = String(form.get("confirm") ?? "");
    const errors: Record<string, string[]> = {};
    if (!name) errors.name = ["Enter your name."];
    if (password.length < MIN_PASSWORD) errors.password = [`Use at least ${MIN_PASSWORD} characters.`];
    else if (password !== confirm) errors.confirm = ["The two passwords do not match."];
    setLocalErrors(errors);
    setSignInError(null);
    if (Object.keys(errors).length > 0) return;

    accept.mutate(
      { token, name, password },
      {
        onSuccess: async () => {
          setRedirecting(true);
          const result = await signIn("credentials", { email: invitation.email, password, redirect: false });
          if (!result?.ok || result.error) {
            setRedirecting(false);
            setSignInError(`Your account is ready, but signing in failed: ${result?.error ?? "try again"}.`);
            return;
          }
          router.replace("/");
          router.refresh();
        },
      },
    );
  }

  const fieldErrors = { ...apiFieldErrors(accept.error), ...localErrors };
  const busy = accept.isPending || redirecting;

  return (
    <div className={styles.wrap}>
      <header className={styles.header}>
        <h2>Join {invitation.plant}</h2>
        <p>Choose your name and a password to finish setting up your account.</p>
      </header>
      <dl className={styles.facts}>
        <dt>Plant</dt>
        <dd>{invitation.plant}</dd>
        <dt>Email</dt>
        <dd>{invitation.email}</dd>
        <dt>Role</dt>
        <dd>{roleLabels[invitation.role]}</dd>
      </dl>
      {accept.error && Object.keys(apiFieldErrors(accept.error)).length === 0 ? (
        <Alert tone="danger">{apiErrorMessage(accept.error)}</Alert>
      ) : null}
      {signInError ? (
        <Alert tone="warning">
          {signInError} <a href="/signin">Go to sign in</a>
        </Alert>
      ) : null}
      <form className="form-stack" onSubmit={onSubmit} noValidate>
        <label className="field">
          <span className="field-label">Your name</span>
          <input
            className="input"
            name="name"
            defaultValue={invitation.name}
            autoComplete="name"
            aria-invalid={Boolean(fieldErrors.name)}
            required
          />
          <FieldErrors messages={fieldErrors.name} />
        </label>
        <label className="field">
          <span className="field-label">Password</span>
          <input
            className="input"
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={MIN_PASSWORD}
            aria-invalid={Boolean(fieldErrors.password)}
            required
          />
          <span className="field-hint">At least {MIN_PASSWORD} characters. A short sentence is easy to remember.</span>
          <FieldErrors messages={fieldErrors.password} />
        </label>
        <label className="field">
          <span className="field-label">Confirm password</span>
          <input
            className="input"
            name="confirm"
            type="password"
            autoComplete="new-password"
            aria-invalid={Boolean(fieldErrors.confirm)}
            required
          />
          <FieldErrors messages={fieldErrors.confirm} />
        </label>
        <button className="btn btn-primary btn-block btn-lg" type="submit" disabled={busy}>
          {accept.isPending ? "Creating your account…" : redirecting ? "Signing in…" : "Create account and sign in"}
        </button>
      </form>
    </div>
  );
}
