"use client";

import { useEffect, useId, useRef, useState } from "react";
import { CloseIcon } from "~/components/ui/icons";
import { BrowseBranch, type TBrowseSession } from "./browse-tree";
import { ServerTreeIcon } from "./node-icons";
import styles from "./opcua-browser.module.css";
import { connectionSettingsOf, endpointOf, monitoredNodeIds, type TBrowseChild } from "./opcua-items";

type TOpcuaBrowserProps = {
  /** The saved connector, whose stored secrets fill the credentials left blank; absent while creating one. */
  connectorId: string | undefined;
  /** The form's current (unsaved) config: endpoint, security and authentication are browsed with. */
  config: unknown;
  /** Secrets as typed in the form (blank ones are not sent). */
  secrets: Record<string, string>;
  disabled: boolean;
  onAdd: (nodeId: string) => void;
};

/**
 * "Browse server": the OPC UA server's address space in a dialog, read folder by folder, so the
 * admin picks variables instead of typing node ids. Each one added joins the monitored nodes.
 */
export function OpcuaBrowser({ connectorId, config, secrets, disabled, onAdd }: TOpcuaBrowserProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const opened = useRef(0);
  const [session, setSession] = useState<(TBrowseSession & { endpoint: string }) | null>(null);
  const [added, setAdded] = useState<string[]>([]);
  const monitored = monitoredNodeIds(config);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (session && dialog && !dialog.open) dialog.showModal();
  }, [session]);

  function open() {
    opened.current += 1;
    setAdded([]);
    setSession({
      id: opened.current,
      endpoint: endpointOf(config),
      input: { ...(connectorId ? { connectorId } : {}), config: connectionSettingsOf(config), secrets },
    });
  }

  function add(child: TBrowseChild) {
    onAdd(child.nodeId);
    setAdded((names) => [...names, child.displayName || child.nodeId]);
  }

  return (
    <>
      <button type="button" className="btn" disabled={disabled} onClick={open}>
        <ServerTreeIcon />
        Browse server
      </button>
      <dialog ref={dialogRef} className={styles.dialog} aria-labelledby={titleId} onClose={() => setSession(null)}>
        {session ? (
          <>
            <div className={styles.head}>
              <div className={styles.headText}>
                <h2 id={titleId}>Browse the OPC UA server</h2>
                <p className="mono">{session.endpoint || "No endpoint URL yet"}</p>
                <p className={styles.intro}>
                  Open folders to find the variables to monitor. Each one you add joins the monitored nodes as
                  telemetry; choose what it means and its work center there.
                </p>
              </div>
              <button
                type="button"
                className={`btn btn-ghost ${styles.close}`}
                aria-label="Close"
                title="Close"
                onClick={() => dialogRef.current?.close()}
              >
                <CloseIcon size={18} />
              </button>
            </div>
            <div className={styles.body}>
              <div className={styles.columns} aria-hidden="true">
                <span>Node</span>
                <span>Type</span>
                <span>Value</span>
                <span />
              </div>
              <ul className={styles.tree} aria-label="Objects on the server">
                <BrowseBranch session={session} nodeId={undefined} depth={0} monitored={monitored} onAdd={add} />
              </ul>
            </div>
            <div className={styles.foot}>
              <span className={styles.footStatus} role="status">
                {added.length === 0
                  ? "Values are read when a folder opens."
                  : `Added ${added.length === 1 ? added[0] : `${added.length} nodes`} to the monitored nodes. Save the connector to start monitoring.`}
              </span>
              <button type="button" className="btn btn-primary" onClick={() => dialogRef.current?.close()}>
                Done
              </button>
            </div>
          </>
        ) : null}
      </dialog>
    </>
  );
}
