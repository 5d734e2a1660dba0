"use client";

import { roleLabels } from "@gemba/domain/roles";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useRef, useState } from "react";
import { CheckIcon, ChevronUpDownIcon } from "~/components/ui/icons";
import { apiErrorMessage } from "~/lib/api-error";
import type { TMe } from "~/lib/api-types";
import { homePathForRole } from "~/lib/home-path";
import { useDismiss } from "~/lib/use-dismiss";
import { useTRPC } from "~/trpc/react";
import styles from "./sidebar.module.css";

type TTenantSwitcherProps = { tenants: TMe["tenants"]; active: NonNullable<TMe["active"]> };

/** The plant being looked at; a menu of the others only when there are others. */
export function TenantSwitcher({ tenants, active }: TTenantSwitcherProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(ref, open, close);

  const switchTenant = useMutation(
    trpc.me.switchTenant.mutationOptions({
      onSuccess: async ({ role }) => {
        setOpen(false);
        // Everything on screen belongs to the old plant: go to the new plant's home and refetch.
        router.push(homePathForRole(role));
        router.refresh();
        // Every cached query goes stale, but the old page's queries are not refetched: that page is about
        // to unmount and may not be allowed in the new plant. New pages refetch on mount, the tree at once.
        await queryClient.invalidateQueries({ refetchType: "none" });
        await queryClient.refetchQueries({ queryKey: trpc.plant.tree.queryKey() });
      },
    }),
  );

  const summary = (
    <span className={styles.plantText}>
      <span className={styles.plantLabel}>Plant</span>
      <span className={styles.plantName}>{active.name}</span>
      <span className={styles.plantRole}>{roleLabels[active.role]}</span>
    </span>
  );

  if (tenants.length <= 1) return <div className={`${styles.plant} ${styles.plantStatic}`}>{summary}</div>;

  return (
    <div className={styles.plantWrap} ref={ref}>
      <button
        type="button"
        className={`${styles.plant} ${styles.plantButton}`}
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={switchTenant.isPending}
        onClick={() => setOpen((value) => !value)}
      >
        {summary}
        <ChevronUpDownIcon />
      </button>
      {switchTenant.isPending ? <p className={styles.plantNote}>Switching plant…</p> : null}
      {switchTenant.error ? (
        <p className={styles.plantError} role="alert">
          {apiErrorMessage(switchTenant.error)}
        </p>
      ) : null}
      {open ? (
        <div className={styles.menu} role="menu" aria-label="Switch plant">
          {tenants.map((tenant) => {
            const current = tenant.tenantId === active.tenantId;
            return (
              <button
                key={tenant.tenantId}
                type="button"
                role="menuitemradio"
                aria-checked={current}
                className={styles.menuItem}
                onClick={() => (current ? setOpen(false) : switchTenant.mutate({ tenantId: tenant.tenantId }))}
              >
                <span className={styles.menuItemText}>
                  <span>{tenant.name}</span>
                  <small>{roleLabels[tenant.role]}</small>
                </span>
                {current ? <CheckIcon className={styles.menuIcon} /> : null}
              </button>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
