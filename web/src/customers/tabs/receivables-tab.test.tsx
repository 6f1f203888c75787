// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { receivablesSummary } from '../../../../src/domain/monitoring/receivables/index.ts'
import type { CustomerMetrics, ReceivablesTrend } from '../../api/types.ts'
import { formatMoney } from '../../format/money.ts'
import { ACTIVITY_CUSTOMER_ID, AS_OF, customerMetrics, emptyMetrics, INVOICES, PAYMENTS, receivables, receivablesTrend } from '../../testing/activity-fixtures.ts'
import { renderWithApp } from '../../testing/render-with-app.tsx'
import { ReceivablesTab } from './receivables-tab.tsx'

const base = `/api/v1/customers/${ACTIVITY_CUSTOMER_ID}`

function stubApi({ metrics = customerMetrics(), trend = receivablesTrend() }: { metrics?: CustomerMetrics; trend?: ReceivablesTrend } = {}) {
  const fetch = vi.fn(async (url: string) => {
    const { pathname } = new URL(url, 'http://localhost')
    if (pathname === `${base}/metrics`) return Response.json(metrics)
    if (pathname === `${base}/receivables/trend`) return Response.json(trend)
    return Response.json({ error: { code: 'not_found', message: pathname } }, { status: 404 })
  })
  vi.stubGlobal('fetch', fetch)
  return fetch
}

const renderTab = (language: 'en' | 'zh-CN' = 'en') => renderWithApp(<ReceivablesTab customerId={ACTIVITY_CUSTOMER_ID} />, { language })

