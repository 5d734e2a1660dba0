"use client";

import styles from "./automation.module.css";

type TEnabledSwitchProps = {
  enabled: boolean;
  /** Names what is switched, for screen readers: "Rule Long stops". */
  label: string;
  pending: boolean;
  onChange: (enabled: boolean) => void;
};

/** On/off for a rule or an endpoint; says its state in words beside the track. */
export function EnabledSwitch({ enabled, label, pending, onChange }: TEnabledSwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={enabled}
      aria-label={`${label} enabled`}
      className={styles.switch}
      disabled={pending}
      onClick={() => onChange(!enabled)}
    >
      <span className={styles.switchTrack} aria-hidden="true" />
      <span aria-hidden="true">{enabled ? "On" : "Off"}</span>
    </button>
  );
}
