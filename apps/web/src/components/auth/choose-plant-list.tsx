"use client";

import { roleLabels, type TRole } from "@gemba/domain/roles";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Alert } from "~/components/ui/alert";
import { apiErrorMessage } from "~/lib/api-error";
import { homePathForRole } from "~/lib/home-path";
import { useTRPC } from "~/trpc/react";

type TChoosePlantListProps = { tenants: { tenantId: string; name: string; role: TRole }[] };

export function ChoosePlantList({ tenants }: TChoosePlantListProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const choose = useMutation(
    trpc.me.switchTenant.mutationOptions({
      onSuccess: async ({ role }) => {
        router.replace(homePathForRole(role));
        router.refresh();
        await queryClient.invalidateQueries();
      },
    }),
  );
  return (
    <div className="form-stack">
      {choose.error ? <Alert tone="danger">{apiErrorMessage(choose.error)}</Alert> : null}
      {tenants.map((tenant) => (
        <button
          key={tenant.tenantId}
          type="button"
          className="btn btn-block btn-lg"
          disabled={choose.isPending}
          onClick={() => choose.mutate({ tenantId: tenant.tenantId })}
        >
          {tenant.name} <span className="badge">{roleLabels[tenant.role]}</span>
        </button>
      ))}
    </div>
  );
}