describe('ReceivablesTab', () => {
  afterEach(() => {
    cleanup()
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('shows the headline figures, the payment index in its band’s colour and the use of the credit limit', async () => {
    stubApi()
    renderTab()
    const headline = await screen.findByTestId('receivables-headline')
    expect(within(headline).getByTestId('figure-outstanding-value').textContent).toBe(formatMoney(200_000_00, 'CNY', 'en'))
    expect(within(headline).getByTestId('figure-outstanding').textContent).toContain('4 invoices')
    expect(within(headline).getByTestId('figure-overdue-value').textContent).toBe(formatMoney(150_000_00, 'CNY', 'en'))
    expect(within(headline).getByTestId('figure-maxDpd-value').textContent).toBe('151 days')
    expect(within(headline).getByTestId('figure-weightedDpd-value').textContent).toBe('56.6 days')
    expect(within(headline).getByTestId('figure-dsoSimple-value').textContent).toBe('94.7 days')
    expect(within(headline).getByTestId('figure-dbtPaid-value').textContent).toBe('20 days')

    const index = within(headline).getByTestId('payment-index')
    expect(index.textContent).toBe('54')
    expect(index.dataset.band).toBe('watch')
    expect(index.className).toContain('gold')
    expect(within(headline).getByTestId('figure-paymentIndex').textContent).toContain('Watch: pays late (50–79)')

    expect(within(headline).getByTestId('figure-utilisation-value').textContent).toBe('40%')
    expect(within(headline).getByTestId('figure-utilisation').textContent).toContain('Contract HT-2025-017')
    expect(within(headline).getByTestId('figure-unappliedCash-value').textContent).toBe(formatMoney(1_200_00, 'CNY', 'en'))
  })

  it('shows the formula and inputs of a figure on hover', async () => {
    stubApi()
    renderTab()
    fireEvent.mouseEnter(await screen.findByTestId('figure-dsoSimple-value'))
    const tip = await screen.findByTestId('figure-tip')
    expect(tip.textContent).toContain('receivables / creditSales × 90 (credit sales of the last 90 days)')
    expect(tip.textContent).toContain(`receivables = ${formatMoney(200_000_00, 'CNY', 'en')}`)
  })

  it('colours a payment index of 80 or more green and one below 50 red', async () => {
    const cny = receivables().currencies[0]!
    const withIndex = (value: number): CustomerMetrics => customerMetrics({ receivables: { ...receivables(), currencies: [{ ...cny, paymentIndex: { ...cny.paymentIndex, value } }] } })
    stubApi({ metrics: withIndex(86) })
    renderTab()
    expect((await screen.findByTestId('payment-index')).dataset.band).toBe('good')
    expect(screen.getByTestId('payment-index').className).toContain('green')
    cleanup()

    stubApi({ metrics: withIndex(31) })
    renderTab()
    expect((await screen.findByTestId('payment-index')).dataset.band).toBe('poor')
    expect(screen.getByTestId('payment-index').className).toContain('red')
  })

  it('shows a dash and the reason for a figure that could not be computed', async () => {
    const noLimit = receivablesSummary({ invoices: INVOICES, payments: PAYMENTS, asOf: AS_OF })
    stubApi({ metrics: customerMetrics({ receivables: noLimit, creditLimit: null }) })
    renderTab('zh-CN')
    const usage = await screen.findByTestId('figure-utilisation')
    expect(within(usage).getByTestId('missing-value').textContent).toBe('—')
    expect(usage.textContent).toContain('没有带授信额度的有效合同')
    fireEvent.mouseEnter(within(usage).getByTestId('figure-utilisation-value'))
    expect((await screen.findByTestId('figure-tip')).textContent).toContain('无授信额度')
  })

  it('draws the aging by the server’s buckets, the DSO and payment-index trends, and lists the open invoices most overdue first', async () => {
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800)
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(300)
    stubApi()
    renderTab()
    await waitFor(() => expect(screen.getByTestId('aging-chart').querySelector('svg')).not.toBeNull())
    const aging = screen.getByTestId('aging-chart').textContent
    for (const label of ['Current', '1-30 days', '31-60 days', '61-90 days', '91-120 days', '120+ days', '1 invoice']) expect(aging).toContain(label)

    await waitFor(() => expect(screen.getByTestId('dso-trend-chart').querySelector('svg')).not.toBeNull())
    expect(screen.getByTestId('dso-trend-chart').textContent).toContain('DSO (countback)')
    expect(screen.getByTestId('payment-index-trend-chart').querySelector('svg')).not.toBeNull()

    const rows = within(screen.getByTestId('open-invoices')).getAllByRole('row').slice(1)
    expect(rows.map((row) => row.querySelector('td')?.textContent)).toEqual(['INV-000', 'INV-002', 'INV-003', 'INV-004'])
    expect(rows[0]!.textContent).toContain('151')
  })

  it('lists the notes on the data', async () => {
    stubApi()
    renderTab()
    expect((await screen.findByTestId('receivables-notes')).textContent).toContain(`Payment p2 allocates ${formatMoney(1_200_00, 'CNY', 'en')} to invoice inv-404, which is not on record`)
  })

  it('says so when the customer has no invoices', async () => {
    stubApi({ metrics: emptyMetrics(), trend: { currency: null, points: [] } })
    renderTab()
    expect((await screen.findByTestId('receivables-empty')).textContent).toContain('No invoices on record for this customer')
    expect(screen.queryByTestId('receivables-headline')).toBeNull()
  })

  it('offers the other currencies when there are several, opening on the one with the most outstanding', async () => {
    const usdInvoices = [{ ...INVOICES[2]!, id: 'usd-1', number: 'USD-1', currency: 'USD', amount: 9_000_00 }]
    const summary = receivablesSummary({ invoices: [...INVOICES, ...usdInvoices], payments: PAYMENTS, asOf: AS_OF })
    stubApi({ metrics: customerMetrics({ receivables: summary }) })
    renderTab()
    const switcher = await screen.findByTestId('receivables-currency')
    expect(screen.getByTestId('figure-outstanding-value').textContent).toBe(formatMoney(200_000_00, 'CNY', 'en'))
    fireEvent.click(within(switcher).getByText('USD'))
    await waitFor(() => expect(screen.getByTestId('figure-outstanding-value').textContent).toBe(formatMoney(9_000_00, 'USD', 'en')))
    expect(within(screen.getByTestId('open-invoices')).getAllByRole('row')[1]!.textContent).toContain('USD-1')
  })
})
