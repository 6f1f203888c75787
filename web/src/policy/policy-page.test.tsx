// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Me } from '../api/types.ts'
import type { PolicyVersion, PolicyVersionSummary, PolicyWhatIf, RiskPolicy } from '../api/policy-queries.ts'
import { renderWithApp } from '../testing/render-with-app.tsx'
import { PolicyPage } from './policy-page.tsx'

const me = (permissions: string[]): Me => ({ user: { id: 'u2', email: 'li.na@example.com', name: '李娜', role: 'risk_manager', language: null, teamId: null }, permissions, via: 'session' })

const document: RiskPolicy = {
  masterScale: {
    version: 's1',
    grades: [
      { grade: 'A', lower: 0, upper: 0.01, description: 'low risk' },
      { grade: 'B', lower: 0.01, upper: 0.1, description: 'medium risk' },
      { grade: 'C', lower: 0.1, upper: 1, description: 'high risk' },
    ],
  },
  ratingWeights: { version: 'w1', weights: { scorecardPd: 1, zScoreZone: 0, bureauScore: 0, paymentBehaviour: 0, expertScore: 0, industryRisk: 0 } },
  thresholds: { utilisationWarning: 0.9, utilisationBreach: 1, downgradeAlertNotches: 2, watchListGrade: 'C' },
  actionsPerGrade: { A: ['standard_terms'], B: ['monitor'], C: ['credit_hold'] },
  reviewFrequencyPerGrade: { A: { every: 12, unit: 'months' }, B: { every: 3, unit: 'months' }, C: { every: 1, unit: 'months' } },
  limitRules: { gradeScale: { A: 1, B: 0.5, C: 0 }, percentages: { tangibleNetWorth: 10, workingCapital: 20, monthlySales: 25 }, roundingUnit: 100_000, defaultCreditTermsDays: 30 },
  approvalMatrix: { currency: 'CNY', rules: [{ requestKind: 'credit_limit', maxAmount: null, grades: [], role: 'admin', approvers: 2 }] },
  riskAppetite: { maxSingleNameShare: 0.1, maxIndustryShare: 0.3 },
}

const summary = (version: number, status: PolicyVersionSummary['status'], createdBy: string): PolicyVersionSummary => ({
  id: `v${version}`,
  version,
  status,
  note: `note ${version}`,
  createdBy,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedBy: createdBy,
  updatedAt: '2026-01-01T00:00:00.000Z',
  submittedBy: status === 'pending_approval' ? createdBy : null,
  submittedAt: null,
  approvedBy: status === 'active' ? 'user:u7' : null,
  approvedAt: status === 'active' ? '2026-01-02T00:00:00.000Z' : null,
  rejectedBy: null,
  rejectedAt: null,
  rejectionReason: null,
  supersededAt: null,
})
const versions = [summary(5, 'draft', 'user:u2'), summary(4, 'pending_approval', 'user:u9'), summary(3, 'pending_approval', 'user:u2'), summary(2, 'active', 'user:u9'), summary(1, 'superseded', 'system')]
const full = (v: PolicyVersionSummary): PolicyVersion => ({ ...v, document })

