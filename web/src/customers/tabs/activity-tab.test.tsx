// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CustomerMetrics, Page, TransactionView } from '../../api/types.ts'
import { formatMoney } from '../../format/money.ts'
import { ACTIVITY_CUSTOMER_ID, activitySeries, COUNTERPARTIES, customerFeatures, customerMetrics, emptyMetrics, transactionViews } from '../../testing/activity-fixtures.ts'
import { renderWithApp } from '../../testing/render-with-app.tsx'
import { ActivityTab } from './activity-tab.tsx'

const base = `/api/v1/customers/${ACTIVITY_CUSTOMER_ID}`

/** Answers the tab's GETs; `transactions` answers a transactions request by its query. */
function stubApi({ metrics = customerMetrics(), transactions = () => ({ items: transactionViews(), nextCursor: null }) }: { metrics?: CustomerMetrics; transactions?: (query: URLSearchParams) => Page<TransactionView> } = {}) {
  const fetch = vi.fn(async (url: string) => {
    const { pathname, searchParams } = new URL(url, 'http://localhost')
    if (pathname === `${base}/metrics`) return Response.json(metrics)
    if (pathname === `${base}/transactions`) return Response.json(transactions(searchParams))
    if (pathname === `${base}/activity-series`) return Response.json({ interval: searchParams.get('interval'), items: activitySeries() })
    if (pathname === `${base}/counterparties`) return Response.json({ items: COUNTERPARTIES })
    return Response.json({ error: { code: 'not_found', message: pathname } }, { status: 404 })
  })
  vi.stubGlobal('fetch', fetch)
  return fetch
}

/** The query of every transactions request so far. */
const transactionQueries = (fetch: ReturnType<typeof stubApi>) =>
  fetch.mock.calls.map(([url]) => new URL(String(url), 'http://localhost')).filter((url) => url.pathname === `${base}/transactions`).map((url) => url.searchParams)

const renderTab = () => renderWithApp(<ActivityTab customerId={ACTIVITY_CUSTOMER_ID} />, { language: 'en' })

