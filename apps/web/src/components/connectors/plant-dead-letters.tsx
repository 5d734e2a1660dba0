"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { ArrowLeftIcon } from "~/components/ui/icons";
import { useTRPC } from "~/trpc/react";
import styles from "./connectors.module.css";
import letterStyles from "./dead-letters.module.css";
import { DeadLettersPanel } from "./dead-letters-panel";

/** Every connector's dead letters in one place, optionally narrowed to one connector (?connector=…). */
export function PlantDeadLetters({ connectorId }: { connectorId: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const connectors = useQuery(trpc.connectors.list.queryOptions());
  const chosen = connectors.data?.find((connector) => connector.id === connectorId);

  const filter = (
    <label className={letterStyles.inlineField}>
      <span className="field-label">Connector</span>
      <select
        className="select"
        value={connectorId ?? ""}
        onChange={(event) =>
          router.replace(
            event.target.value
              ? `/admin/connectors/dead-letters?connector=${event.target.value}`
              : "/admin/connectors/dead-letters",
          )
        }
      >
        <option value="">All connectors</option>
        {connectorId && !chosen ? <option value={connectorId}>This connector</option> : null}
        {(connectors.data ?? []).map((connector) => (
          <option key={connector.id} value={connector.id}>
            {connector.name} ({connector.openDeadLetters} open)
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className={styles.detail}>
      <Link href={chosen ? `/admin/connectors/${chosen.id}` : "/admin/connectors"} className={styles.back}>
        <ArrowLeftIcon /> {chosen ? chosen.name : "All connectors"}
      </Link>
      <DeadLettersPanel
        key={connectorId ?? "all"}
        connectorId={connectorId ?? undefined}
        title="Dead letters"
        description="Input that reached Gemba but could not become an event, with the reason. Fix the cause, then retry."
        filters={filter}
      />
    </div>
  );
}
