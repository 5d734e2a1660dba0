"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import styles from "./insights.module.css";

const tabs = [
  { href: "/insights", label: "Feed", exact: true },
  { href: "/insights/spc", label: "SPC charts", exact: false },
  { href: "/insights/bottlenecks", label: "Bottlenecks", exact: false },
];

export function InsightsTabs() {
  const pathname = usePathname();
  return (
    <nav className={styles.tabs} aria-label="Insights">
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          className={styles.tab}
          aria-current={(tab.exact ? pathname === tab.href : pathname.startsWith(tab.href)) ? "page" : undefined}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
