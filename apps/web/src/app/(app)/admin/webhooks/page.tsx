import type { Metadata } from "next";
import { WebhooksAdmin } from "~/components/automation/webhooks-admin";

export const metadata: Metadata = { title: "Webhooks" };

export default function WebhooksPage() {
  return <WebhooksAdmin />;
}
