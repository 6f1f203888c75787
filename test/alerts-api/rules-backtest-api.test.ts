import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backtest, DEFAULT_RULE_PACK, type BacktestAlert, type BacktestCustomer, type RuleDocument } from '../../src/domain/alerts/index.ts'
import { DAY_MS } from '../../src/domain/monitoring/activity.ts'
import type { InvoiceInput, TransactionInput } from '../../src/schemas/activity.ts'
import { toInvoice, toTransaction } from '../../src/services/monitoring/activity-inputs.ts'
import { DIALECTS } from '../helpers/dialects.ts'
import { as, startTestApp, type TestApp } from '../helpers/server.ts'

const FROM = '2026-03-01'
const TO = '2026-03-08'

/** A rule as the editor holds it: a large amount on a customer's busy day. */
const largeOnBusyDay = (overrides: Record<string, unknown> = {}) => ({
  key: 'large_on_busy_day',
  name: { zh: '繁忙日大额交易', en: 'Large amount on a busy day' },
  description: 'A transaction of 50,000.00 or more with another in the 24 hours before it.',
  expression: 'tx.amount >= 5_000_000 && f.count_24h >= 2',
  severity: 'high',
  score: 70,
  tags: ['amount'],
  scope: 'transaction',
  suppressionHours: 24,
  playbook: { check: ['the contract behind it'], do: ['ask the relationship manager why'], tell: ['the relationship manager'] },
  ...overrides,
})

const CUSTOMERS = ['erp-big', 'erp-mid', 'erp-small']

/**
 * A week of transactions: every customer buys twice a day; erp-big also sells large amounts on
 * days 2, 2 (five hours later: suppressed), 3 (24 hours after the first) and 6, erp-mid once
 * before its first purchase.
 */
function transactionInputs(): TransactionInput[] {
  const inputs: TransactionInput[] = []
  const at = (day: number, hour: number) => new Date(Date.parse(`${FROM}T00:00:00Z`) + day * DAY_MS + hour * 3_600_000).toISOString()
  const tx = (customerId: string, id: string, iso: string, amount: number, direction: 'in' | 'out'): TransactionInput => ({ id, source: 'core-banking', customerId, at: iso, amount, currency: 'CNY', direction, type: direction === 'in' ? 'sale' : 'purchase', counterparty: { id: 'cp-1', name: '上海华信', country: 'CN' }, category: 'goods' })
  for (let day = 0; day < 7; day += 1) {
    for (const customer of CUSTOMERS) {
      inputs.push(tx(customer, `${customer}-${day}-a`, at(day, 8), 120_000 + day * 1_000, 'out'))
      if (customer !== 'erp-mid') inputs.push(tx(customer, `${customer}-${day}-b`, at(day, 14), 80_000 + day * 1_000, 'out'))
    }
  }
  inputs.push(tx('erp-big', 'big-large-1', at(2, 16), 6_000_000, 'in'), tx('erp-big', 'big-large-2', at(2, 21), 7_000_000, 'in'), tx('erp-big', 'big-large-3', at(3, 16), 5_000_000, 'in'), tx('erp-big', 'big-large-4', at(6, 9), 9_000_000, 'in'))
  inputs.push(tx('erp-mid', 'mid-large-1', at(0, 7), 8_000_000, 'in'))
  return inputs.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id.localeCompare(b.id))
}

/** erp-big owes 9,000,000 of the portfolio's 10,000,000 from 2 March on: 90% against a limit of 10%. */
const invoiceInputs: InvoiceInput[] = CUSTOMERS.map((customerId, i) => ({ id: `inv-${i}`, source: 'erp', customerId, number: `INV-${i}`, issuedAt: '2026-03-02T09:00:00Z', dueAt: '2026-06-30T00:00:00Z', amount: [9_000_000, 500_000, 500_000][i]!, currency: 'CNY' }))

const perDayOf = (alerts: BacktestAlert[]) => {
  const days = new Map<string, number>()
  for (let day = Date.parse(FROM); day < Date.parse(TO); day += DAY_MS) days.set(new Date(day).toISOString().slice(0, 10), 0)
  for (const alert of alerts) {
    const day = new Date(alert.transactionId === undefined ? alert.at - 1 : alert.at).toISOString().slice(0, 10)
    days.set(day, days.get(day)! + 1)
  }
  return [...days].map(([day, alerts]) => ({ day, alerts }))
}

