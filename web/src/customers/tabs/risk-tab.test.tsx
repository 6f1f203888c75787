// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Assessment, Me } from '../../api/types.ts'
import { formatMoney } from '../../format/money.ts'
import { renderWithApp } from '../../testing/render-with-app.tsx'
import { assessment, CUSTOMER_ID, financialAnalysis } from '../../testing/risk-fixtures.ts'
import { RiskTab } from './risk-tab.tsx'

const me = (permissions: string[]): Me => ({ user: { id: 'u1', email: 'wang.fang@example.com', name: '王芳', role: 'analyst', language: null, teamId: null }, permissions, via: 'session' })

type Answer = { status?: number; body: unknown }

/** Answers the API calls the tab makes; `post` answers POSTs by path. */
function stubApi({ assessments = [assessment()], post = {} }: { assessments?: Assessment[]; post?: Record<string, Answer> } = {}) {
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const path = String(url)
    if (init?.method === 'POST') {
      const answer = post[path] ?? { status: 404, body: { error: { code: 'not_found', message: `no stub for ${path}` } } }
      return Response.json(answer.body, { status: answer.status ?? 200 })
    }
    if (path === `/api/v1/customers/${CUSTOMER_ID}/assessments`) return Response.json({ items: assessments })
    if (path === `/api/v1/customers/${CUSTOMER_ID}/financial-analysis`) return Response.json(financialAnalysis())
    return Response.json({ error: { code: 'not_found', message: path } }, { status: 404 })
  })
  vi.stubGlobal('fetch', fetch)
  return fetch
}

const calls = (fetch: ReturnType<typeof stubApi>, method: string, path: string) =>
  fetch.mock.calls.filter(([url, init]) => url === path && ((init as RequestInit | undefined)?.method ?? 'GET') === method)

function renderTab(permissions = ['customers.read', 'customers.write', 'ratings.override']) {
  return renderWithApp(<RiskTab customerId={CUSTOMER_ID} canWrite={permissions.includes('customers.write')} />, { language: 'en', cached: [[['me'], me(permissions)]] })
}