describe('ActivityTab', () => {
  afterEach(() => {
    cleanup()
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('shows the features: window totals, shares, category shift, baselines and the as-of time', async () => {
    stubApi()
    renderTab()
    const card = await screen.findByTestId('features-card')
    const windows = within(card).getByTestId('feature-windows')
    const rows = within(windows).getAllByRole('row').slice(1)
    expect(rows.map((row) => row.querySelector('td')?.textContent)).toEqual(['Last hour', 'Last 24 hours', 'Last 7 days', 'Last 30 days', 'Last 90 days'])
    // 30 days: ¥88,000 in (the USD payment has no rate: counted, not summed); ¥40,000 out.
    expect(rows[3]!.textContent).toContain(formatMoney(88_000_00, 'CNY', 'en'))
    expect(rows[3]!.textContent).toContain(formatMoney(40_000_00, 'CNY', 'en'))
    expect(within(windows).getAllByRole('columnheader').map((th) => th.textContent)).toContain('Without a rate')

    expect(within(card).getByTestId('feature-cashShare').textContent).toBe('7.8%')
    expect(within(card).getByTestId('feature-distinct30d').textContent).toBe('3')
    expect(within(card).getByTestId('feature-categoryShift').textContent).toMatch(/^0\.\d{1,3}$/)
    expect(within(card).getByTestId('feature-amountBaseline').textContent).toMatch(/^CN¥[\d,.]+ ± CN¥[\d,.]+ \(5 observations\)$/)
    expect(within(card).getByTestId('feature-daysDormant').textContent).toBe('1.5 days')
    expect(card.textContent).toContain('As of')
  })

  it('shows a dash for a missing figure, its reason on hover', async () => {
    stubApi({ metrics: customerMetrics({ features: { ...customerFeatures(), cashShare: null, categoryShift: { divergence: null, reason: 'no categorised amounts in the last 30 days' } } }) })
    renderTab()
    const shift = await screen.findByTestId('feature-categoryShift')
    expect(within(screen.getByTestId('feature-cashShare')).getByTestId('missing-value').textContent).toBe('—')
    fireEvent.mouseEnter(within(shift).getByTestId('missing-value'))
    expect(await screen.findByText('No categorised amounts in the last 30 days')).toBeTruthy()
  })

  it('lists the transactions, newest first, in green and red, with the counterparty and its flag', async () => {
    stubApi()
    renderTab()
    const table = await screen.findByTestId('transactions-table')
    await waitFor(() => expect(within(table).getAllByTestId('direction')).toHaveLength(6))
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows[0]!.textContent).toContain('Acme Inc')
    expect(rows[0]!.textContent).toContain('🇺🇸 US')
    expect(rows[0]!.textContent).toContain(`+${formatMoney(5_000_00, 'USD', 'en')}`)
    expect(rows[1]!.textContent).toContain('Hanoi Trading')
    expect(rows[1]!.textContent).toContain(`−${formatMoney(30_000_00, 'CNY', 'en')}`)
    const tags = within(table).getAllByTestId('direction')
    expect(tags[0]!.className).toContain('green')
    expect(tags[1]!.className).toContain('red')
    expect(screen.getByTestId('counterparties-table').textContent).toContain('cp-huaqiang')
  })

  it('asks the server again with the filters chosen', async () => {
    const fetch = stubApi()
    renderTab()
    await screen.findByTestId('transactions-table')
    await waitFor(() => expect(transactionQueries(fetch)).toHaveLength(1))
    expect(transactionQueries(fetch)[0]!.get('direction')).toBeNull()

    fireEvent.click(within(screen.getByTestId('direction-filter')).getByText('Out'))
    await waitFor(() => expect(transactionQueries(fetch).at(-1)!.get('direction')).toBe('out'))

    fireEvent.change(screen.getByTestId('counterparty-filter'), { target: { value: ' 华强电子 ' } })
    // Sent once typing stops (300 ms).
    await waitFor(() => expect(transactionQueries(fetch).at(-1)!.get('counterparty')).toBe('华强电子'), { timeout: 3000 })
    expect(transactionQueries(fetch).at(-1)!.get('direction')).toBe('out')
    expect(transactionQueries(fetch).at(-1)!.get('limit')).toBe('50')
  })

  it('loads the next page with the cursor the server gave, below the first', async () => {
    const [newest, ...older] = transactionViews()
    const fetch = stubApi({ transactions: (query) => (query.get('cursor') === 'c1' ? { items: older, nextCursor: null } : { items: [newest!], nextCursor: 'c1' }) })
    renderTab()
    const table = await screen.findByTestId('transactions-table')
    await waitFor(() => expect(within(table).getAllByTestId('direction')).toHaveLength(1))

    fireEvent.click(screen.getByTestId('load-more-transactions'))
    await waitFor(() => expect(within(table).getAllByTestId('direction')).toHaveLength(6))
    expect(transactionQueries(fetch).at(-1)!.get('cursor')).toBe('c1')
    expect(within(table).getAllByRole('row')[1]!.textContent).toContain('Acme Inc')
    expect(screen.queryByTestId('load-more-transactions')).toBeNull()
  })

  it('draws amounts over time in the currency with the most volume, offering the others', async () => {
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800)
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(300)
    const fetch = stubApi()
    renderTab()
    await waitFor(() => expect(screen.getByTestId('amounts-chart').querySelector('svg')).not.toBeNull(), { timeout: 5000 })
    expect(screen.getByTestId('amounts-chart').getAttribute('aria-label')).toBe('Amounts in and out per week in CNY')
    expect(screen.getByTestId('series-currency').textContent).toContain('CNY')

    fireEvent.click(screen.getByText('Month'))
    await waitFor(() => expect(screen.getByTestId('amounts-chart').getAttribute('aria-label')).toBe('Amounts in and out per month in CNY'), { timeout: 5000 })
    const series = fetch.mock.calls.map(([url]) => new URL(String(url), 'http://localhost')).filter((url) => url.pathname === `${base}/activity-series`)
    expect(series.at(-1)!.searchParams.get('interval')).toBe('month')
  })

  it('says so when the customer has no transactions', async () => {
    stubApi({ metrics: emptyMetrics(), transactions: () => ({ items: [], nextCursor: null }) })
    renderTab()
    expect((await screen.findByTestId('activity-empty')).textContent).toContain('No transactions on record for this customer')
  })
})
