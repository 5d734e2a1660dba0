"use client";

import { usePathname } from "next/navigation";
import { type ReactNode, useState } from "react";
import { CloseIcon, MenuIcon } from "~/components/ui/icons";
import type { TMe, TPlantTree } from "~/lib/api-types";
import styles from "./app-shell.module.css";
import { BrandMark } from "./brand-mark";
import { MainNav } from "./main-nav";
import { PlantTree } from "./plant-tree";
import { TenantSwitcher } from "./tenant-switcher";
import { UserMenu } from "./user-menu";

type TAppShellProps = {
  user: TMe["user"];
  tenants: TMe["tenants"];
  active: NonNullable<TMe["active"]>;
  initialTree: TPlantTree;
  children: ReactNode;
};

/**
 * Sidebar on wide screens; below 1100px it becomes a drawer behind a top bar so a
 * 1280×800 tablet in portrait still gets the full width for the page.
 */
export function AppShell({ user, tenants, active, initialTree, children }: TAppShellProps) {
  const pathname = usePathname();
  // The drawer remembers the page it was opened on, so following a link inside it closes it.
  const [drawerOpenedAt, setDrawerOpenedAt] = useState<string | null>(null);
  const drawerOpen = drawerOpenedAt === pathname;
  const setDrawerOpen = (open: boolean) => setDrawerOpenedAt(open ? pathname : null);

  return (
    <div className={styles.shell} data-drawer-open={drawerOpen}>
      <a className={styles.skip} href="#main">
        Skip to content
      </a>
      <header className={styles.topbar}>
        <button
          type="button"
          className={styles.iconButton}
          aria-label="Open navigation"
          aria-controls="app-sidebar"
          aria-expanded={drawerOpen}
          onClick={() => setDrawerOpen(true)}
        >
          <MenuIcon size={22} />
        </button>
        <BrandMark />
        <span className={styles.topbarPlant}>{active.name}</span>
      </header>
      <aside id="app-sidebar" className={styles.sidebar} aria-label="Navigation">
        <div className={styles.brandRow}>
          <BrandMark />
          <button
            type="button"
            className={`${styles.iconButton} ${styles.drawerClose}`}
            aria-label="Close navigation"
            onClick={() => setDrawerOpen(false)}
          >
            <CloseIcon size={20} />
          </button>
        </div>
        <TenantSwitcher tenants={tenants} active={active} />
        <MainNav role={active.role} />
        <PlantTree initialTree={initialTree} />
        <UserMenu user={user} />
      </aside>
      <button
        type="button"
        className={styles.scrim}
        tabIndex={-1}
        aria-label="Close navigation"
        onClick={() => setDrawerOpen(false)}
      />
      <main id="main" className={styles.main}>
        {children}
      </main>
    </div>
  );
}
