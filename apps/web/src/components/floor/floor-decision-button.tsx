"use client";

import { useState } from "react";
import type { TSituationProp } from "~/components/decisions/decision-types";
import { LogDecisionButton } from "~/components/decisions/log-decision-button";
import { CheckIcon } from "~/components/ui/icons";
import styles from "./floor-decision-button.module.css";

type TFloorDecisionButtonProps = { label?: string; workCenterId?: string; situation?: TSituationProp };

/**
 * "Log a decision" at the machine, sized for a finger. The decisions page is for managers, so the
 * operator gets a plain confirmation instead of a link to it. Logging needs the connection (the
 * dialog keeps what was typed and its request id, so sending again after a drop stores it once).
 */
export function FloorDecisionButton({ label = "Log a decision", workCenterId, situation }: TFloorDecisionButtonProps) {
  const [logged, setLogged] = useState(false);
  return (
    <span className={styles.wrap}>
      <LogDecisionButton
        label={label}
        workCenterId={workCenterId}
        situation={situation}
        onLogged={() => setLogged(true)}
      />
      {logged ? (
        <span className={styles.logged} role="status">
          <CheckIcon size={18} /> Decision logged
        </span>
      ) : null}
    </span>
  );
}
