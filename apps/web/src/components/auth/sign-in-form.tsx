"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { Alert } from "~/components/ui/alert";
import styles from "./auth-form.module.css";

type TSignInFormProps = { singleSignOnName: string | null; initialError: string | null };

const UNREACHABLE = "Could not reach Gemba. Check your connection and try again.";

export function SignInForm({ singleSignOnName, initialError }: TSignInFormProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (!result?.ok || result.error) {
        const message = result?.error;
        setError(!message || message === "CredentialsSignin" ? "Email or password is incorrect." : message);
        setPending(false);
        return;
      }
      // "/" sends each role to its own home; the button stays disabled until the page changes.
      router.replace("/");
      router.refresh();
    } catch {
      setError(UNREACHABLE);
      setPending(false);
    }
  }

  return (
    <div className={styles.wrap}>
      <header className={styles.header}>
        <h2>Sign in</h2>
        <p>Use the email address your plant admin invited.</p>
      </header>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <form className="form-stack" onSubmit={onSubmit}>
        <label className="field">
          <span className="field-label">Email</span>
          <input className="input" name="email" type="email" autoComplete="username" required />
        </label>
        <label className="field">
          <span className="field-label">Password</span>
          <input className="input" name="password" type="password" autoComplete="current-password" required />
        </label>
        <button className="btn btn-primary btn-block btn-lg" type="submit" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {singleSignOnName ? (
        <>
          <div className={styles.divider}>
            <span>or</span>
          </div>
          <button
            type="button"
            className="btn btn-block btn-lg"
            disabled={pending}
            onClick={() => {
              setPending(true);
              void signIn("oidc", { callbackUrl: "/" });
            }}
          >
            Sign in with {singleSignOnName}
          </button>
        </>
      ) : null}
      <p className={styles.footnote}>
        No account yet? Gemba is invitation-only: ask an admin of your plant to invite you.
      </p>
    </div>
  );
}
