import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, ApiError } from './client.ts'
import { ME_KEY } from './query-client.ts'
import type { Language, Me } from './types.ts'

/** The signed-in user, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api<Me>('/api/v1/me')
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null
        throw error
      }
    },
    staleTime: Infinity,
  })
}

export function useLogIn() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) => api('/api/v1/auth/login', { method: 'POST', json: credentials }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_KEY }),
  })
}

export function useLogOut() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => api('/api/v1/auth/logout', { method: 'POST' }),
    onSettled: () => {
      queryClient.clear()
      queryClient.setQueryData(ME_KEY, null)
    },
  })
}

/** Saves the interface language on the user, so it follows them to any browser. */
export function useSaveLanguage() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (language: Language) => api<Me>('/api/v1/me', { method: 'PATCH', json: { language } }),
    onSuccess: (me) => queryClient.setQueryData(ME_KEY, me),
  })
}
