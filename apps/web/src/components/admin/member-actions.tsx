"use client";

import { ROLES, type TRole } from "@gemba/domain/roles";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { apiErrorMessage } from "~/lib/api-error";
import type { TRouterOutputs } from "~/lib/api-types";
import { useTRPC } from "~/trpc/react";
import styles from "./admin.module.css";
import { roleOptions } from "./role-options";

type TMember = TRouterOutputs["admin"]["members"][number];
type TMemberActionsProps = { member: TMember; isYou: boolean; memberSince: string };

function isRole(value: string): value is TRole {
  return (ROLES as readonly string[]).includes(value);
}

/** One member's row: role select (saved at once) and removal behind a confirmation. */
export function MemberActions({ member, isYou, memberSince }: TMemberActionsProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);

  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.admin.members.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.admin.audit.pathKey() }),
    ]);
    // Changing or removing yourself changes what you may see: let the server re-check.
    if (isYou) router.refresh();
  };
  const setRole = useMutation(trpc.admin.setRole.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(
    trpc.admin.removeMember.mutationOptions({
      onSuccess: async () => {
        setConfirming(false);
        await refresh();
      },
    }),
  );
  const busy = setRole.isPending || remove.isPending;

  return (
    <tr>
      <td>
        <div className="cell-stack">
          <span>
            {member.name} {isYou ? <span className="badge badge-accent">You</span> : null}{" "}
            {member.disabled ? <span className="badge">Disabled</span> : null}
          </span>
          <small>{member.email}</small>
        </div>
      </td>
      <td>
        <select
          className={`select ${styles.roleSelect}`}
          aria-label={`Role of ${member.name}`}
          value={setRole.isPending ? setRole.variables.role : member.role}
          disabled={busy}
          onChange={(event) => {
            const role = event.target.value;
            if (isRole(role)) setRole.mutate({ membershipId: member.membershipId, role });
          }}
        >
          {roleOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        {setRole.isPending ? <span className="subtle"> Saving…</span> : null}
        {setRole.error ? (
          <p className="field-error" role="alert">
            {apiErrorMessage(setRole.error)}
          </p>
        ) : null}
      </td>
      <td className="nowrap">{memberSince}</td>
      <td className="num">
        <button type="button" className="btn btn-danger" disabled={busy} onClick={() => setConfirming(true)}>
          Remove
        </button>
        <ConfirmDialog
          open={confirming}
          title={isYou ? "Remove yourself from this plant?" : `Remove ${member.name}?`}
          confirmLabel="Remove access"
          pendingLabel="Removing…"
          pending={remove.isPending}
          error={remove.error ? apiErrorMessage(remove.error) : null}
          onCancel={() => {
            setConfirming(false);
            remove.reset();
          }}
          onConfirm={() => remove.mutate({ membershipId: member.membershipId })}
        >
          {isYou
            ? "You will lose access to this plant immediately. Another admin would have to invite you again."
            : `${member.email} loses access to this plant at once. Their account and any other plants stay as they are.`}
        </ConfirmDialog>
      </td>
    </tr>
  );
}