const whatIf: PolicyWhatIf = {
  active: { id: 'v2', version: 2 },
  candidate: { id: 'v5', version: 5, status: 'draft' },
  customers: [
    {
      customerId: 'c0',
      name: '不变的客户',
      industryCode: 'C33',
      before: { grade: 'A', pd: 0.001, limit: null, currency: null, limitReason: 'no financial statement on file', utilisation: null },
      after: { grade: 'A', pd: 0.001, limit: null, currency: null, limitReason: 'no financial statement on file', utilisation: null },
      gradeChange: 'unchanged',
      notches: 0,
      limitChange: null,
    },
    {
      customerId: 'c1',
      name: '苏州示例精密制造有限公司',
      industryCode: 'C33',
      before: { grade: 'A', pd: 0.005, limit: 1_000_000, currency: 'CNY', limitReason: null, utilisation: 0.5 },
      after: { grade: 'B', pd: 0.005, limit: 500_000, currency: 'CNY', limitReason: null, utilisation: 1 },
      gradeChange: 'downgrade',
      notches: 1,
      limitChange: -500_000,
    },
  ],
  summary: {
    customers: 1,
    upgrades: 0,
    downgrades: 1,
    unchanged: 0,
    nowRated: 0,
    noLongerRated: 0,
    limitsChanged: 1,
    limitTotals: [{ currency: 'CNY', before: 1_000_000, after: 500_000 }],
    alertCounts: {
      utilisation_breach: { before: 0, after: 0 },
      utilisation_warning: { before: 0, after: 1 },
      downgrade: { before: 0, after: 0 },
      watch_list: { before: 0, after: 0 },
      single_name_concentration: { before: 1, after: 1 },
      industry_concentration: { before: 1, after: 1 },
    },
  },
  alerts: [{ kind: 'utilisation_warning', customerId: 'c1', industryCode: 'C33', currency: 'CNY', value: 1, threshold: 0.9, message: '苏州示例 would use 100.0 % of a limit', isNew: true }],
}

function stubFetch(answer: (path: string, init: RequestInit | undefined) => Response | undefined) {
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const path = String(url)
    const given = answer(path, init)
    if (given) return given
    if (path === '/api/v1/policy') return Response.json(full(versions[3]!))
    if (path === '/api/v1/policy/versions') return Response.json({ items: versions, actorNames: { 'user:u9': '王芳' } })
    if (path === '/api/v1/policy/attestations/me') return Response.json({ policyVersionId: 'v2', version: 2, attestedAt: null })
    const one = /^\/api\/v1\/policy\/versions\/(v\d)$/.exec(path)
    if (one) return Response.json(full(versions.find((v) => v.id === one[1])!))
    return Response.json({})
  })
  vi.stubGlobal('fetch', fetch)
  return fetch
}

const posted = (fetch: ReturnType<typeof stubFetch>, url: string) => fetch.mock.calls.find(([path, init]) => path === url && (init?.method === 'POST' || init?.method === 'PUT'))

function renderPage(permissions: string[]) {
  return renderWithApp(
    <MemoryRouter initialEntries={['/policy']}>
      <PolicyPage />
    </MemoryRouter>,
    { language: 'en', cached: [[['me'], me(permissions)]] },
  )
}

const openTab = async (name: string) => fireEvent.click(await screen.findByRole('tab', { name }))