describe('RiskTab', () => {
  afterEach(() => {
    cleanup()
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('shows the latest grade, PD, reason codes in the order given (adverse in red) and the limit with the candidate that bound it', async () => {
    stubApi()
    const latest = assessment()
    const { i18n } = renderTab()

    const card = await screen.findByTestId('latest-assessment')
    await waitFor(() => expect(within(card).getAllByTestId('grade')[0]!.textContent).toBe(latest.grade))
    expect(within(card).getByTestId('pd').textContent).toMatch(/%$/)

    const reasons = within(card).getAllByTestId('reason-code')
    const rating = latest.rating.rated ? latest.rating : null
    expect(reasons.map((li) => li.querySelector('.ant-tag')?.textContent)).toEqual(rating!.reasonCodes.map((r) => r.code))
    expect(reasons[0]!.dataset.adverse).toBe('true')
    expect(reasons[0]!.textContent).toContain('Z-score zone (Grey) implies a PD of 4%, above the portfolio-neutral 2%')

    expect(within(card).getByTestId('limit-amount').textContent).toBe(formatMoney(latest.limit!.limit!, 'CNY', 'en'))
    expect(within(card).getAllByTestId('binding-candidate')).toHaveLength(1)
    const bound = within(card).getByTestId('binding-candidate').closest('tr')!
    expect(bound.textContent).toContain(i18n.t(`risk.limit.methods.${latest.limit!.binding}`))
    expect(within(card).getByTestId('limit-candidates').querySelectorAll('tbody tr')).toHaveLength(5)
  })

  it("shows an override's grade with the model's struck through, and the justification", async () => {
    const justification = 'Main buyer went bankrupt in February; receivables at risk'
    stubApi({
      assessments: [
        assessment({
          grade: 'BB',
          finalGrade: 'B',
          override: { fromGrade: 'BB', toGrade: 'B', notches: 1, direction: 'downgrade', justification, by: 'user:u2', at: '2025-03-02T08:00:00.000Z' },
        }),
      ],
    })
    renderTab()
    const card = await screen.findByTestId('latest-assessment')
    await waitFor(() => expect(within(card).getByTestId('model-grade').textContent).toBe('BB'))
    expect(within(card).getAllByTestId('grade')[0]!.querySelector('.ant-tag')?.textContent).toBe('B')
    expect(within(card).getByTestId('model-grade').querySelector('del')).not.toBeNull()
    expect(within(card).getByTestId('override-note').textContent).toContain(justification)
  })

  it('draws the Z-score over the zone bands and the PD trend', async () => {
    // happy-dom lays nothing out: give the charts the size a browser would.
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800)
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(300)
    stubApi({ assessments: [assessment(), assessment({ id: 'a1', createdAt: '2025-01-01T00:00:00.000Z', pd: 0.01, grade: 'BB', finalGrade: 'BB' })] })
    renderTab()
    await waitFor(() => expect(screen.getByTestId('z-score-chart').querySelector('svg')).not.toBeNull())
    expect(screen.getByTestId('z-score-chart').textContent).toContain('Distress')
    await waitFor(() => expect(screen.getByTestId('pd-trend-chart').querySelector('svg')).not.toBeNull())
    expect(screen.getByTestId('pd-trend-chart').textContent).toContain('BB')
  })

  it('shows every ratio it can, and a dash with the reason for the ones it cannot, never NaN', async () => {
    stubApi()
    renderTab()
    const table = await screen.findByTestId('ratios-table')
    expect(within(table).getAllByTestId('ratio-missing').length).toBeGreaterThan(0)
    expect(table.textContent).not.toContain('NaN')
    expect(table.textContent).toContain('Current ratio')
  })

  it('assesses now and refreshes the history', async () => {
    const fetch = stubApi({ post: { [`/api/v1/customers/${CUSTOMER_ID}/assessments`]: { status: 201, body: assessment({ id: 'a3' }) } } })
    renderTab()
    const path = `/api/v1/customers/${CUSTOMER_ID}/assessments`
    await waitFor(() => expect(calls(fetch, 'GET', path)).toHaveLength(1))

    fireEvent.click(await screen.findByTestId('assess-now'))

    await waitFor(() => expect(calls(fetch, 'POST', path)).toHaveLength(1))
    await waitFor(() => expect(calls(fetch, 'GET', path)).toHaveLength(2))
  })

  it('offers no assessing, scoring or overriding to a reader without the permissions', async () => {
    stubApi()
    renderTab(['customers.read'])
    await screen.findByTestId('reason-codes')
    expect(screen.queryByTestId('assess-now')).toBeNull()
    expect(screen.queryByTestId('override')).toBeNull()
    expect(screen.queryByTestId('score-with-scorecard')).toBeNull()
  })

  it('says there is no approved scorecard when the server answers 409, and shows the points when there is one', async () => {
    const path = `/api/v1/customers/${CUSTOMER_ID}/scores`
    const post: Record<string, Answer> = { [path]: { status: 409, body: { error: { code: 'conflict', message: 'no approved scorecard' } } } }
    const fetch = stubApi({ post })
    renderTab()

    fireEvent.click(await screen.findByTestId('score-with-scorecard'))
    expect(await screen.findByTestId('no-scorecard')).toBeTruthy()
    expect(JSON.parse(String((calls(fetch, 'POST', path)[0]![1] as RequestInit).body))).toEqual({})

    post[path] = {
      body: {
        modelId: 'm1',
        name: 'SME application',
        version: 2,
        score: 612.4,
        pd: 0.018,
        reasons: [{ feature: 'yearsTrading', pointsLost: 14.2 }],
        basePoints: 619.7,
        points: [
          { feature: 'yearsTrading', value: 2, bin: '< 3', points: -8.5 },
          { feature: 'currentRatio', value: null, bin: '(missing)', points: 1.2 },
        ],
        missing: ['currentRatio'],
      },
    }
    fireEvent.click(screen.getByTestId('score-with-scorecard'))
    const table = await screen.findByTestId('scorecard-points')
    expect(within(table).getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual(['yearsTrading2< 3-8.5', 'currentRatio(missing)(missing)1.2'])
    expect(screen.getByTestId('scorecard-score').textContent).toBe('612.4')
    expect(screen.getByText('yearsTrading (−14.2)')).toBeTruthy()
  })

  it('overrides with a justification checked here first, and puts the server’s field errors on the field', async () => {
    const path = '/api/v1/assessments/a2/override'
    const post: Record<string, Answer> = {
      [path]: { status: 400, body: { error: { code: 'validation', message: 'invalid', details: [{ path: 'justification', message: 'must be at least 20 characters, is 19' }] } } },
    }
    const fetch = stubApi({ post })
    renderTab()
    fireEvent.click(await screen.findByTestId('override'))
    const dialog = await screen.findByRole('dialog')
    const justification = within(dialog).getByTestId('override-justification') as HTMLTextAreaElement

    fireEvent.change(justification, { target: { value: 'too short' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Override' }))
    expect(await within(dialog).findByText('At least 20 characters')).toBeTruthy()
    expect(calls(fetch, 'POST', path)).toHaveLength(0)

    fireEvent.change(justification, { target: { value: '  Main buyer went bankrupt in February  ' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Override' }))
    await waitFor(() => expect(calls(fetch, 'POST', path)).toHaveLength(1))
    expect(JSON.parse(String((calls(fetch, 'POST', path)[0]![1] as RequestInit).body))).toEqual({ grade: assessment().grade, justification: 'Main buyer went bankrupt in February' })
    expect(await within(dialog).findByText('At least 20 characters')).toBeTruthy()
  })
})
