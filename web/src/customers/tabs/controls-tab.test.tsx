// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CustomerControlsView, LimitProposalView } from '../../api/control-queries.ts'
import type { Me } from '../../api/types.ts'
import { formatMoney } from '../../format/money.ts'
import { alertView } from '../../testing/alert-fixtures.ts'
import { renderWithApp } from '../../testing/render-with-app.tsx'
import { ControlsTab } from './controls-tab.tsx'

const me = (permissions: string[]): Me => ({ user: { id: 'u1', email: 'wang@example.com', name: '王伟', role: 'risk_manager', language: null, teamId: null }, permissions, via: 'session' })

const proposal = (overrides: Partial<LimitProposalView> = {}): LimitProposalView => ({
  id: 'p1',
  customerId: 'c1',
  contractId: 'k1',
  caseId: 'case1',
  alertId: 'a1',
  currentLimit: { amount: 200_000_00, currency: 'CNY' },
  proposedLimit: { amount: 150_000_00, currency: 'CNY' },
  cutPercent: 25,
  reason: 'high alert on a customer graded B: row high-weak-grade',
  reasons: [],
  status: 'proposed',
  proposedAt: '2026-11-02T09:00:00.000Z',
  proposedBy: 'system',
  decidedAt: null,
  decidedBy: null,
  note: null,
  ...overrides,
})

const controls = (overrides: Partial<CustomerControlsView> = {}): CustomerControlsView => ({
  customerId: 'c1',
  creditHold: { id: 'h1', customerId: 'c1', reason: 'critical alert: row critical-any-grade', alertId: 'a1', placedAt: '2026-11-02T09:00:00.000Z', placedBy: 'system', liftedAt: null, liftedBy: null, liftNote: null, alert: alertView({ caseId: 'case1' }) },
  liftedHolds: [],
  limitProposals: [proposal(), proposal({ id: 'p0', status: 'rejected', decidedAt: '2026-10-01T00:00:00.000Z', note: 'collateral covers it' })],
  reviews: [
    { id: 'r1', customerId: 'c1', caseId: 'case1', alertId: 'a1', taskId: 't1', taskStatus: 'open', statusBefore: 'active', dueOn: '2026-11-04', reason: 'row critical-any-grade', reasons: [], triggeredAt: '2026-11-02T09:00:00.000Z', triggeredBy: 'system' },
  ],
  ...overrides,
})

function stubFetch(data: CustomerControlsView) {
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const { pathname } = new URL(String(url), 'http://localhost')
    if (pathname === '/api/v1/customers/c1/controls') return Response.json(data)
    if (pathname.startsWith('/api/v1/limit-proposals/')) return Response.json(proposal({ status: pathname.endsWith('accept') ? 'accepted' : 'rejected', note: init?.body ? JSON.parse(String(init.body)).note ?? null : null }))
    return Response.json({ error: { code: 'not_found', message: pathname } }, { status: 404 })
  })
  vi.stubGlobal('fetch', fetch)
  return fetch
}

const renderTab = (permissions: string[], language: 'en' | 'zh-CN' = 'en') =>
  renderWithApp(
    <MemoryRouter>
      <ControlsTab customerId="c1" />
    </MemoryRouter>,
    { language, cached: [[['me'], me(permissions)]] },
  )

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('ControlsTab', () => {
  it('shows the active hold, the proposals with their limits and the review, without buttons for a viewer', async () => {
    stubFetch(controls())
    renderTab(['customers.read'])
    const hold = await screen.findByTestId('credit-hold')
    expect(hold.textContent).toContain('Credit hold active')
    expect(hold.textContent).toContain('critical alert: row critical-any-grade')
    expect(screen.queryByTestId('lift-hold')).toBeNull()
    expect(screen.getByTestId('proposal-limit-p1').textContent).toBe(`${formatMoney(200_000_00, 'CNY', 'en')} → ${formatMoney(150_000_00, 'CNY', 'en')} (cut 25%)`)
    expect(screen.queryByTestId('accept-p1')).toBeNull()
    expect(screen.getByTestId('limit-proposals').textContent).toContain('Awaiting a risk manager')
    expect(screen.getByTestId('limit-proposals').textContent).toContain('collateral covers it')
    expect(screen.getByTestId('control-reviews').textContent).toContain('Open')
  })

  it('accepts a proposal with one click and rejects one only with a note', async () => {
    const fetch = stubFetch(controls())
    renderTab(['customers.read', 'controls.decide', 'controls.lift'])
    fireEvent.click(await screen.findByTestId('accept-p1'))
    await waitFor(() => expect(fetch.mock.calls.some(([url, init]) => String(url).endsWith('/api/v1/limit-proposals/p1/accept') && init?.method === 'POST')).toBe(true))

    fireEvent.click(screen.getByTestId('reject-p1'))
    const form = await screen.findByTestId('reject-form')
    fireEvent.click(document.getElementById('reject-form-submit')!)
    expect(await within(form).findByText('Required')).toBeTruthy()
    fireEvent.change(within(form).getByRole('textbox'), { target: { value: ' limit already low ' } })
    fireEvent.click(document.getElementById('reject-form-submit')!)
    await waitFor(() => {
      const call = fetch.mock.calls.find(([url]) => String(url).endsWith('/api/v1/limit-proposals/p1/reject'))
      expect(call && JSON.parse(String(call[1]!.body))).toEqual({ note: 'limit already low' })
    })
  })

  it('says in Chinese when there is nothing to show', async () => {
    stubFetch(controls({ creditHold: null, limitProposals: [], reviews: [] }))
    renderTab(['customers.read'], 'zh-CN')
    expect((await screen.findByTestId('no-hold')).textContent).toBe('无信用冻结')
    expect(screen.getByText('暂无降额建议')).toBeTruthy()
    expect(screen.getByText('暂无复审')).toBeTruthy()
  })
})
