"use client";

import { useQuery } from "@tanstack/react-query";
import { type CSSProperties, useState } from "react";
import { CheckIcon, ChevronIcon } from "~/components/ui/icons";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPCClient } from "~/trpc/react";
import { ObjectNodeIcon, VariableNodeIcon } from "./node-icons";
import styles from "./opcua-browser.module.css";
import { canOpen, describeNodeValue, type TBrowseChild } from "./opcua-items";

/** One opening of the browser: the connection settings as they were when "Browse server" was pressed. */
export type TBrowseSession = {
  id: number;
  input: { connectorId?: string; config: Record<string, unknown>; secrets: Record<string, string> };
};

type TTreeProps = {
  session: TBrowseSession;
  monitored: ReadonlySet<string>;
  onAdd: (child: TBrowseChild) => void;
};

// Each folder is read when first opened and kept while the browser is open. browseOpcua is a
// mutation only so that secrets travel in the body; reading it through a query gives loading,
// error and cached states per folder.
function useBrowse(session: TBrowseSession, nodeId: string | undefined) {
  const client = useTRPCClient();
  return useQuery({
    queryKey: ["connectors", "browseOpcua", session.id, nodeId ?? null],
    queryFn: () => client.connectors.browseOpcua.mutate({ ...session.input, ...(nodeId ? { nodeId } : {}) }),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 5 * 60_000,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

/** The children of one node (the Objects folder at the top), as list items of the tree. */
export function BrowseBranch({ nodeId, depth, ...tree }: TTreeProps & { nodeId: string | undefined; depth: number }) {
  const browse = useBrowse(tree.session, nodeId);
  const indent = { "--depth": depth } as CSSProperties;

  if (browse.isPending) {
    return (
      <li className={styles.note} style={indent}>
        <span role="status">{nodeId ? "Reading…" : "Connecting to the server…"}</span>
      </li>
    );
  }
  const problem = browse.error ? apiErrorMessage(browse.error) : browse.data.ok ? null : browse.data.error;
  if (problem !== null || !browse.data?.ok) {
    return (
      <li className={`${styles.note} ${styles.problem}`} style={indent}>
        <span role="alert">{problem}</span>
        <button type="button" className="btn" disabled={browse.isFetching} onClick={() => void browse.refetch()}>
          {browse.isFetching ? "Trying again…" : "Try again"}
        </button>
      </li>
    );
  }
  const { children, truncated } = browse.data;
  if (children.length === 0) {
    return (
      <li className={styles.note} style={indent}>
        Nothing to monitor here: no objects or variables under this node.
      </li>
    );
  }
  return (
    <>
      {children.map((child) => (
        <BrowseItem key={child.nodeId} child={child} depth={depth} {...tree} />
      ))}
      {truncated ? (
        <li className={styles.note} style={indent}>
          Only the first {children.length} are shown. Type the node id of anything further down into the list by hand.
        </li>
      ) : null}
    </>
  );
}

/** An object opens into its children; a variable shows its type and value, and can be added to the list. */
function BrowseItem({ child, depth, ...tree }: TTreeProps & { child: TBrowseChild; depth: number }) {
  const [open, setOpen] = useState(false);
  const isObject = child.nodeClass === "Object";
  const openable = canOpen(child);
  const value = describeNodeValue(child);
  const added = tree.monitored.has(child.nodeId);
  const name = (
    <span className={styles.name}>
      <span className={styles.displayName}>{child.displayName || child.browseName}</span>
      <span className={styles.nodeId}>{child.nodeId}</span>
    </span>
  );
  return (
    <li className={styles.item}>
      <div className={styles.row} style={{ "--depth": depth } as CSSProperties}>
        {openable ? (
          <button type="button" className={styles.toggle} aria-expanded={open} onClick={() => setOpen(!open)}>
            <ChevronIcon size={16} className={styles.chevron} />
            {isObject ? (
              <ObjectNodeIcon size={18} className={styles.objectIcon} />
            ) : (
              <VariableNodeIcon size={18} className={styles.variableIcon} />
            )}
            {name}
          </button>
        ) : (
          <div className={styles.leaf}>
            <VariableNodeIcon size={18} className={styles.variableIcon} />
            {name}
          </div>
        )}
        <span className={styles.dataType}>{child.dataType ?? (isObject ? "" : child.nodeClass)}</span>
        <span className={styles.value} data-bad={value?.bad || undefined} title={value?.full}>
          {value ? (
            <>
              <span className="visually-hidden">{value.bad ? "Status: " : "Value: "}</span>
              {value.text}
            </>
          ) : null}
        </span>
        <span className={styles.action}>
          {child.nodeClass !== "Variable" ? null : added ? (
            // Still focusable, so focus stays here after adding; pressing it again does nothing.
            <button
              type="button"
              className={`btn ${styles.addButton}`}
              aria-disabled="true"
              aria-label={`${child.displayName} added`}
            >
              <CheckIcon size={16} /> Added
            </button>
          ) : (
            <button
              type="button"
              className={`btn ${styles.addButton}`}
              aria-label={`Add ${child.displayName}`}
              onClick={() => tree.onAdd(child)}
            >
              Add
            </button>
          )}
        </span>
      </div>
      {open ? (
        <ul className={styles.group} aria-label={`Inside ${child.displayName}`}>
          <BrowseBranch nodeId={child.nodeId} depth={depth + 1} {...tree} />
        </ul>
      ) : null}
    </li>
  );
}