describe.each(DIALECTS)('%s: backtesting a rule through the API', (dialect) => {
  let test: TestApp
  const ids: Record<string, string> = {}
  /** The customers as the domain backtest takes them: the rules here read only their ids, and the daily one their invoices. */
  const backtestCustomers = (): BacktestCustomer[] =>
    CUSTOMERS.map((externalId) => ({
      customer: { id: ids[externalId]!, type: 'company', country: 'CN', region: null, industry: null, status: 'active', listed: false, tags: [] },
      invoices: invoiceInputs.filter((invoice) => invoice.customerId === externalId).map((invoice) => toInvoice(invoice, ids[externalId]!)),
    }))
  const backtestAs = (role: 'risk_manager' | 'analyst' | 'viewer' | 'admin', payload: Record<string, unknown>) => as(test, role, { method: 'POST', url: '/api/v1/rules/backtest', payload })

  beforeAll(async () => {
    test = await startTestApp(dialect)
    for (const externalId of CUSTOMERS) {
      const created = await as(test, 'analyst', { method: 'POST', url: '/api/v1/customers', payload: { type: 'company', name: `回测${externalId}有限公司`, country: 'CN', externalId } })
      expect(created.statusCode, created.body).toBe(201)
      ids[externalId] = created.json().id
    }
    const transactions = await as(test, 'analyst', { method: 'POST', url: '/api/v1/transactions/batch', payload: transactionInputs() })
    expect(transactions.json().accepted, transactions.body).toBe(transactionInputs().length)
    const invoices = await as(test, 'analyst', { method: 'POST', url: '/api/v1/invoices/batch', payload: invoiceInputs })
    expect(invoices.json().accepted, invoices.body).toBe(invoiceInputs.length)
  })
  afterAll(() => test.close())

  it('refuses an invalid inline expression with 400 naming rule.expression, the reason and the column', async () => {
    const response = await backtestAs('risk_manager', { rule: largeOnBusyDay({ expression: 'tx.amount > 3 * f.cnt_24h' }), from: FROM, to: TO })
    expect(response.statusCode, response.body).toBe(400)
    const { error } = response.json()
    expect(error.code).toBe('validation_failed')
    expect(error.details).toEqual([{ path: 'rule.expression', message: expect.stringMatching(/^unknown variable f\.cnt_24h at column 17; did you mean f\.count_24h\?/) }])
  })

  it('lets only rule managers backtest', async () => {
    for (const role of ['viewer', 'analyst'] as const) expect((await backtestAs(role, { rule: largeOnBusyDay(), from: FROM, to: TO })).statusCode, role).toBe(403)
    expect((await backtestAs('admin', { rule: largeOnBusyDay(), from: FROM, to: TO })).statusCode).toBe(200)
  })

  it('refuses fields it does not know, in the body and in the rule, and a body naming both a rule and a ruleId or neither', async () => {
    expect((await backtestAs('risk_manager', { rule: largeOnBusyDay(), from: FROM, to: TO, customers: ['erp-big'] })).statusCode).toBe(400)
    expect((await backtestAs('risk_manager', { rule: largeOnBusyDay({ threshold: 5 }), from: FROM, to: TO })).statusCode).toBe(400)
    const both = await backtestAs('risk_manager', { rule: largeOnBusyDay(), ruleId: 'x', from: FROM, to: TO })
    expect([both.statusCode, both.json().error.details[0].path]).toEqual([400, 'ruleId'])
    const neither = await backtestAs('risk_manager', { from: FROM, to: TO })
    expect([neither.statusCode, neither.json().error.details[0].path]).toEqual([400, 'rule'])
    const backwards = await backtestAs('risk_manager', { rule: largeOnBusyDay(), from: TO, to: FROM })
    expect([backwards.statusCode, backwards.json().error.details[0].path]).toEqual([400, 'to'])
    expect((await backtestAs('risk_manager', { ruleId: 'no-such-rule', from: FROM, to: TO })).statusCode).toBe(404)
  })

  it('backtests an inline transaction rule over the stored history as the domain backtest does, and raises nothing', async () => {
    const response = await backtestAs('risk_manager', { rule: largeOnBusyDay(), from: FROM, to: TO })
    expect(response.statusCode, response.body).toBe(200)
    const result = response.json()

    const document = { ...largeOnBusyDay(), id: 'backtest.large_on_busy_day', version: 1, state: 'draft', dedupeKey: '{customer.id}:{rule.key}' } as RuleDocument
    const transactions = transactionInputs().map((input) => toTransaction(input, ids[input.customerId]!))
    const expected = backtest({ rules: [document], transactions, customers: backtestCustomers(), from: Date.parse(FROM), to: Date.parse(TO) })
    // big-large-1, -3 and -4 (the second of day 2 is within 24 hours of the first); mid-large-1 was erp-mid's first transaction
    expect(expected.alerts.map((a) => a.transactionId)).toEqual(['big-large-1', 'big-large-3', 'big-large-4'])

    expect(result).toMatchObject({
      from: `${FROM}T00:00:00.000Z`,
      to: `${TO}T00:00:00.000Z`,
      rules: [{ id: document.id, key: document.key, version: 1, state: 'draft', scope: 'transaction' }],
      transactions: transactions.length,
      hits: expected.alerts.length + expected.suppressed,
      suppressed: expected.suppressed,
      customersAffected: 1,
      byRule: [{ ruleKey: 'large_on_busy_day', alerts: 3, customers: 1 }],
      perDay: perDayOf(expected.alerts),
      groundTruth: null,
      alertCount: 3,
    })
    expect(result.suppressed).toBe(1)
    expect(result.alerts).toEqual(expected.alerts.map((a) => ({ ruleKey: a.ruleKey, customerId: ids['erp-big'], at: new Date(a.at).toISOString(), severity: 'high', dedupeKey: a.dedupeKey, transaction: { source: 'core-banking', id: a.transactionId } })))

    const raised = await as(test, 'viewer', { method: 'GET', url: '/api/v1/alerts' })
    expect(raised.json().items).toEqual([])
  })

  it('backtests a stored daily rule by its id: the single-name concentration of the portfolio', async () => {
    const pack = DEFAULT_RULE_PACK.find((rule) => rule.key === 'single_name_concentration')!
    const { id: _id, version: _version, state: _state, ...body } = pack
    const saved = await as(test, 'risk_manager', { method: 'POST', url: '/api/v1/rules', payload: body })
    expect(saved.statusCode, saved.body).toBe(201)
    const response = await backtestAs('risk_manager', { ruleId: saved.json().id, from: FROM, to: TO })
    expect(response.statusCode, response.body).toBe(200)
    const result = response.json()

    const expected = backtest({ rules: [saved.json().document as RuleDocument], transactions: [], customers: backtestCustomers(), from: Date.parse(FROM), to: Date.parse(TO) })
    // erp-big holds 90% from the end of 2 March; one alert in the week (a month's suppression)
    expect(expected.alerts.map((a) => [a.customerId, new Date(a.at).toISOString()])).toEqual([[ids['erp-big'], '2026-03-03T00:00:00.000Z']])
    expect(expected.alerts[0]!.evidence.map((e) => [e.variable, e.value])).toEqual([
      ['portfolio.exposure_share', 0.9],
      ['portfolio.max_single_name_share', 0.1],
    ])

    expect(result).toMatchObject({ hits: expected.alerts.length + expected.suppressed, suppressed: expected.suppressed, customersAffected: 1, perDay: perDayOf(expected.alerts), alertCount: 1 })
    expect(result.perDay.find((day: { day: string }) => day.day === '2026-03-02')).toEqual({ day: '2026-03-02', alerts: 1 })
    expect(result.alerts).toEqual([{ ruleKey: 'single_name_concentration', customerId: ids['erp-big'], at: '2026-03-03T00:00:00.000Z', severity: 'high', dedupeKey: `${ids['erp-big']}:single_name_concentration`, transaction: null }])
  })

  it('checks a rule without saving it: the problems with their positions, or valid', async () => {
    const check = (role: 'risk_manager' | 'analyst', payload: Record<string, unknown>) => as(test, role, { method: 'POST', url: '/api/v1/rules/check', payload })
    const before = (await as(test, 'risk_manager', { method: 'GET', url: '/api/v1/rules' })).json().items.length

    const bad = await check('risk_manager', largeOnBusyDay({ expression: 'tx.amount >= 5_000_000 && f.cnt_24h >= 2' }))
    expect(bad.statusCode, bad.body).toBe(200)
    expect(bad.json().valid).toBe(false)
    expect(bad.json().problems).toEqual([{ path: 'expression', message: expect.stringMatching(/unknown variable f\.cnt_24h at column 27.*f\.count_24h/) }])

    const daily = await check('risk_manager', largeOnBusyDay({ scope: 'daily' }))
    expect(daily.json().problems).toEqual([{ path: 'expression', message: expect.stringContaining('tx.amount') }])

    const good = await check('risk_manager', largeOnBusyDay())
    expect(good.json()).toEqual({ valid: true, problems: [] })
    expect((await check('analyst', largeOnBusyDay())).statusCode).toBe(403)
    expect((await check('risk_manager', { ...largeOnBusyDay(), state: 'active' })).statusCode).toBe(400)
    // Nothing was saved.
    expect((await as(test, 'risk_manager', { method: 'GET', url: '/api/v1/rules' })).json().items).toHaveLength(before)
  })
})
