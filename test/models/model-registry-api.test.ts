import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { scoreRows, type ScorecardModel } from '../../src/domain/scoring/scorecard/index.ts'
import type { CustomerScore, ModelDetail, ModelSummary, PortfolioScore, TrainingJob } from '../../src/schemas/model.ts'
import { customerFeatures } from '../../src/services/models/customer-features.ts'
import { latestScorecardPd } from '../../src/services/models/latest-scorecard-pd.ts'
import { datasetOf } from '../../src/services/models/score-features.ts'
import { expectError } from '../api/responses.ts'
import { DIALECTS } from '../helpers/dialects.ts'
import { as, startTestApp, type TestApp } from '../helpers/server.ts'
import { syntheticTrainingCsv } from './fixtures.ts'

type Role = 'admin' | 'risk_manager' | 'analyst' | 'viewer'

describe.each(DIALECTS)('%s: model registry API', (dialect) => {
  let test: TestApp
  const csv = syntheticTrainingCsv()

  beforeAll(async () => {
    test = await startTestApp(dialect)
  })
  afterAll(() => test.close())

  const train = (query: string, body: string | Buffer = csv, role: Role = 'risk_manager') =>
    as(test, role, { method: 'POST', url: `/api/v1/models/training-jobs?${query}`, headers: { 'content-type': 'text/csv' }, payload: body })

  /** Polls the job until it ends, keeping every phase it was seen in. */
  async function finished(id: string, role: Role = 'risk_manager'): Promise<TrainingJob & { seen: string[] }> {
    const seen: string[] = []
    for (let attempt = 0; attempt < 1_200; attempt += 1) {
      const response = await as(test, role, { method: 'GET', url: `/api/v1/models/training-jobs/${id}` })
      expect(response.statusCode, response.body).toBe(200)
      const job = response.json() as TrainingJob
      if (job.phase && seen.at(-1) !== job.phase) seen.push(job.phase)
      if (job.status === 'succeeded' || job.status === 'failed') return { ...job, seen }
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    throw new Error(`training job ${id} did not finish`)
  }

  async function trained(name: string, role: Role = 'risk_manager'): Promise<ModelSummary> {
    const started = await train(`name=${name}&target=default&bad=yes&exclude=applicant`, csv, role)
    expect(started.statusCode, started.body).toBe(202)
    const job = await finished(started.json().id, role)
    expect(job, job.error ?? '').toMatchObject({ status: 'succeeded' })
    return (await as(test, 'viewer', { method: 'GET', url: `/api/v1/models/${job.modelId}` })).json() as ModelSummary
  }

  async function createCustomer(payload: Record<string, unknown>): Promise<string> {
    const response = await as(test, 'analyst', { method: 'POST', url: '/api/v1/customers', payload: { type: 'company', country: 'CN', ...payload } })
    expect(response.statusCode, response.body).toBe(201)
    return response.json().id as string
  }

  const action = (modelId: string, verb: 'approve' | 'retire', role: Role) => as(test, role, { method: 'POST', url: `/api/v1/models/${modelId}/${verb}` })

  it('trains from an uploaded CSV as a job that moves through its phases to a draft model v1; the same name again is v2', async () => {
    const started = await train('name=sme-default&target=default&bad=yes&holdoutFraction=0.3&exclude=applicant')
    expect(started.statusCode, started.body).toBe(202)
    expect(started.json()).toEqual({ id: expect.any(String), status: 'queued', phase: null, done: 0, total: 0, modelId: null, error: null })

    const job = await finished(started.json().id)
    expect(job).toMatchObject({ status: 'succeeded', phase: 'save', done: 1, total: 1, modelId: expect.any(String), error: null })
    // Polling sees what it happens to catch; whatever it saw came in the order of the phases.
    const order = ['parse', 'bin', 'select', 'fit', 'validate', 'save']
    expect(job.seen.map((phase) => order.indexOf(phase))).toEqual([...job.seen.map((phase) => order.indexOf(phase))].sort((a, b) => a - b))

    const model = (await as(test, 'viewer', { method: 'GET', url: `/api/v1/models/${job.modelId}` })).json() as ModelDetail
    expect(model).toMatchObject({
      name: 'sme-default',
      version: 1,
      status: 'draft',
      trainedBy: `user:${test.users.risk_manager.user.id}`,
      rows: 1_500,
      target: 'default',
      bad: 'yes',
      approvedBy: null,
      approvedAt: null,
      retiredAt: null,
    })
    expect(model.dataSha256).toMatch(/^[0-9a-f]{64}$/)
    expect(model.metrics.holdout!.auc).toBeGreaterThan(0.75)
    expect(model.metrics.holdout!.rows).toBe(450)
    expect(model.scorecard.format).toBe('fengkong-scorecard/1')
    expect(model.scorecard.features.map((f) => f.name)).toEqual(expect.arrayContaining(['ratio.currentRatio', 'bureau.score', 'industrySection']))
    expect(model.scorecard.candidates.map((c) => c.name)).not.toContain('applicant')
    expect(model.validation.rows).toBe('holdout')
    expect(model.validation.roc.length).toBeLessThanOrEqual(101)
    expect(model.validation.roc[0]).toEqual({ fpr: 0, tpr: 0 })
    expect(model.validation.roc.at(-1)).toEqual({ fpr: 1, tpr: 1 })
    expect(model.validation.ks.length).toBeLessThanOrEqual(101)
    const widest = Math.max(...model.validation.ks.map((p) => Math.abs(p.cumBad - p.cumGood)))
    expect(widest).toBeCloseTo(model.metrics.holdout!.ks, 10)
    expect(model.validation.calibration).toHaveLength(10)

    const again = await trained('sme-default')
    expect(again).toMatchObject({ name: 'sme-default', version: 2, status: 'draft', dataSha256: model.dataSha256 })
    const list = (await as(test, 'viewer', { method: 'GET', url: '/api/v1/models' })).json().items as ModelSummary[]
    expect(list.filter((m) => m.name === 'sme-default').map((m) => m.version)).toEqual([2, 1])
    expect(Object.keys(list[0]!)).not.toContain('scorecard')

    const audit = (await as(test, 'admin', { method: 'GET', url: `/api/v1/audit?entity=model&entityId=${model.id}` })).json().entries
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['model.trained'])
    expect(audit[0].after).toMatchObject({ id: model.id, name: 'sme-default', version: 1, status: 'draft', dataSha256: model.dataSha256 })
  })

  it('lets no one approve a model they trained; a second user approves it, and approving v2 retires v1', async () => {
    const v1 = await trained('four-eyes')
    const own = expectError(await action(v1.id, 'approve', 'risk_manager'), 403, 'forbidden')
    expect(own.message).toContain('approving needs a second user')

    const approved = await action(v1.id, 'approve', 'admin')
    expect(approved.statusCode, approved.body).toBe(200)
    expect(approved.json()).toMatchObject({ id: v1.id, status: 'approved', approvedBy: `user:${test.users.admin.user.id}`, approvedAt: expect.any(String) })
    expectError(await action(v1.id, 'approve', 'admin'), 409, 'conflict')

    const v2 = await trained('four-eyes', 'analyst')
    expect(v2.version).toBe(2)
    expect((await action(v2.id, 'approve', 'risk_manager')).json()).toMatchObject({ status: 'approved' })
    const v1After = (await as(test, 'viewer', { method: 'GET', url: `/api/v1/models/${v1.id}` })).json()
    expect(v1After).toMatchObject({ status: 'retired', retiredAt: expect.any(String), approvedBy: `user:${test.users.admin.user.id}` })
    const v1Audit = (await as(test, 'admin', { method: 'GET', url: `/api/v1/audit?entity=model&entityId=${v1.id}` })).json().entries
    expect(v1Audit.map((e: { action: string }) => e.action)).toEqual(['model.retired', 'model.approved', 'model.trained'])
    expect(v1Audit[0].after).toMatchObject({ status: 'retired', replacedBy: v2.id })

    // An analyst may train but not approve; a retired model cannot be approved again, nor retired twice.
    expectError(await action(v2.id, 'retire', 'analyst'), 403, 'forbidden')
    expectError(await action(v1.id, 'approve', 'admin'), 409, 'conflict')
    expectError(await action(v1.id, 'retire', 'admin'), 409, 'conflict')
    const retired = await action(v2.id, 'retire', 'admin')
    expect(retired.json()).toMatchObject({ status: 'retired' })
    expectError(await action('no-such-model', 'approve', 'admin'), 404, 'not_found')
  })

  it('scores a customer from its stored profile, statement and bureau record exactly as the domain scorer scores the same features, and audits it on the timeline', async () => {
    const customerId = await createCustomer({ name: '杭州评分测试机械有限公司', industry: { code: 'F51', name: '批发业' }, employees: 240, founded: '2012-04-01' })
    const base = `/api/v1/customers/${customerId}`
    await as(test, 'analyst', {
      method: 'POST',
      url: `${base}/statements`,
      payload: { periodEnd: '2025-12-31', currency: 'CNY', items: { currentAssets: 300_000_000, currentLiabilities: 250_000_000, totalAssets: 900_000_000, totalLiabilities: 500_000_000 } },
    })
    // No bureau score on file: the model's bureau.score goes to its missing bin.
    await as(test, 'analyst', { method: 'POST', url: `${base}/bureau`, payload: { agency: '百行征信', reportedOn: '2026-03-31', defaults: 1 } })

    const model = await trained('customer-scoring')
    expect((await action(model.id, 'approve', 'admin')).statusCode).toBe(200)
    const response = await as(test, 'analyst', { method: 'POST', url: `${base}/scores`, payload: {} })
    expect(response.statusCode, response.body).toBe(200)
    const scored = response.json() as CustomerScore

    const features = await customerFeatures({ store: test.store, customerId })
    expect(features).toMatchObject({ 'ratio.currentRatio': 1.2, industrySection: 'F', employees: 240, 'bureau.defaults': 1 })
    expect(features).not.toHaveProperty('bureau.score')
    const detail = (await as(test, 'viewer', { method: 'GET', url: `/api/v1/models/${model.id}` })).json() as ModelDetail
    const domain = scoreRows(detail.scorecard as ScorecardModel, datasetOf(detail.scorecard as ScorecardModel, [features]).dataset)
    expect(scored).toMatchObject({ modelId: model.id, name: 'customer-scoring', version: model.version, customerId, score: domain.score[0], pd: domain.pd[0] })
    expect(scored.missing).toContain('bureau.score')
    expect(scored.missing).not.toContain('ratio.currentRatio')
    expect(scored.points.map((line) => line.feature)).toEqual(detail.scorecard.features.map((f) => f.name))
    expect(scored.points.find((line) => line.feature === 'bureau.score')).toMatchObject({ value: null, bin: expect.stringContaining('(missing)') })
    expect(scored.basePoints + scored.points.reduce((sum, line) => sum + line.points, 0)).toBeCloseTo(scored.score, 6)
    expect(scored.reasons.length).toBeLessThanOrEqual(3)
    for (const reason of scored.reasons) expect(reason.pointsLost).toBeGreaterThan(0)

    const timeline = (await as(test, 'viewer', { method: 'GET', url: `${base}/timeline` })).json()
    expect(timeline.items[0]).toMatchObject({ action: 'model.customer_scored', after: { customerId, modelId: model.id, score: scored.score } })
    const pd = await latestScorecardPd({ store: test.store, customerId })
    expect(pd).toEqual({ modelId: model.id, name: 'customer-scoring', version: model.version, score: scored.score, pd: scored.pd, missing: scored.missing })

    // An assessment now rates with the approved scorecard's PD as one of its signals, and keeps it among its inputs.
    const assessment = (await as(test, 'analyst', { method: 'POST', url: `${base}/assessments`, payload: {} })).json()
    expect(assessment.inputs.scorecard).toEqual(pd)
    expect(assessment.rating.contributions.find((c: { signal: string }) => c.signal === 'scorecardPd')).toMatchObject({ input: scored.pd })

    // Scoring again replaces the stored score: still one row for the customer and model.
    await as(test, 'analyst', { method: 'POST', url: `${base}/scores`, payload: { modelId: model.id } })
    const rows = await test.store.db.selectFrom('model_scores').selectAll().where('customer_id', '=', customerId).execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ model_id: model.id, score: scored.score, pd: scored.pd })
    expect(JSON.parse(rows[0]!.reasons)).toEqual(scored.reasons)
  })

  it('scores the whole portfolio into one stored row per customer, with one audit entry of the counts', async () => {
    const model = await trained('portfolio')
    for (const [name, section] of [
      ['组合评分一号有限公司', 'C21'],
      ['组合评分二号有限公司', 'K66'],
      ['组合评分三号有限公司', null],
    ] as const) {
      await createCustomer({ name, ...(section ? { industry: { code: section } } : {}) })
    }
    const customers = await test.store.db.selectFrom('customers').select('id').execute()

    for (const round of [1, 2]) {
      const response = await as(test, 'risk_manager', { method: 'POST', url: `/api/v1/models/${model.id}/portfolio-scores` })
      expect(response.statusCode, response.body).toBe(200)
      const summary = response.json() as PortfolioScore
      expect(summary).toMatchObject({ modelId: model.id, name: 'portfolio', version: model.version, scored: customers.length })
      expect(summary.meanPd).toBeGreaterThan(0)
      expect(summary.distribution.reduce((sum, d) => sum + d.customers, 0)).toBe(customers.length)
      const rows = await test.store.db.selectFrom('model_scores').select(['customer_id']).where('model_id', '=', model.id).execute()
      expect(rows.map((row) => row.customer_id).sort(), `round ${round}`).toEqual(customers.map((c) => c.id).sort())
    }
    const audit = (await as(test, 'admin', { method: 'GET', url: `/api/v1/audit?entity=model&entityId=${model.id}` })).json().entries
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['model.portfolio_scored', 'model.portfolio_scored', 'model.trained'])
    expect(audit[0].after).toMatchObject({ modelId: model.id, scored: customers.length, missing: { 'bureau.score': customers.length } })
    expectError(await as(test, 'analyst', { method: 'POST', url: `/api/v1/models/${model.id}/portfolio-scores` }), 403, 'forbidden')

    // A customer's scores go when the customer does.
    expect((await as(test, 'admin', { method: 'DELETE', url: `/api/v1/customers/${customers[0]!.id}` })).statusCode).toBe(204)
    const left = await test.store.db.selectFrom('model_scores').select('customer_id').where('model_id', '=', model.id).execute()
    expect(left).toHaveLength(customers.length - 1)
  })

  it('fails a job whose target never holds the bad value, naming the column; an unknown target is refused up front, naming it', async () => {
    const failed = await finished((await train('name=no-bads&target=default&bad=maybe')).json().id)
    expect(failed).toMatchObject({ status: 'failed', modelId: null })
    expect(failed.error).toContain('no row of column "default" is "maybe"')

    const unknown = expectError(await train('name=unknown-target&target=defaulted&bad=yes'), 400, 'validation_failed')
    expect(unknown.message).toContain('"defaulted" is not a column of the file')
    expect(unknown.details).toEqual([{ path: 'target', message: expect.stringContaining('defaulted') }])

    const ragged = await finished((await train('name=ragged&target=default&bad=yes', `${csv}A9999,1.2,600,C,12,no,extra\n`)).json().id)
    expect(ragged.error).toBe('line 1502 has 7 cells, but the header names 6 columns')
    expectError(await train('name=empty&target=default&bad=yes', ''), 400, 'validation_failed')
  })

  it('refuses unknown fields in a body or query with 400, and scoring without an approved model with 409', async () => {
    const customerId = await createCustomer({ name: '未知字段测试有限公司' })
    const extra = expectError(await as(test, 'analyst', { method: 'POST', url: `/api/v1/customers/${customerId}/scores`, payload: { modelId: 'x', threshold: 600 } }), 400, 'validation_failed')
    expect(extra.details.map((d) => d.path)).toContain('threshold')
    expectError(await train('name=x&target=default&bad=yes&seed=3'), 400, 'validation_failed')
    expectError(await train('name=x&target=default&bad=yes&holdoutFraction=1'), 400, 'validation_failed')
    expectError(await as(test, 'analyst', { method: 'POST', url: `/api/v1/customers/${customerId}/scores`, payload: { modelId: 'no-such-model' } }), 404, 'not_found')
    expectError(await as(test, 'analyst', { method: 'POST', url: '/api/v1/customers/no-such-customer/scores', payload: {} }), 404, 'not_found')
    expectError(await train('name=x&target=default&bad=yes', csv, 'viewer'), 403, 'forbidden')
  })
})

describe.each(DIALECTS)('%s: scoring before any model is approved', (dialect) => {
  let test: TestApp
  beforeAll(async () => {
    test = await startTestApp(dialect)
  })
  afterAll(() => test.close())

  it('answers 409 saying no scorecard is approved, and gives an assessment no scorecard PD', async () => {
    const customerId = (await as(test, 'analyst', { method: 'POST', url: '/api/v1/customers', payload: { type: 'company', name: '无模型测试有限公司', country: 'CN' } })).json().id
    const error = expectError(await as(test, 'analyst', { method: 'POST', url: `/api/v1/customers/${customerId}/scores`, payload: {} }), 409, 'conflict')
    expect(error.message).toContain('no scorecard is approved')
    expect(await latestScorecardPd({ store: test.store, customerId })).toBeNull()
  })
})
