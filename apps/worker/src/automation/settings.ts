import { DELIVERY_LEASE_MS } from "@gemba/db/automation/notifications";

/** What the automation engine needs from the worker's environment. */
export type TAutomationSettings = {
  /** smtp:// or smtps:// URL; null: e-mails fail with a message saying so. */
  smtpUrl: string | null;
  mailFrom: string;
  /** First retry delay of a failed delivery; later ones grow fourfold (see deliveryBackoffMs). */
  retryBaseMs: number;
  /** How long one delivery attempt may take before another worker may try again (see DELIVERY_LEASE_MS). */
  deliveryLeaseMs: number;
};

export const DEFAULT_AUTOMATION_SETTINGS: TAutomationSettings = {
  smtpUrl: null,
  mailFrom: "Gemba <gemba@localhost>",
  retryBaseMs: 30_000,
  deliveryLeaseMs: DELIVERY_LEASE_MS,
};
