import { describe, expect, it } from 'vitest'
import { DEFAULT_RATING_WEIGHTS, rateCustomer, type CompositeRating, type RateCustomerOptions } from '../../../src/domain/scoring/index.ts'

function rated(options: RateCustomerOptions): CompositeRating {
  const rating = rateCustomer(options)
  if (!rating.rated) throw new Error(`not rated: ${rating.reason}`)
  return rating
}

describe('mapping each signal to a PD', () => {
  it('gives a customer with only a distress zone that zone’s PD, 20 %, graded CCC', () => {
    const rating = rated({ zScoreZone: 'distress' })
    expect(rating.pd).toBe(0.2)
    expect(rating.grade).toBe('CCC')
    expect(rating.contributions).toEqual([
      expect.objectContaining({ signal: 'zScoreZone', input: 'distress', pd: 0.2, configuredWeight: 0.2, weight: 1 }),
    ])
    expect(rating.reasonCodes.map((r) => r.code)).toEqual(['ZSCORE_DISTRESS'])
  })

  it('grades a scorecard PD of exactly 1 % as BB, the worse side of the boundary', () => {
    expect(rated({ scorecardPd: 0.01 })).toMatchObject({ pd: 0.01, grade: 'BB' })
  })

  it.each([
    // logit(PD) = logit(0.3) + s·(logit(0.002) − logit(0.3)), s = (score − min) / (max − min)
    [300, 0.3],
    [850, 0.002],
    // s = 0.5: logit = (−0.847298 − 6.212606) / 2 = −3.529952, PD = 1 / (1 + e^3.529952) = 0.028472
    [575, 0.028472],
  ])('maps a bureau score of %s on 300–850 to PD %s', (score, pd) => {
    expect(rated({ bureauScore: { score, min: 300, max: 850 } }).pd).toBeCloseTo(pd, 5)
  })

  it('interpolates the expert score on the log-odds scale between its anchors', () => {
    // 62.5 is halfway between 50 → 0.02 and 75 → 0.005: odds = √((0.02/0.98)·(0.005/0.995)) = √0.000102553 = 0.0101269, PD = 0.0101269 / 1.0101269 = 0.0100253
    expect(rated({ expertScore: 62.5 }).pd).toBeCloseTo(0.0100253, 7)
    expect(rated({ expertScore: 50 }).pd).toBeCloseTo(0.02, 12)
  })

  it('maps industry risk 1–5 to 0.5 %, 1 %, 2 %, 4 %, 8 %', () => {
    expect([1, 2, 3, 4, 5].map((industryRisk) => rated({ industryRisk }).pd)).toEqual([0.005, 0.01, 0.02, 0.04, 0.08])
  })

  it('never gives a worse payment index a lower PD', () => {
    const pds = [1, 10, 20, 35, 50, 60, 70, 75, 80, 90, 100].map((paymentBehaviour) => rated({ paymentBehaviour }).pd)
    for (let i = 1; i < pds.length; i++) expect(pds[i]).toBeLessThan(pds[i - 1] as number)
    expect(pds[8]).toBeCloseTo(0.01, 10)
  })

  it('clamps a scorecard PD of 0 to the 0.01 % floor so its log-odds is finite', () => {
    expect(rated({ scorecardPd: 0 })).toMatchObject({ pd: 0.0001, grade: 'AAA' })
  })
})

