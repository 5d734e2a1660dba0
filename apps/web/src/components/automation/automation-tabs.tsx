"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import styles from "./automation.module.css";

const tabs = [
  { href: "/automation", label: "Rules", exact: true },
  { href: "/automation/runs", label: "Run history", exact: false },
  { href: "/automation/notifications", label: "Notifications", exact: false },
];

export function AutomationTabs() {
  const pathname = usePathname();
  return (
    <nav className={styles.tabs} aria-label="Automation">
      {tabs.map((tab) => {
        const current = tab.exact
          ? pathname === tab.href || pathname.startsWith("/automation/rules")
          : pathname.startsWith(tab.href);
        return (
          <Link key={tab.href} href={tab.href} className={styles.tab} aria-current={current ? "page" : undefined}>
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
