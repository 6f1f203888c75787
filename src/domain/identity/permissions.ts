/**
 * The one permission matrix. Every route names the permission it needs and the server
 * checks it against the caller's role; the web UI only hides what the server would refuse.
 */
export const ROLES = ['admin', 'risk_manager', 'analyst', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export const PERMISSIONS = {
  'users.manage': 'Create, edit and deactivate users',
  'teams.manage': 'Create, edit and delete teams',
  'apiKeys.manage': 'Issue and revoke API keys',
  'audit.read': 'Read and verify the audit ledger',
} as const
export type Permission = keyof typeof PERMISSIONS

const MATRIX: Record<Role, readonly Permission[]> = {
  admin: ['users.manage', 'teams.manage', 'apiKeys.manage', 'audit.read'],
  risk_manager: ['audit.read'],
  analyst: [],
  viewer: [],
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return MATRIX[role].includes(permission)
}

export function permissionsOf(role: Role): Permission[] {
  return [...MATRIX[role]]
}
