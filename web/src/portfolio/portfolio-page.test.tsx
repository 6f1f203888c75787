// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AlertTrends, GradeMigration, GroupExposures, PortfolioSummary } from '../api/portfolio-queries.ts'
import { renderWithApp } from '../testing/render-with-app.tsx'
import { migrationCellColour } from './portfolio-charts.ts'
import { PortfolioPage } from './portfolio-page.tsx'

const figures = (hhi: number | null, top: { key: string; name: string; exposure: number; share: number }[]) => ({
  hhi, effectiveNumber: hhi === null ? null : 1 / hhi, total: 1_000_000, names: top.length, reason: null,
  top: { n: 10, share: top.reduce((s, t) => s + t.share, 0), exposure: 0, total: 1_000_000, top },
})

const summary: PortfolioSummary = {
  asOf: '2026-11-29T00:00:00.000Z', currency: 'CNY', basis: 'outstanding', customers: 5, exposed: 4, exposure: 1_000_000,
  unconverted: [{ currency: 'EUR', amount: 5_000, customers: 1 }],
  byGrade: [{ key: 'BB', exposure: 500_000, customers: 1, exposed: 1, share: 0.5 }, { key: 'unrated', exposure: 500_000, customers: 4, exposed: 3, share: 0.5 }],
  byIndustry: [{ key: 'C', name: 'Manufacturing', exposure: 1_000_000, customers: 5, exposed: 4, share: 1 }],
  byRegion: [{ key: 'Guangdong', exposure: 1_000_000, customers: 5, exposed: 4, share: 1 }],
  concentration: {
    customers: figures(0.361682, [{ key: 'c1', name: 'Company A', exposure: 500_000, share: 0.5 }]),
    industries: figures(1, [{ key: 'C', name: 'Manufacturing', exposure: 1_000_000, share: 1 }]),
    groups: figures(0.5, []),
  },
  expectedLoss: { total: 7_092, ratedExposure: 929_000, unratedExposure: 71_000, unratedCustomers: 1, rate: 0.00763, lgd: 0.45, top: [] },
  appetite: {
    version: 'fengkong-default-appetite-1', maxSingleNameShare: 0.1, maxGroupShare: 0.15, maxIndustryShare: 0.3,
    breaches: [{ kind: 'single_name', key: 'c1', name: 'Company A', exposure: 500_000, total: 1_000_000, share: 0.5, limit: 0.1, excess: 444_445 }],
  },
}

const migration: GradeMigration = {
  from: '2025-11-29', to: '2026-11-29', scaleVersion: 's', columns: ['A', 'B', 'exited'],
  rows: [
    { from: 'A', total: 4, counts: [3, 1, 0], percentages: [75, 25, 0] },
    { from: 'B', total: 0, counts: [0, 0, 0], percentages: [null, null, null] },
    { from: 'new', total: 2, counts: [0, 2, 0], percentages: [0, 100, 0] },
  ],
  customers: 6, unchanged: 3, upgrades: 0, downgrades: 1, unknownGrades: [],
}

const groups: GroupExposures = { asOf: summary.asOf, currency: 'CNY', basis: 'outstanding', total: 1_000_000, rules: { minSharePct: 50, kinds: ['parent'] }, maxGroupShare: 0.15, groups: 0, items: [] }
const trends: AlertTrends = { from: '2026-09-07', to: '2026-11-29', alerts: { weeks: ['2026-11-23'], series: [{ key: 'high', counts: [2], total: 2 }] }, dispositions: { weeks: ['2026-11-23'], series: [] } }

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('PortfolioPage', () => {
  it('shows exposure, concentration, the breaches and the migration matrix from the portfolio routes', async () => {
    const fetch = vi.fn(async (url: string) => {
      const path = String(url)
      if (path.startsWith('/api/v1/portfolio/summary')) return Response.json(summary)
      if (path.startsWith('/api/v1/portfolio/migration')) return Response.json(migration)
      if (path.startsWith('/api/v1/portfolio/groups')) return Response.json(groups)
      return Response.json(trends)
    })
    vi.stubGlobal('fetch', fetch)
    renderWithApp(
      <MemoryRouter>
        <PortfolioPage />
      </MemoryRouter>,
      { language: 'en' },
    )
    expect((await screen.findByTestId('portfolio-hhi')).textContent).toContain('0.3617')
    expect(screen.getByTestId('portfolio-unconverted').textContent).toContain('€50.00 (1)')
    const breaches = within(screen.getByTestId('breach-table')).getAllByRole('row').slice(1)
    expect(breaches.map((row) => row.textContent)).toEqual(['Single nameCompany A50% > 10%CN¥4,444.45'])
    const concentration = within(screen.getByTestId('concentration-table')).getAllByRole('row').slice(1)
    expect(concentration.map((row) => row.textContent)).toEqual(['Customer0.36172.850%1', 'Industry11100%1', 'Connected group0.520%0'])

    const matrix = await screen.findByTestId('migration-table')
    const rows = within(matrix).getAllByRole('row').slice(1)
    expect(rows.map((row) => row.textContent)).toEqual(['A3 (75%)1 (25%)4', 'B0', 'New2 (100%)2'])
    const calls = fetch.mock.calls.map(([url]) => String(url))
    expect(calls).toContain('/api/v1/portfolio/summary')
    expect(calls.some((url) => /^\/api\/v1\/portfolio\/migration\?from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d$/.test(url))).toBe(true)
    await waitFor(() => expect(calls.filter((url) => url.startsWith('/api/v1/portfolio/alert-trends'))).toHaveLength(1))
  })
})

describe('migration cell colours', () => {
  it('shade unchanged blue, downgrades red, upgrades green and entries or exits grey, deeper with the share', () => {
    expect(migrationCellColour(1, 1, 3, 50)).toBe('rgba(29, 78, 216, 0.40)')
    expect(migrationCellColour(0, 2, 3, 100)).toBe('rgba(220, 38, 38, 0.70)')
    expect(migrationCellColour(2, 0, 3, 10)).toBe('rgba(22, 163, 74, 0.16)')
    expect(migrationCellColour(3, 1, 3, 10)).toBe('rgba(100, 116, 139, 0.16)')
    expect(migrationCellColour(0, 0, 3, 0)).toBeUndefined()
    expect(migrationCellColour(0, 0, 3, null)).toBeUndefined()
  })
})
