"use client";

import Link from "next/link";
import { Alert } from "~/components/ui/alert";
import { ArrowLeftIcon } from "~/components/ui/icons";
import { Skeleton } from "~/components/ui/skeleton";
import { apiErrorMessage } from "~/lib/api-error";
import { ConnectorEditor } from "./connector-editor";
import { runtimeLabels } from "./connector-status";
import styles from "./connectors.module.css";
import { KindGrid, shortDescription } from "./kind-grid";
import { useConnectorKinds } from "./use-kinds";

/** Adding a connector: pick a kind, then fill in the form generated from its schema. */
export function NewConnector({ kind: kindName }: { kind: string | null }) {
  const kinds = useConnectorKinds();
  if (kinds.isPending) {
    return (
      <div className={styles.detail} aria-busy="true">
        <Skeleton width="280px" height="28px" />
        <Skeleton height="240px" />
      </div>
    );
  }
  if (kinds.error) {
    return (
      <Alert tone="danger">
        The connector kinds could not be loaded. {apiErrorMessage(kinds.error)} Reload the page to try again.
      </Alert>
    );
  }
  const kind = kinds.data.find((entry) => entry.kind === kindName);

  if (!kind) {
    return (
      <div className={styles.detail}>
        <Link href="/admin/connectors" className={styles.back}>
          <ArrowLeftIcon /> All connectors
        </Link>
        <section className="card" aria-labelledby="kind-picker-title">
          <div className="card-header">
            <div>
              <h2 id="kind-picker-title">Add a connector</h2>
              <p>What kind of source is it? You can add as many connectors of each kind as the plant needs.</p>
            </div>
          </div>
          <div className="card-body">
            {kindName ? (
              <Alert tone="warning" className={styles.spaced}>
                There is no connector kind called &ldquo;{kindName}&rdquo;. Pick one of these.
              </Alert>
            ) : null}
            <KindGrid kinds={kinds.data} />
          </div>
        </section>
      </div>
    );
  }

  const short = shortDescription(kind.description);
  return (
    <div className={styles.detail}>
      <Link href="/admin/connectors/new" className={styles.back}>
        <ArrowLeftIcon /> Choose another kind
      </Link>
      <div className={styles.kindIntro}>
        <span className={styles.kindRuntime}>{runtimeLabels[kind.runtime]}</span>
        <p>{short}</p>
        {short.length < kind.description.length ? (
          <details className={styles.more}>
            <summary>More about {kind.label}</summary>
            <p className={styles.preWrap}>{kind.description}</p>
          </details>
        ) : null}
      </div>
      <ConnectorEditor kind={kind} />
    </div>
  );
}
