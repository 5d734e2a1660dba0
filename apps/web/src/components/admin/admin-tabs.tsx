"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import styles from "./admin.module.css";

const tabs = [
  { href: "/admin/members", label: "Members" },
  { href: "/admin/connectors", label: "Connectors" },
  { href: "/admin/calendar", label: "Shift calendar" },
  { href: "/admin/reasons", label: "Reason codes" },
  { href: "/admin/work-centers", label: "Work centers" },
  { href: "/admin/webhooks", label: "Webhooks" },
  { href: "/admin/insights", label: "Insights" },
  { href: "/admin/audit", label: "Audit log" },
];

export function AdminTabs() {
  const pathname = usePathname();
  return (
    <nav className={styles.tabs} aria-label="Administration">
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          className={styles.tab}
          aria-current={pathname.startsWith(tab.href) ? "page" : undefined}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
