import { DEMO_PASSWORD, DEMO_USERS } from "@gemba/db/seed/demo-plant";

export { DEMO_PASSWORD };

export type DemoAccount = { email: string; role: string; sees: string };

/** The demo sign-ins printed at start; emails and password come from the seed itself. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: DEMO_USERS.admin.email, role: "admin", sees: "everything, plus /admin: members, connectors, audit log" },
  { email: DEMO_USERS.manager.email, role: "manager", sees: "/dashboard: live tiles, OEE trend, losses, orders" },
  { email: DEMO_USERS.operator.email, role: "operator", sees: "/floor: work centers, current order, last state" },
];
