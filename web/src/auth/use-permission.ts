import { useMe } from '../api/me-queries.ts'

/** Whether the signed-in user holds a permission; the UI hides what the server would refuse. */
export function useHasPermission(permission: string): boolean {
  return useMe().data?.permissions.includes(permission) ?? false
}
