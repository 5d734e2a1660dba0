import { ROLES, roleLabels, type TRole } from "@gemba/domain/roles";

export const roleHints: Record<TRole, string> = {
  OPERATOR: "Floor pages only",
  MANAGER: "Dashboard and floor",
  ADMIN: "Everything, including people and settings",
};

/** Admin first: the order people pick roles in. */
export const roleOptions = [...ROLES].reverse().map((role) => ({ value: role, label: roleLabels[role] }));
