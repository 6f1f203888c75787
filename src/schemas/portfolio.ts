import type { Breach, Concentration, ExposureBucket, MigrationMatrix, PortfolioExpectedLoss, RiskAppetite, Tie, TopN, WeeklyTrend } from '../domain/portfolio/index.ts'

/** The answers of /api/v1/portfolio/* (docs/portfolio.md), shared by the services that build them and the web UI that reads them. */
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
  expectedLoss: PortfolioExpectedLoss & {
    /** The largest contributors, each with its PD, LGD and EAD. */
    top: { customerId: string; name: string; grade: string | null; pd: number; lgd: number; ead: number; value: number }[]
  }
  appetite: RiskAppetite & { breaches: Breach[] }
}

export type GroupExposure = {
  leadId: string
  name: string
  exposure: number
  share: number | null
  /** Over the appetite's group limit. */
  breach: boolean
  members: { customerId: string; name: string; grade: string | null; ead: number }[]
  ties: Tie[]
}

export type GroupExposures = {
  asOf: string
  currency: string
  basis: ExposureBasis
  total: number
  rules: { minSharePct: number; kinds: string[] }
  maxGroupShare: number | null
  groups: number
  items: GroupExposure[]
}

export type GradeMigration = MigrationMatrix & { from: string; to: string; scaleVersion: string }

export type AlertTrends = {
  from: string
  to: string
  /** Alerts raised per week, one series per severity (shadow hits left out). */
  alerts: WeeklyTrend
  /** Cases closed per week, one series per disposition. */
  dispositions: WeeklyTrend
}
