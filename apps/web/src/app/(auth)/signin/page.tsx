import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "~/components/auth/sign-in-form";
import { currentSession, singleSignOnName } from "~/server/auth";

export const metadata: Metadata = { title: "Sign in" };

// Only known next-auth error codes are shown: free text from the URL would let a link put any words on this page.
const errorMessages: Record<string, string> = {
  NotInvited: "Your single sign-on account is not invited to Gemba yet. Ask your admin for an invitation.",
  CredentialsSignin: "Email or password is incorrect.",
  SessionRequired: "Sign in to continue.",
  AccessDenied: "Access was denied. Ask your admin to check your invitation.",
  OAuthSignin: "Single sign-on could not start. Try again, or use your email and password.",
  OAuthCallback: "Single sign-on did not complete. Try again, or use your email and password.",
  Callback: "Single sign-on did not complete. Try again, or use your email and password.",
};

type TSignInPageProps = { searchParams: Promise<{ error?: string | string[] }> };

export default async function SignInPage({ searchParams }: TSignInPageProps) {
  if (await currentSession()) redirect("/");
  const { error } = await searchParams;
  const code = Array.isArray(error) ? error[0] : error;
  const initialError = code ? (errorMessages[code] ?? "Sign-in did not work. Try again.") : null;
  return <SignInForm singleSignOnName={singleSignOnName()} initialError={initialError} />;
}