describe('PolicyPage', () => {
  afterEach(() => {
    cleanup()
    vi.unstubAllGlobals()
  })

  it('shows the active version’s master scale with each grade’s review and actions, and acknowledges it', async () => {
    const fetch = stubFetch(() => undefined)
    renderPage(['customers.read'])
    const scale = await screen.findByTestId('policy-master-scale')
    const rows = within(scale).getAllByRole('row').slice(1)
    expect(rows.map((row) => row.textContent)).toEqual([expect.stringContaining('every 12 months'), expect.stringContaining('every 3 months'), expect.stringContaining('monthly')])
    expect(rows[2]!.textContent).toContain('Credit hold')
    expect(screen.queryByTestId('policy-new-draft')).toBeNull()
    expect(screen.queryByRole('tab', { name: 'Attestations' })).toBeNull()
    fireEvent.click(screen.getByTestId('policy-attest'))
    await waitFor(() => expect(posted(fetch, '/api/v1/policy/attest')).toBeDefined())
  })

  it('offers the approval only to a user who did not make the version', async () => {
    const fetch = stubFetch(() => undefined)
    renderPage(['customers.read', 'policy.manage', 'policy.approve'])
    await openTab('Versions')
    const table = await screen.findByTestId('policy-versions')
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(6))
    expect(within(table).queryByTestId('policy-approve-3')).toBeNull()
    expect(within(table).getAllByRole('row')[3]!.textContent).toContain('Needs another approver')
    expect(within(table).getAllByRole('row')[3]!.textContent).toContain('you')
    expect(within(table).getAllByRole('row')[2]!.textContent).toContain('王芳')
    fireEvent.click(within(table).getByTestId('policy-approve-4'))
    fireEvent.click(await screen.findByRole('button', { name: 'OK' }))
    await waitFor(() => expect(posted(fetch, '/api/v1/policy/versions/v4/approve')).toBeDefined())
  })

  it('saves a draft and shows the fields the server names as wrong', async () => {
    const fetch = stubFetch((path, init) =>
      init?.method === 'PUT'
        ? Response.json({ error: { code: 'validation_failed', message: 'the policy is not valid', details: [{ path: 'document.masterScale.grades[1].lower', message: "must equal the previous band's upper bound" }] } }, { status: 400 })
        : undefined,
    )
    renderPage(['customers.read', 'policy.manage'])
    await openTab('Versions')
    fireEvent.click(await screen.findByTestId('policy-edit-5'))
    expect(((await screen.findByTestId('policy-scale-version', {}, { timeout: 5000 })) as HTMLInputElement).value).toBe('s1')
    fireEvent.click(await screen.findByRole('tab', { name: 'Whole document (JSON)' }))
    const json = (await screen.findByTestId('policy-json', {}, { timeout: 5000 })) as HTMLTextAreaElement
    expect(JSON.parse(json.value)).toEqual(document)
    fireEvent.change(json, { target: { value: JSON.stringify({ ...document, riskAppetite: { maxSingleNameShare: 0.2, maxIndustryShare: 0.3 } }) } })
    fireEvent.click(screen.getByTestId('policy-save'))
    expect((await screen.findByTestId('policy-problem')).textContent).toContain("document.masterScale.grades[1].lower: must equal the previous band's upper bound")
    const [, init] = posted(fetch, '/api/v1/policy/versions/v5')!
    expect(JSON.parse(init!.body as string).document.riskAppetite.maxSingleNameShare).toBe(0.2)
  })

  it('runs a draft over the portfolio and lists who changes grade and the alerts that would fire', async () => {
    stubFetch((path, init) => (path === '/api/v1/policy/versions/v5/what-if' && init?.method === 'POST' ? Response.json(whatIf) : undefined))
    renderPage(['customers.read', 'policy.manage'])
    await openTab('Versions')
    fireEvent.click(await screen.findByTestId('policy-what-if-5'))
    const customers = await screen.findByTestId('policy-what-if-customers')
    const rows = within(customers).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(1) // the customer whose grade and limit stay is left out
    const [row] = rows
    expect(row!.textContent).toContain('苏州示例精密制造有限公司')
    expect(row!.textContent).toContain('downgrade')
    expect(screen.getByTestId('policy-what-if-alerts').textContent).toContain('苏州示例精密制造有限公司 would use 100% of its limit (warning from 90%)')
    expect(screen.getByTestId('policy-what-if-alerts').textContent).toContain('new')
  })

  it('compares a version with the active one field by field', async () => {
    stubFetch((path) =>
      path === '/api/v1/policy/diff?from=v2&to=v5'
        ? Response.json({ from: { id: 'v2', version: 2 }, to: { id: 'v5', version: 5 }, changes: [{ kind: 'changed', path: 'riskAppetite.maxSingleNameShare', before: 0.1, after: 0.2 }] })
        : undefined,
    )
    renderPage(['customers.read', 'policy.manage'])
    await openTab('Versions')
    const table = await screen.findByTestId('policy-versions')
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(6))
    fireEvent.click(within(within(table).getAllByRole('row')[1]!).getByRole('button', { name: 'Compare with active' }))
    const diff = await screen.findByTestId('policy-diff')
    expect(within(diff).getAllByRole('row')[1]!.textContent).toBe('riskAppetite.maxSingleNameSharechanged0.10.2')
  })
})
