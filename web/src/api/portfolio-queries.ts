import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { AlertTrends, ExposureBasis, GradeMigration, GroupExposures, PortfolioSummary } from '../../../src/schemas/portfolio.ts'
import { api, queryString } from './client.ts'

/** The answers of /api/v1/portfolio/*, typed by the server's own definitions. */
export type { AlertTrends, ConcentrationFigures, ExposureBasis, GradeMigration, GroupExposures, PortfolioSummary } from '../../../src/schemas/portfolio.ts'

export function usePortfolioSummary(basis: ExposureBasis) {
  return useQuery({
    queryKey: ['portfolio', 'summary', basis],
    queryFn: ({ signal }) => api<PortfolioSummary>(`/api/v1/portfolio/summary${queryString({ basis: basis === 'outstanding' ? undefined : basis })}`, { signal }),
    placeholderData: keepPreviousData,
  })
}

export function useGradeMigration(from: string, to: string) {
  return useQuery({
    queryKey: ['portfolio', 'migration', from, to],
    queryFn: ({ signal }) => api<GradeMigration>(`/api/v1/portfolio/migration${queryString({ from, to })}`, { signal }),
    placeholderData: keepPreviousData,
  })
}

export function useGroupExposures(basis: ExposureBasis) {
  return useQuery({
    queryKey: ['portfolio', 'groups', basis],
    queryFn: ({ signal }) => api<GroupExposures>(`/api/v1/portfolio/groups${queryString({ basis: basis === 'outstanding' ? undefined : basis, limit: 20 })}`, { signal }),
    placeholderData: keepPreviousData,
  })
}

export function useAlertTrends(weeks = 12) {
  return useQuery({ queryKey: ['portfolio', 'alert-trends', weeks], queryFn: ({ signal }) => api<AlertTrends>(`/api/v1/portfolio/alert-trends${queryString({ weeks })}`, { signal }) })
}
