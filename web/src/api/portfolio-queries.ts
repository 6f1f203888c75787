import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { Breach, Concentration, ExposureBucket, MigrationMatrix, RiskAppetite, Tie, TopN, WeeklyTrend } from '../../../src/domain/portfolio/index.ts'
import { api, queryString } from './client.ts'

/** The answers of /api/v1/portfolio/* (the service types reach the store, so they are restated here from the domain's). */
export type ExposureBasis = 'outstanding' | 'limit'

export type ConcentrationFigures = Concentration & { top: TopN }

export type PortfolioSummary = {
  asOf: string
  currency: string
  basis: ExposureBasis
  customers: number
  exposed: number
  exposure: number
  unconverted: { currency: string; amount: number; customers: number }[]
  byGrade: ExposureBucket[]
  byIndustry: (ExposureBucket & { name: string })[]
  byRegion: ExposureBucket[]
  concentration: { customers: ConcentrationFigures; industries: ConcentrationFigures; groups: ConcentrationFigures }
  expectedLoss: {
    total: number
    ratedExposure: number
    unratedExposure: number
    unratedCustomers: number
    rate: number | null
    lgd: number
    top: { customerId: string; name: string; grade: string | null; pd: number; lgd: number; ead: number; value: number }[]
  }
  appetite: RiskAppetite & { breaches: Breach[] }
}

export type GradeMigration = MigrationMatrix & { from: string; to: string; scaleVersion: string }

export type GroupExposures = {
  asOf: string
  currency: string
  basis: ExposureBasis
  total: number
  rules: { minSharePct: number; kinds: string[] }
  maxGroupShare: number | null
  groups: number
  items: { leadId: string; name: string; exposure: number; share: number | null; breach: boolean; members: { customerId: string; name: string; grade: string | null; ead: number }[]; ties: Tie[] }[]
}

export type AlertTrends = { from: string; to: string; alerts: WeeklyTrend; dispositions: WeeklyTrend }

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
