"use client";

import Link from "next/link";
import { useState } from "react";
import { CheckIcon, DecisionIcon } from "~/components/ui/icons";
import type { TSituationProp } from "./decision-types";
import styles from "./decisions.module.css";
import { LogDecisionDialog } from "./log-decision-dialog";

type TLogDecisionButtonProps = {
  /** The downtime or order the decision is about: linked, and the line's context is captured with it. */
  situation?: TSituationProp;
  /** Where the decision applies when it is not logged from a situation (pre-selected in the form). */
  workCenterId?: string;
  label?: string;
  /** "compact" for table rows: a small secondary button. */
  variant?: "primary" | "secondary" | "compact";
  /** Called with the new decision's id; without it, a link to the decision appears next to the button. */
  onLogged?: (decisionId: string) => void;
};

/**
 * "Log a decision", usable anywhere: on its own (the decisions page) or from a situation, such as
 * a stop in the downtime table or an at-risk order:
 *
 *   <LogDecisionButton variant="compact" situation={{ kind: "DOWNTIME", workCenterId, stopStart, label }} />
 *   <LogDecisionButton variant="compact" situation={{ kind: "ORDER", orderId, label: `Order ${externalId}` }} />
 */
export function LogDecisionButton({
  situation,
  workCenterId,
  label = "Log a decision",
  variant = "secondary",
  onLogged,
}: TLogDecisionButtonProps) {
  const [open, setOpen] = useState(false);
  const [loggedId, setLoggedId] = useState<string | null>(null);
  const className =
    variant === "primary" ? "btn btn-primary" : variant === "compact" ? `btn ${styles.compactButton}` : "btn";
  return (
    <>
      <button
        type="button"
        className={className}
        onClick={() => {
          setLoggedId(null);
          setOpen(true);
        }}
      >
        <DecisionIcon size={variant === "compact" ? 15 : 18} />
        {label}
      </button>
      {loggedId && !onLogged ? (
        <span className={styles.logged} role="status">
          <CheckIcon size={16} /> Logged. <Link href={`/decisions?decision=${loggedId}`}>Open the decision</Link>
        </span>
      ) : null}
      <LogDecisionDialog
        open={open}
        situation={situation}
        workCenterId={workCenterId}
        onClose={() => setOpen(false)}
        onLogged={(decisionId) => {
          setOpen(false);
          setLoggedId(decisionId);
          onLogged?.(decisionId);
        }}
      />
    </>
  );
}
