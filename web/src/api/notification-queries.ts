import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from './client.ts'
import type { InboxNotification } from './types.ts'

/** The signed-in user's inbox, newest first, with the unread count; polled once a minute. */
export function useNotifications() {
  return useQuery({
    queryKey: ['notifications'],
    queryFn: ({ signal }) => api<{ items: InboxNotification[]; unreadCount: number; nextCursor: string | null }>('/api/v1/me/notifications?limit=20', { signal }),
    refetchInterval: 60_000,
  })
}

/** Marks one notification read, or all of them without an id. */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id?: string) => api<{ marked: number }>(id ? `/api/v1/me/notifications/${id}/read` : '/api/v1/me/notifications/read-all', { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  })
}
