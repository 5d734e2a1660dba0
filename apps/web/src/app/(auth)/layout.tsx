import type { ReactNode } from "react";
import { AuthFrame } from "~/components/auth/auth-frame";

// Every page here depends on the signed-in session: never prerender at build time.
export const dynamic = "force-dynamic";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return <AuthFrame>{children}</AuthFrame>;
}
