"use client";

import { roleLabels } from "@gemba/domain/roles";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { Skeleton } from "~/components/ui/skeleton";
import { apiErrorMessage } from "~/lib/api-error";
import { formatDateTime } from "~/lib/format";
import { useTRPC } from "~/trpc/react";

/** Links sent but not used yet; withdrawing one makes it useless at once. */
export function PendingInvitations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const timeZone = usePlantTimeZone();
  const invitations = useQuery(trpc.admin.invitations.queryOptions());
  const revoke = useMutation(
    trpc.admin.revokeInvitation.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.admin.invitations.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.admin.audit.pathKey() }),
        ]),
    }),
  );

  return (
    <section className="card" aria-labelledby="invitations-title">
      <div className="card-header">
        <div>
          <h2 id="invitations-title">Pending invitations</h2>
          <p>Invitations not accepted yet. Inviting the same email again replaces its link.</p>
        </div>
      </div>
      {revoke.error ? (
        <div className="card-body">
          <Alert tone="danger">{apiErrorMessage(revoke.error)}</Alert>
        </div>
      ) : null}
      {invitations.isPending ? (
        <div className="card-body" aria-busy="true">
          <Skeleton height="44px" />
        </div>
      ) : invitations.error ? (
        <div className="card-body">
          <Alert tone="danger">{apiErrorMessage(invitations.error)}</Alert>
        </div>
      ) : invitations.data.length === 0 ? (
        <div className="card-body">
          <p className="muted">No pending invitations. Everyone you invited has joined.</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Invited</th>
                <th scope="col">Role</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.data.map((invitation) => {
                const withdrawing = revoke.isPending && revoke.variables.invitationId === invitation.id;
                return (
                  <tr key={invitation.id}>
                    <td>
                      <div className="cell-stack">
                        <span>{invitation.name}</span>
                        <small>{invitation.email}</small>
                      </div>
                    </td>
                    <td>{roleLabels[invitation.role]}</td>
                    <td className="nowrap">
                      {invitation.expired ? (
                        <span className="badge badge-warning">Expired</span>
                      ) : (
                        formatDateTime(invitation.expiresAt, timeZone)
                      )}
                    </td>
                    <td className="num">
                      <button
                        type="button"
                        className="btn btn-ghost"
                        disabled={revoke.isPending}
                        onClick={() => revoke.mutate({ invitationId: invitation.id })}
                      >
                        {withdrawing ? "Withdrawing…" : "Withdraw"}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
