import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectError } from '../api/responses.ts'
import { DIALECTS } from '../helpers/dialects.ts'
import { as, startTestApp, type TestApp } from '../helpers/server.ts'
import { FY2024, FY2025 } from './fixtures.ts'

// Altman (1968), Table 1: the non-bankrupt group's means, as amounts over total assets and liabilities of 1,000.
const NON_BANKRUPT = { workingCapital: 414, retainedEarnings: 355, ebit: 153, marketValueEquity: 2477, sales: 1900, totalAssets: 1000, totalLiabilities: 1000 }

describe.each(DIALECTS)('%s: scoring API', (dialect) => {
  let test: TestApp

  beforeAll(async () => {
    test = await startTestApp(dialect)
  })
  afterAll(() => test.close())

  it('describes both routes in the OpenAPI document', async () => {
    const paths = (await as(test, 'viewer', { method: 'GET', url: '/api/openapi.json' })).json().paths
    expect(paths['/api/v1/scoring/zscore'].post.requestBody.content['application/json'].schema.properties.model.enum).toEqual(['z', 'z-prime', 'z-double-prime', 'z-double-prime-em'])
    expect(paths['/api/v1/customers/{customerId}/financial-analysis'].get.responses['200']).toBeDefined()
  })

  describe('POST /api/v1/scoring/zscore', () => {
    const zscore = (payload: object, role: 'viewer' | 'analyst' = 'viewer') => as(test, role, { method: 'POST', url: '/api/v1/scoring/zscore', payload })

    it('scores the figures sent, with the ratios, coefficients and cut-offs it used', async () => {
      const response = await zscore({ model: 'z', ...NON_BANKRUPT })
      expect(response.statusCode, response.body).toBe(200)
      const body = response.json()
      expect(body).toMatchObject({
        model: 'z',
        zone: 'safe',
        components: { x1: 0.414, x2: 0.355, x3: 0.153, x4: 2.477, x5: 1.9 },
        coefficients: { x1: 1.2, x2: 1.4, x3: 3.3, x4: 0.6, x5: 1 },
        constant: 0,
        cutoffs: { distressBelow: 1.81, safeAbove: 2.99 },
        x5Coefficient: 1,
      })
      expect(body.score).toBeCloseTo(4.8849, 10)
      expect(body.formula).toMatch(/^1\.2·X1 \+ 1\.4·X2/)
    })

    it("uses the paper's 0.999 for X5 when asked", async () => {
      const response = await zscore({ model: 'z', ...NON_BANKRUPT, x5Coefficient: 0.999 })
      expect(response.json().score).toBeCloseTo(4.883, 10)
      expect(response.json().x5Coefficient).toBe(0.999)
    })

    it('scores the four-variable models without sales, x5 null', async () => {
      const { sales, marketValueEquity, ...rest } = NON_BANKRUPT
      const inputs = { ...rest, bookValueEquity: 500 }
      const plain = (await zscore({ model: 'z-double-prime', ...inputs })).json()
      const em = (await zscore({ model: 'z-double-prime-em', ...inputs })).json()
      // 6.56·0.414 + 3.26·0.355 + 6.72·0.153 + 1.05·0.5 = 2.71584 + 1.1573 + 1.02816 + 0.525 = 5.4263
      expect(plain).toMatchObject({ model: 'z-double-prime', score: 5.4263, zone: 'safe', components: { x5: null }, coefficients: { x5: null } })
      expect(em).toMatchObject({ model: 'z-double-prime-em', score: 8.6763, zone: 'safe', constant: 3.25 })
    })

    it('answers 400 naming the field the model needs: marketValueEquity for model z', async () => {
      const { marketValueEquity, ...rest } = NON_BANKRUPT
      const error = expectError(await zscore({ model: 'z', ...rest, bookValueEquity: 500 }), 400, 'validation_failed')
      expect(error.details).toEqual([{ path: 'marketValueEquity', message: 'is required by model z' }])
    })

    it('names every missing field at once, and a total that cannot divide', async () => {
      const error = expectError(await zscore({ model: 'z-prime', workingCapital: 1, ebit: 1, totalAssets: 0, totalLiabilities: 10 }), 400, 'validation_failed')
      expect(error.details).toEqual([
        { path: 'retainedEarnings', message: 'is required by model z-prime' },
        { path: 'bookValueEquity', message: 'is required by model z-prime' },
        { path: 'sales', message: 'is required by model z-prime' },
        { path: 'totalAssets', message: 'must be greater than 0 (it divides X1, X2, X3 and X5)' },
      ])
    })

    it('refuses the X5 option for a model other than z', async () => {
      const error = expectError(await zscore({ model: 'z-prime', ...NON_BANKRUPT, bookValueEquity: 500, x5Coefficient: 0.999 }), 400, 'validation_failed')
      expect(error.details).toEqual([{ path: 'x5Coefficient', message: 'applies to model z only' }])
    })

    it('refuses an unknown field, an unknown model and an X5 coefficient other than 1 or 0.999 with 400', async () => {
      expect(expectError(await zscore({ model: 'z', ...NON_BANKRUPT, marketCap: 1 }), 400, 'validation_failed').details).toEqual([{ path: 'marketCap', message: 'is not a known field' }])
      expect(expectError(await zscore({ ...NON_BANKRUPT, model: 'zeta' }), 400, 'validation_failed').details.map((d) => d.path)).toEqual(['model'])
      expect(expectError(await zscore({ model: 'z', ...NON_BANKRUPT, x5Coefficient: 0.998 }), 400, 'validation_failed').details.map((d) => d.path)).toEqual(['x5Coefficient'])
      expect(expectError(await zscore({ model: 'z', ...NON_BANKRUPT, sales: '1900' }), 400, 'validation_failed').details.map((d) => d.path)).toEqual(['sales'])
    })

    it('answers 401 without credentials', async () => {
      expectError(await test.app.inject({ method: 'POST', url: '/api/v1/scoring/zscore', payload: { model: 'z', ...NON_BANKRUPT } }), 401, 'unauthenticated')
    })
  })

  describe('GET /api/v1/customers/:customerId/financial-analysis', () => {
    let listedId: string
    let wholesalerId: string
    const analysis = (customerId: string, query = '') => as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${customerId}/financial-analysis${query}` })

    beforeAll(async () => {
      const create = async (payload: object) => {
        const response = await as(test, 'analyst', { method: 'POST', url: '/api/v1/customers', payload })
        expect(response.statusCode, response.body).toBe(201)
        return response.json().id as string
      }
      listedId = await create({ type: 'company', name: '深圳市测试电子股份有限公司', country: 'CN', listed: true, industry: { code: 'C39', name: '计算机、通信和其他电子设备制造业' } })
      wholesalerId = await create({ type: 'company', name: 'Großhandel Test GmbH', country: 'DE', industry: { code: 'F51', name: 'Wholesale' } })
      for (const statement of [FY2024, FY2025]) {
        const response = await as(test, 'analyst', { method: 'POST', url: `/api/v1/customers/${listedId}/statements`, payload: { ...statement, audited: true } })
        expect(response.statusCode, response.body).toBe(201)
      }
      const { marketValueEquity, ...withoutMarketValue } = FY2025.items
      const added = await as(test, 'analyst', { method: 'POST', url: `/api/v1/customers/${wholesalerId}/statements`, payload: { ...FY2025, items: withoutMarketValue } })
      expect(added.statusCode, added.body).toBe(201)
    })

    it('analyses each stored statement, newest first: ratios, the chosen Z model and why, Zmijewski', async () => {
      const response = await analysis(listedId)
      expect(response.statusCode, response.body).toBe(200)
      const body = response.json()
      expect(body.customerId).toBe(listedId)
      expect(body.modelChoice).toEqual({
        model: 'z',
        reason: 'listed manufacturer (industry C39, section C): the original Z with market value of equity',
        overridden: false,
        manufacturer: true,
        developedMarket: false,
      })
      expect(body.periods.map((p: { periodEnd: string }) => p.periodEnd)).toEqual(['2025-12-31', '2024-12-31'])
      const [latest, earlier] = body.periods
      expect(latest).toMatchObject({ periodMonths: 12, currency: 'CNY', audited: true, statementId: expect.any(String) })
      expect(latest.ratios.quickRatio).toEqual({
        label: 'Quick ratio',
        category: 'liquidity',
        unit: 'ratio',
        formula: '(currentAssets - inventory) / currentLiabilities',
        inputs: { currentAssets: 800_000, inventory: 300_000, currentLiabilities: 400_000 },
        value: 1.25,
        reason: null,
        note: null,
      })
      expect(latest.ratios.revenueGrowth.value).toBeCloseTo(0.25, 12)
      expect(latest.zScore).toMatchObject({ model: 'z', score: 1.9475, zone: 'grey', components: { x1: 0.2, x2: 0.15, x3: 0.075, x4: 1.25, x5: 0.5 }, reason: null })
      expect(latest.zScore.modelReason).toBe(body.modelChoice.reason)
      expect(latest.zmijewski.probability).toBeCloseTo(0.130573, 5)
      // The earlier year reported three items only: nulls with reasons, not errors.
      expect(earlier.ratios.currentRatio).toMatchObject({ value: null, reason: 'needs items.currentAssets, items.currentLiabilities' })
      expect(earlier.zScore).toMatchObject({ score: null, zone: null, components: null })
      expect(earlier.zScore.reason).toMatch(/^needs items\.currentAssets/)
    })

    it('picks Z″ for a non-manufacturer in a developed market, which needs no market value', async () => {
      const body = (await analysis(wholesalerId)).json()
      expect(body.modelChoice).toMatchObject({ model: 'z-double-prime', manufacturer: false, developedMarket: true })
      expect(body.periods[0].zScore).toMatchObject({ model: 'z-double-prime', score: 3.005, zone: 'safe', x5Coefficient: null })
    })

    it('takes a model override and the X5 option in the query', async () => {
      const body = (await analysis(listedId, '?model=z-prime')).json()
      expect(body.modelChoice).toMatchObject({ model: 'z-prime', overridden: true })
      expect(body.periods[0].zScore).toMatchObject({ model: 'z-prime', score: 1.282475, zone: 'grey' })
      const paper = (await analysis(listedId, '?x5Coefficient=0.999')).json()
      expect(paper.periods[0].zScore).toMatchObject({ model: 'z', x5Coefficient: 0.999, score: 1.947 })
    })

    it('answers 400 for an unknown model or query field', async () => {
      expect(expectError(await analysis(listedId, '?model=zeta'), 400, 'validation_failed').details.map((d) => d.path)).toEqual(['querystring.model'])
      expect(expectError(await analysis(listedId, '?modle=z'), 400, 'validation_failed').details.map((d) => d.path)).toEqual(['querystring.modle'])
    })

    it('answers an empty list for a customer without statements, and 404 for no customer', async () => {
      const created = await as(test, 'analyst', { method: 'POST', url: '/api/v1/customers', payload: { type: 'company', name: 'No Statements Ltd', country: 'GB' } })
      expect((await analysis(created.json().id)).json()).toMatchObject({ periods: [], modelChoice: { model: 'z-double-prime' } })
      expectError(await analysis('no-such-customer'), 404, 'not_found')
    })

    it('answers 401 without credentials', async () => {
      expectError(await test.app.inject({ method: 'GET', url: `/api/v1/customers/${listedId}/financial-analysis` }), 401, 'unauthenticated')
    })
  })
})
