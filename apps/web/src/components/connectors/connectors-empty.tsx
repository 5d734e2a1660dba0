"use client";

import { Alert } from "~/components/ui/alert";
import { Skeleton } from "~/components/ui/skeleton";
import { apiErrorMessage } from "~/lib/api-error";
import styles from "./connectors.module.css";
import { PlugIcon } from "./icons";
import { KindGrid } from "./kind-grid";
import { useConnectorKinds } from "./use-kinds";

/** First visit: what a connector is, and every kind there is to add. */
export function ConnectorsEmpty() {
  const kinds = useConnectorKinds();
  return (
    <div className={styles.emptyBody}>
      <div className="empty">
        <div className="empty-icon">
          <PlugIcon size={22} />
        </div>
        <h3>No connectors yet</h3>
        <p>
          A connector brings data into Gemba: machine states and counts from PLCs, brokers and CNC controls, orders from
          your ERP, inspections from worker apps. Each one maps its source&apos;s machines to your work centers. Add the
          first one:
        </p>
      </div>
      <div className={styles.emptyKinds}>
        <h3 className={styles.sectionLabel}>Add connector</h3>
        {kinds.isPending ? (
          <Skeleton height="120px" />
        ) : kinds.error ? (
          <Alert tone="danger">{apiErrorMessage(kinds.error)}</Alert>
        ) : (
          <KindGrid kinds={kinds.data} />
        )}
      </div>
    </div>
  );
}
