import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DIALECTS } from '../helpers/dialects.ts'
import { as, startTestApp, type TestApp } from '../helpers/server.ts'

const tx = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  source: 'core-banking',
  customerId: 'erp-77',
  at: '2026-11-02T09:30:00Z',
  amount: 1_250_000,
  currency: 'CNY',
  direction: 'in',
  type: 'sale',
  counterparty: { id: 'cp-1', name: '上海华信', country: 'CN' },
  category: 'goods',
  ...overrides,
})

describe.each(DIALECTS)('%s: activity API', (dialect) => {
  let test: TestApp
  let customerId: string

  beforeAll(async () => {
    test = await startTestApp(dialect)
    const created = await as(test, 'analyst', { method: 'POST', url: '/api/v1/customers', payload: { type: 'company', name: '深圳市监控测试有限公司', country: 'CN', externalId: 'erp-77' } })
    customerId = created.json().id
  })
  afterAll(() => test.close())

  it('answers one transaction with its seq, evaluation and the features after it, found by external id', async () => {
    const response = await as(test, 'analyst', { method: 'POST', url: '/api/v1/transactions', payload: tx('T-1') })
    expect(response.statusCode, response.body).toBe(201)
    const body = response.json()
    expect(body).toMatchObject({ status: 'accepted', customerId })
    expect(body.seq).toBeGreaterThan(0)
    expect(body.evaluation).toEqual(expect.any(Object))
    expect(body.features).toEqual(expect.any(Object))
  })

  it('acknowledges a repeated id as a duplicate without counting it again', async () => {
    const first = await as(test, 'analyst', { method: 'POST', url: '/api/v1/transactions', payload: tx('T-2') })
    const again = await as(test, 'analyst', { method: 'POST', url: '/api/v1/transactions', payload: tx('T-2', { amount: 999 }) })
    expect(first.statusCode).toBe(201)
    expect(again.statusCode).toBe(200)
    expect(again.json()).toMatchObject({ status: 'duplicate', customerId })
    const list = (await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${customerId}/transactions` })).json()
    expect(list.items.filter((item: { id: string }) => item.id === 'T-2')).toHaveLength(1)
    expect(list.items.find((item: { id: string }) => item.id === 'T-2').amount).toBe(1_250_000)
  })

  it('refuses unknown fields and unknown customers, naming them', async () => {
    const unknownField = await as(test, 'analyst', { method: 'POST', url: '/api/v1/transactions', payload: { ...tx('T-3'), colour: 'red' } })
    expect(unknownField.statusCode).toBe(400)
    expect(unknownField.json().error.details).toContainEqual({ path: 'colour', message: 'is not a known field' })
    const unknownCustomer = await as(test, 'analyst', { method: 'POST', url: '/api/v1/transactions', payload: tx('T-4', { customerId: 'nobody' }) })
    expect(unknownCustomer.statusCode).toBe(400)
    expect(unknownCustomer.json().error.details[0].path).toBe('customerId')
  })

  it('takes a batch with one result per item: the good land, the bad are named, repeats acknowledged', async () => {
    const response = await as(test, 'analyst', {
      method: 'POST',
      url: '/api/v1/transactions/batch',
      payload: [tx('B-1'), tx('B-2', { currency: 'yuan' }), tx('B-1'), { ...tx('B-3'), extra: 1 }, tx('B-4', { direction: 'out', at: '2026-11-01T08:00:00Z' })],
    })
    expect(response.statusCode, response.body).toBe(200)
    const body = response.json()
    expect(body).toMatchObject({ accepted: 2, duplicates: 1, rejected: 2, refused: false })
    expect(body.items.map((item: { status: string }) => item.status)).toEqual(['accepted', 'rejected', 'duplicate', 'rejected', 'accepted'])
    expect(body.items[1].errors[0].path).toBe('currency')
    expect(body.items[3].errors).toContainEqual({ path: 'extra', message: 'is not a known field' })
  })

  it('reads NDJSON, naming a line that is not JSON', async () => {
    const ndjson = [JSON.stringify(tx('N-1')), '{not json', JSON.stringify(tx('N-2'))].join('\n')
    const response = await as(test, 'analyst', { method: 'POST', url: '/api/v1/transactions/batch', payload: ndjson, headers: { 'content-type': 'application/x-ndjson' } })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json().items.map((item: { status: string }) => item.status)).toEqual(['accepted', 'rejected', 'accepted'])
    expect(response.json().items[1].errors[0].message).toMatch(/^line 2 is not JSON/)
  })

  it('writes nothing of an atomic batch holding a bad item', async () => {
    const response = await as(test, 'analyst', { method: 'POST', url: '/api/v1/transactions/batch?atomic=true', payload: [tx('A-1'), tx('A-2', { amount: -5 })] })
    expect(response.json()).toMatchObject({ accepted: 0, rejected: 2, refused: true })
    const list = (await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${customerId}/transactions?limit=500` })).json()
    expect(list.items.some((item: { id: string }) => item.id === 'A-1')).toBe(false)
  })

  it('keeps invoices and allocated payments, refusing an allocation beyond the invoice', async () => {
    const invoices = await as(test, 'analyst', {
      method: 'POST',
      url: '/api/v1/invoices/batch',
      payload: [
        { id: 'INV-1', customerId, number: 'FP-0001', issuedAt: '2026-09-01T00:00:00Z', dueAt: '2026-10-01T00:00:00Z', amount: 100_000, currency: 'CNY' },
        { id: 'INV-2', customerId, number: 'FP-0002', issuedAt: '2026-10-01T00:00:00Z', dueAt: '2026-10-31T00:00:00Z', amount: 50_000, currency: 'CNY' },
      ],
    })
    expect(invoices.json()).toMatchObject({ accepted: 2 })
    const resent = await as(test, 'analyst', { method: 'POST', url: '/api/v1/invoices/batch', payload: [{ id: 'INV-2', customerId, number: 'FP-0002', issuedAt: '2026-10-01T00:00:00Z', dueAt: '2026-11-30T00:00:00Z', amount: 50_000, currency: 'CNY' }] })
    expect(resent.json()).toMatchObject({ updated: 1 })
    const payments = await as(test, 'analyst', {
      method: 'POST',
      url: '/api/v1/payments/batch',
      payload: [
        { id: 'PAY-1', customerId, at: '2026-10-15T00:00:00Z', amount: 60_000, currency: 'CNY', allocations: [{ invoiceId: 'INV-1', amount: 60_000 }] },
        { id: 'PAY-2', customerId, at: '2026-10-20T00:00:00Z', amount: 60_000, currency: 'CNY', allocations: [{ invoiceId: 'INV-1', amount: 60_000 }] },
      ],
    })
    expect(payments.json().items.map((item: { status: string }) => item.status)).toEqual(['accepted', 'rejected'])
    expect(payments.json().items[1].errors[0].path).toBe('allocations.0.amount')

    const metrics = await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${customerId}/metrics?asOf=2026-11-10T00:00:00Z` })
    expect(metrics.statusCode, metrics.body).toBe(200)
    const cny = metrics.json().receivables.currencies.find((c: { currency: string }) => c.currency === 'CNY')
    // INV-1: 100,000 − 60,000 paid, 40 days past due on 10 Nov; INV-2 now due 30 Nov.
    expect(cny.outstanding.amount).toBe(90_000)
    expect(cny.overdue.amount).toBe(40_000)
    expect(cny.daysPastDue.max.value).toBe(40)
    expect(metrics.json().asOf).toBe('2026-11-10T00:00:00.000Z')
  })

  it('draws activity per day and lists counterparties', async () => {
    const series = await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${customerId}/activity-series?from=2026-10-01T00:00:00Z&to=2026-12-01T00:00:00Z` })
    expect(series.statusCode, series.body).toBe(200)
    const days = series.json().items
    expect(days.find((d: { period: string }) => d.period === '2026-11-01')).toMatchObject({ currency: 'CNY', countOut: 1, sumOut: 1_250_000 })
    const monthly = await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${customerId}/activity-series?from=2026-10-01T00:00:00Z&to=2026-12-01T00:00:00Z&interval=month` })
    expect(monthly.json().items).toHaveLength(1)
    expect(monthly.json().items[0].period).toBe('2026-11-01')
    const counterparties = await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${customerId}/counterparties?from=2026-10-01T00:00:00Z&to=2026-12-01T00:00:00Z` })
    expect(counterparties.json().items[0]).toMatchObject({ counterparty: 'cp-1', country: 'CN' })
  })

  it('pages transactions newest first with filters', async () => {
    const first = (await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${customerId}/transactions?limit=2&direction=in` })).json()
    expect(first.items).toHaveLength(2)
    expect(first.items.every((item: { direction: string }) => item.direction === 'in')).toBe(true)
    const second = (await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${customerId}/transactions?limit=2&direction=in&cursor=${first.nextCursor}` })).json()
    const ids = [...first.items, ...second.items].map((item: { id: string }) => item.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('deletes a customer with its activity', async () => {
    const other = (await as(test, 'analyst', { method: 'POST', url: '/api/v1/customers', payload: { type: 'company', name: '待删除公司', country: 'CN', externalId: 'erp-del' } })).json()
    await as(test, 'analyst', { method: 'POST', url: '/api/v1/transactions', payload: tx('D-1', { customerId: 'erp-del' }) })
    await as(test, 'analyst', { method: 'POST', url: '/api/v1/invoices/batch', payload: [{ id: 'D-INV', customerId: other.id, number: 'X', issuedAt: '2026-09-01T00:00:00Z', dueAt: '2026-10-01T00:00:00Z', amount: 10, currency: 'CNY' }] })
    await as(test, 'analyst', { method: 'POST', url: '/api/v1/payments/batch', payload: [{ id: 'D-PAY', customerId: other.id, at: '2026-09-05T00:00:00Z', amount: 10, currency: 'CNY', allocations: [{ invoiceId: 'D-INV', amount: 10 }] }] })
    const deleted = await as(test, 'risk_manager', { method: 'DELETE', url: `/api/v1/customers/${other.id}` })
    expect(deleted.statusCode, deleted.body).toBe(204)
  })
})
