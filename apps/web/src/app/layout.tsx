import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "~/trpc/react";
import "~/styles/globals.css";

export const metadata: Metadata = {
  title: { default: "Gemba", template: "%s · Gemba" },
  description: "Execution intelligence for manufacturing: live work-center state, orders and decisions in one place.",
  applicationName: "Gemba",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  // Shop-floor tablets: no accidental pinch-zoom lock, but fit the screen on load.
  viewportFit: "cover",
  themeColor: "#1a2330",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
