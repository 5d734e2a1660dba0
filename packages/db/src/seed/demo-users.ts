import type { DemoUser } from "./plant-definition";

/** Password of every demo user. Demo data only: never seed it into a real installation's users. */
export const DEMO_PASSWORD = "gemba-demo";

export const DEMO_USERS = {
  admin: { email: "admin@demo.gemba.app", name: "Alex Admin" },
  manager: { email: "manager@demo.gemba.app", name: "Morgan Manager" },
  operator: { email: "operator@demo.gemba.app", name: "Omar Operator" },
} as const satisfies Record<string, DemoUser>;
