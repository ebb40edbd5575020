// What each role may do. Region visibility is separate: it comes from the user's granted regions.
export const ROLES = ['admin', 'manager', 'analyst', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = ['view', 'export', 'share', 'acknowledge', 'admin'] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: ['view', 'export', 'share', 'acknowledge', 'admin'],
  manager: ['view', 'export', 'share', 'acknowledge'],
  analyst: ['view', 'export', 'acknowledge'],
  viewer: ['view'],
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'Everything, in every region, plus the admin console (users, roles, regions, audit log).',
  manager: 'Dashboards of their own regions; exports CSV; creates share links; acknowledges alerts.',
  analyst: 'Dashboards of their own regions; exports CSV; acknowledges alerts.',
  viewer: 'Dashboards of their own regions, read only.',
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export const permissionsOf = (role: Role): readonly Permission[] => GRANTS[role];
