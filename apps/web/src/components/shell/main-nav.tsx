"use client";

import { roleAtLeast, type TRole } from "@gemba/domain/roles";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import {
  AdminIcon,
  AutomationIcon,
  ChecklistIcon,
  DashboardIcon,
  DecisionIcon,
  FloorIcon,
  HandoverIcon,
  InsightIcon,
  TasksIcon,
} from "~/components/ui/icons";
import styles from "./sidebar.module.css";

type TNavItem = { href: string; label: string; minimum: TRole; icon: ReactNode };

// Operators see the floor, their tasks and the shift handover; managers add the dashboard and decisions; admins add administration.
const items: TNavItem[] = [
  { href: "/dashboard", label: "Dashboard", minimum: "MANAGER", icon: <DashboardIcon /> },
  { href: "/floor", label: "Floor", minimum: "OPERATOR", icon: <FloorIcon /> },
  { href: "/tasks", label: "Tasks", minimum: "OPERATOR", icon: <TasksIcon /> },
  { href: "/handover", label: "Handover", minimum: "OPERATOR", icon: <HandoverIcon /> },
  { href: "/insights", label: "Insights", minimum: "MANAGER", icon: <InsightIcon /> },
  { href: "/decisions", label: "Decisions", minimum: "MANAGER", icon: <DecisionIcon /> },
  { href: "/automation", label: "Automation", minimum: "MANAGER", icon: <AutomationIcon /> },
  { href: "/checklists", label: "Checklists", minimum: "MANAGER", icon: <ChecklistIcon /> },
  { href: "/admin", label: "Admin", minimum: "ADMIN", icon: <AdminIcon /> },
];

export function MainNav({ role }: { role: TRole }) {
  const pathname = usePathname();
  return (
    <nav className={styles.nav} aria-label="Main">
      <ul>
        {items
          .filter((item) => roleAtLeast(role, item.minimum))
          .map((item) => {
            const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
            return (
              <li key={item.href}>
                <Link href={item.href} className={styles.navLink} aria-current={current ? "page" : undefined}>
                  {item.icon}
                  {item.label}
                </Link>
              </li>
            );
          })}
      </ul>
    </nav>
  );
}
