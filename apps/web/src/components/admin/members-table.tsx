"use client";

import { useQuery } from "@tanstack/react-query";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { EmptyState } from "~/components/ui/empty-state";
import { Skeleton } from "~/components/ui/skeleton";
import { apiErrorMessage } from "~/lib/api-error";
import { formatDate } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { MemberActions } from "./member-actions";

/** Everyone with access to this plant; role changes and removals are audited by the API. */
export function MembersTable({ currentUserId }: { currentUserId: string }) {
  const trpc = useTRPC();
  const timeZone = usePlantTimeZone();
  const members = useQuery(trpc.admin.members.queryOptions());

  return (
    <section className="card" aria-labelledby="members-title">
      <div className="card-header">
        <div>
          <h2 id="members-title">Members</h2>
          <p>Role changes take effect on the member&apos;s next page load. Every change is in the audit log.</p>
        </div>
        {members.data ? <span className="badge">{members.data.length} people</span> : null}
      </div>
      {members.isPending ? (
        <div className="card-body" aria-busy="true">
          <Skeleton height="44px" />
        </div>
      ) : members.error ? (
        <div className="card-body">
          <Alert tone="danger">{apiErrorMessage(members.error)}</Alert>
        </div>
      ) : members.data.length === 0 ? (
        <EmptyState title="No members">Invite the people who run this plant with the form above.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Role</th>
                <th scope="col">Member since</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.data.map((member) => (
                <MemberActions
                  key={member.membershipId}
                  member={member}
                  isYou={member.userId === currentUserId}
                  memberSince={formatDate(member.memberSince, timeZone)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
