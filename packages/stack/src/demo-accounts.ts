import { DEMO_PASSWORD, DEMO_USERS } from "@gemba/db/seed/demo-plant";

export { DEMO_PASSWORD };

export type DemoAccount = { email: string; role: string; sees: string };

/** The demo sign-ins printed at start; emails and password come from the seed itself. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: DEMO_USERS.admin.email, role: "admin", sees: "/admin: connectors, users, shift calendars" },
  { email: DEMO_USERS.manager.email, role: "manager", sees: "/dashboard: live work centers, OEE, losses, decisions" },
  { email: DEMO_USERS.operator.email, role: "operator", sees: "/floor: the tablet view, stop reasons and tasks" },
];