describe('combining signals', () => {
  it('averages a grey zone and a 1 % scorecard PD on the log-odds scale, worked by hand', () => {
    // Weights 0.2 (zone) and 0.3 (scorecard) renormalise to 0.4 and 0.6.
    // logit(0.04) = ln(1/24) = −3.178054, logit(0.01) = ln(1/99) = −4.595120
    // logOdds = 0.4·(−3.178054) + 0.6·(−4.595120) = −1.271222 − 2.757072 = −4.028293
    // PD = 1 / (1 + e^4.028293) = 1 / 57.16497 = 0.0174932, grade BB
    const rating = rated({ zScoreZone: 'grey', scorecardPd: 0.01 })
    expect(rating.logOdds).toBeCloseTo(-4.028293, 6)
    expect(rating.pd).toBeCloseTo(0.0174932, 7)
    expect(rating.grade).toBe('BB')
    const [scorecard, zone] = rating.contributions
    expect(scorecard).toMatchObject({ signal: 'scorecardPd', weight: 0.6 })
    expect(scorecard?.logOddsContribution).toBeCloseTo(-2.757072, 6)
    expect(zone?.weight).toBeCloseTo(0.4, 12)
    expect(zone?.logOddsContribution).toBeCloseTo(-1.271222, 6)
  })

  it('renormalises the weights over the signals present', () => {
    // Present: bureau 0.2, payment 0.1, industry 0.1 (sum 0.4) → 0.5, 0.25, 0.25.
    const rating = rated({ bureauScore: { score: 700, min: 300, max: 850 }, paymentBehaviour: 80, industryRisk: 2 })
    expect(rating.contributions.map((c) => [c.signal, c.weight])).toEqual([
      ['bureauScore', 0.5],
      ['paymentBehaviour', 0.25],
      ['industryRisk', 0.25],
    ])
    const sum = rating.contributions.reduce((total, c) => total + c.logOddsContribution, 0)
    expect(rating.logOdds).toBeCloseTo(sum, 12)
  })

  it('orders reason codes by how far each signal pushes the PD above the neutral 2 %, most adverse first', () => {
    // Weights 0.2, 0.2, 0.1, 0.1 renormalise to 1/3, 1/3, 1/6, 1/6; logit(0.02) = −3.891820
    // bureau 300 on 300–850 (PD 0.3):  (1/3)·(−0.847298 + 3.891820) = 1.014841
    // distress zone (PD 0.2):          (1/3)·(−1.386294 + 3.891820) = 0.835175
    // industry risk 5 (PD 0.08):       (1/6)·(−2.442347 + 3.891820) = 0.241579
    // expert score 80 (PD < 0.005):    negative, favourable, last
    const rating = rated({ zScoreZone: 'distress', bureauScore: { score: 300, min: 300, max: 850 }, expertScore: 80, industryRisk: 5 })
    expect(rating.reasonCodes.map((r) => [r.code, r.adverse])).toEqual([
      ['BUREAU_SCORE_LOW', true],
      ['ZSCORE_DISTRESS', true],
      ['INDUSTRY_RISK_HIGH', true],
      ['EXPERT_SCORE_HIGH', false],
    ])
    expect(rating.reasonCodes.map((r) => r.push).slice(0, 3)).toEqual([expect.closeTo(1.014841, 6), expect.closeTo(0.835175, 6), expect.closeTo(0.241579, 6)])
    expect(rating.reasonCodes[0]?.text).toBe('Credit bureau score (300 on 300–850) implies a PD of 30.00 %, above the portfolio-neutral 2.00 %')
  })

  it('calls a signal at exactly the neutral PD neutral', () => {
    expect(rated({ industryRisk: 3 }).reasonCodes).toEqual([expect.objectContaining({ code: 'INDUSTRY_RISK_NEUTRAL', adverse: false, push: 0 })])
  })

  it('carries the versions of the weights and the scale', () => {
    expect(rated({ expertScore: 40 })).toMatchObject({ weightsVersion: 'fengkong-weights-1', scaleVersion: 'fengkong-master-scale-1' })
  })
})

describe('not rating', () => {
  it('does not rate a customer without any signal, and says why', () => {
    const result = rateCustomer({ zScoreZone: null, scorecardPd: null })
    expect(result).toMatchObject({ rated: false, problems: [] })
    expect(!result.rated && result.reason).toMatch(/^no signals/)
  })

  it('does not rate when every signal present has weight 0', () => {
    const weights = { version: 'zone-off', weights: { ...DEFAULT_RATING_WEIGHTS.weights, zScoreZone: 0 } }
    expect(rateCustomer({ zScoreZone: 'safe', weights })).toMatchObject({ rated: false, reason: expect.stringContaining('weight 0') })
  })

  it('refuses inputs out of range rather than dropping them', () => {
    const result = rateCustomer({ scorecardPd: 1.2, expertScore: 101, industryRisk: 2.5, bureauScore: { score: 900, min: 300, max: 850 }, paymentBehaviour: 0 })
    expect(result.rated).toBe(false)
    if (result.rated) return
    expect(result.problems.map((p) => p.field)).toEqual(['scorecardPd', 'bureauScore', 'paymentBehaviour', 'expertScore', 'industryRisk'])
  })

  it('refuses an invalid scale or negative weights', () => {
    const scale = { version: 'gappy', grades: [{ grade: 'A', lower: 0, upper: 0.4, description: '' }, { grade: 'D', lower: 0.5, upper: 1, description: '' }] }
    const weights = { version: 'bad', weights: { ...DEFAULT_RATING_WEIGHTS.weights, bureauScore: -1 } }
    const result = rateCustomer({ zScoreZone: 'grey', scale, weights })
    expect(!result.rated && result.problems.map((p) => p.field)).toEqual(['scale', 'weights'])
  })
})
