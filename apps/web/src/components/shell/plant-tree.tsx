"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { type ReactNode, useState } from "react";
import { ChevronIcon } from "~/components/ui/icons";
import { apiErrorMessage } from "~/lib/api-error";
import type { TPlantTree } from "~/lib/api-types";
import { useTRPC } from "~/trpc/react";
import styles from "./plant-tree.module.css";

type TBranchProps = {
  id: string;
  label: string;
  level: "site" | "area" | "line";
  collapsed: boolean;
  onToggle: (id: string) => void;
  children: ReactNode;
};

function Branch({ id, label, level, collapsed, onToggle, children }: TBranchProps) {
  return (
    <li className={styles.branch} data-level={level}>
      <button type="button" className={styles.toggle} aria-expanded={!collapsed} onClick={() => onToggle(id)}>
        <ChevronIcon size={14} className={styles.chevron} />
        <span className={styles.label}>{label}</span>
      </button>
      {collapsed ? null : <ul className={styles.children}>{children}</ul>}
    </li>
  );
}

/** Site → area → line → work center, collapsible; each work center links to its floor page. */
export function PlantTree({ initialTree }: { initialTree: TPlantTree }) {
  const trpc = useTRPC();
  const pathname = usePathname();
  const tree = useQuery(trpc.plant.tree.queryOptions(undefined, { initialData: initialTree }));
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const sites = tree.data ?? [];
  return (
    <section className={styles.tree} data-testid="plant-tree" aria-labelledby="plant-tree-title">
      <h2 id="plant-tree-title" className={styles.title}>
        Plant model
      </h2>
      {tree.error ? <p className={styles.note}>{apiErrorMessage(tree.error)}</p> : null}
      {sites.length === 0 && !tree.error ? (
        <p className={styles.note}>No sites or work centers yet. An admin sets up the plant model.</p>
      ) : null}
      <ul className={styles.root}>
        {sites.map((site) => (
          <Branch
            key={site.id}
            id={site.id}
            label={site.name}
            level="site"
            collapsed={collapsed.has(site.id)}
            onToggle={toggle}
          >
            {site.areas.map((area) => (
              <Branch
                key={area.id}
                id={area.id}
                label={area.name}
                level="area"
                collapsed={collapsed.has(area.id)}
                onToggle={toggle}
              >
                {area.lines.map((line) => (
                  <Branch
                    key={line.id}
                    id={line.id}
                    label={line.name}
                    level="line"
                    collapsed={collapsed.has(line.id)}
                    onToggle={toggle}
                  >
                    {line.workCenters.length === 0 ? <li className={styles.note}>No work centers</li> : null}
                    {line.workCenters.map((workCenter) => {
                      const href = `/floor/${workCenter.id}`;
                      return (
                        <li key={workCenter.id} className={styles.leaf}>
                          <Link
                            href={href}
                            className={styles.leafLink}
                            aria-current={pathname === href ? "page" : undefined}
                            title={`${workCenter.code} · ${workCenter.name}`}
                          >
                            {workCenter.code}
                          </Link>
                          <span className={styles.leafName}>{workCenter.name}</span>
                        </li>
                      );
                    })}
                  </Branch>
                ))}
              </Branch>
            ))}
          </Branch>
        ))}
      </ul>
    </section>
  );
}
