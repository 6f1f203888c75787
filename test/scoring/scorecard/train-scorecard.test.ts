import { describe, expect, it } from 'vitest'
import {
  auc,
  evaluateScorecard,
  mulberry32,
  parseScorecardModel,
  pdOfScore,
  randomHoldout,
  scoreRows,
  trainScorecard,
  type Dataset,
  type ScorecardModel,
} from '../../../src/domain/scoring/scorecard/index.ts'

/**
 * Seeded data with a known logistic truth (higher logit = more likely bad):
 *   logit = −1.5 + 1.5·strong − 0.7·echo + 0.12·weak + region effect (+0.8 when strong is missing)
 * `echo` = strong + noise: alone it looks risky (it carries strong), next to strong it lowers risk.
 * `weak` is real but small, `noise` is nothing; `region` has a rare level.
 */
function synthetic(rows: number, seed: number) {
  const next = mulberry32(seed)
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next())
  const regions = ['north', 'south', 'east', 'west', 'centre', 'islands']
  const regionEffect = [-0.8, -0.2, 0, 0.4, 1.0, 0]
  const strong = new Float64Array(rows)
  const echo = new Float64Array(rows)
  const weak = new Float64Array(rows)
  const noise = new Float64Array(rows)
  const region = new Int32Array(rows)
  const bad = new Uint8Array(rows)
  const truth = new Float64Array(rows)
  for (let i = 0; i < rows; i += 1) {
    const s = normal()
    strong[i] = next() < 0.08 ? NaN : Math.round(s * 100) / 100
    echo[i] = Math.round((s + 0.5 * normal()) * 100) / 100
    weak[i] = normal()
    noise[i] = next() * 1000
    const u = next()
    region[i] = u < 0.005 ? 5 : Math.floor(((u - 0.005) / 0.995) * 5)
    truth[i] = -1.5 + 1.5 * s - 0.7 * echo[i]! + 0.12 * weak[i]! + regionEffect[region[i]!]! + (Number.isNaN(strong[i]!) ? 0.8 : 0)
    bad[i] = next() < 1 / (1 + Math.exp(-truth[i]!)) ? 1 : 0
  }
  const dataset: Dataset = {
    rows,
    columns: [
      { kind: 'numeric', name: 'strong', values: strong },
      { kind: 'numeric', name: 'echo', values: echo },
      { kind: 'numeric', name: 'weak', values: weak },
      { kind: 'numeric', name: 'noise', values: noise },
      { kind: 'categorical', name: 'region', levels: regions, codes: region },
    ],
  }
  return { dataset, bad, truth }
}

const { dataset, bad, truth } = synthetic(20_000, 1)
const model: ScorecardModel = trainScorecard({ dataset, bad, target: { column: 'bad', bad: '1' }, holdout: { kind: 'fraction', fraction: 0.3, seed: 9 }, dataSha256: 'ab'.repeat(32), trainedAt: '2026-01-01T00:00:00.000Z' })
const decision = (name: string) => model.candidates.find((c) => c.name === name)!

describe('training a scorecard', () => {
  it('selects by IV, lets a weak but real feature in on the score test, and drops the one with the wrong sign', () => {
    expect(decision('strong')).toMatchObject({ selected: true })
    expect(decision('region')).toMatchObject({ selected: true })
    expect(decision('noise')).toMatchObject({ selected: false, reason: expect.stringMatching(/IV below 0.02/) })
    expect(decision('echo')).toMatchObject({ selected: false, reason: expect.stringMatching(/wrong sign/) })
    expect(decision('weak').iv).toBeLessThan(0.02)
    expect(decision('weak')).toMatchObject({ selected: true, reason: expect.stringMatching(/adds to the others \(score test/) })
    for (const feature of model.features) expect(feature.coefficient, feature.name).toBeLessThan(0)
    expect(model.fit.converged).toBe(true)
  })

  it('bins monotonically, keeps frequent missing values apart and groups the rare region', () => {
    const strong = model.features.find((f) => f.name === 'strong')!
    expect(strong.trend).toBe('rising')
    const ranges = strong.bins.filter((b) => b.kind === 'range')
    for (let b = 1; b < ranges.length; b += 1) expect(ranges[b]!.woe).toBeLessThan(ranges[b - 1]!.woe)
    expect(strong.bins.at(-1)).toMatchObject({ kind: 'missing', missing: true })
    const region = model.features.find((f) => f.name === 'region')!
    expect(region.bins.find((b) => b.kind === 'categories' && b.categories.includes('islands'))).toMatchObject({ other: true })
  })

  it('explains every point: score = base points + the points of each bin, PD from the scaling', () => {
    const scored = scoreRows(model, dataset)
    for (const row of [0, 1, 2, 17, 999]) {
      let score = model.intercept.points
      for (const feature of model.features) {
        const column = dataset.columns.find((c) => c.name === feature.name)!
        const bin =
          column.kind === 'numeric'
            ? feature.bins.find((b) => (Number.isNaN(column.values[row]!) ? b.missing : b.kind === 'range' && (b.lower === null || column.values[row]! >= b.lower) && (b.upper === null || column.values[row]! < b.upper)))!
            : feature.bins.find((b) => b.kind === 'categories' && b.categories.includes(column.levels[column.codes[row]!]!))!
        score += bin.points
      }
      expect(scored.score[row]).toBeCloseTo(score, 8)
      expect(scored.pd[row]).toBeCloseTo(pdOfScore(scored.score[row]!, model.scaling), 12)
    }
    // The intercept and bin points come from the fit: −factor·β·WOE and offset − factor·β₀.
    const feature = model.features[0]!
    expect(feature.bins[0]!.points).toBeCloseTo(-model.scaling.factor * feature.coefficient * feature.bins[0]!.woe, 1)
    expect(model.intercept.points).toBeCloseTo(model.scaling.offset - model.scaling.factor * model.intercept.coefficient, 2)
  })

  it('ranks nearly as well as the true model on the held-out rows, and is calibrated', () => {
    const holdout = model.metrics.holdout!
    expect(holdout.rows).toBe(6000)
    expect(model.data).toMatchObject({ rows: 20_000, trainRows: 14_000, holdoutRows: 6000, sha256: 'ab'.repeat(32) })
    const scored = scoreRows(model, dataset)
    const isHoldout = holdoutMask(model)
    const rows = [...Array(20_000).keys()].filter((i) => isHoldout[i] === 1)
    const trueAuc = auc(rows.map((i) => truth[i]!), rows.map((i) => bad[i]!))
    expect(holdout.auc).toBeGreaterThan(trueAuc - 0.03)
    expect(holdout.auc).toBeLessThanOrEqual(trueAuc + 0.01)
    expect(holdout.gini).toBeCloseTo(2 * holdout.auc - 1, 12)
    expect(holdout.ks).toBeGreaterThan(0.2)
    expect(holdout.psi).toBeLessThan(0.01) // same population
    const meanPd = rows.reduce((s, i) => s + scored.pd[i]!, 0) / rows.length
    const badRate = rows.reduce((s, i) => s + bad[i]!, 0) / rows.length
    expect(meanPd).toBeCloseTo(badRate, 1)
    expect(model.calibration.rows).toBe('holdout')
    expect(model.calibration.groups).toHaveLength(10)
    const first = model.calibration.groups[0]!
    const last = model.calibration.groups[9]!
    expect(first.observedBadRate).toBeGreaterThan(last.observedBadRate)
    expect(model.scoreDistribution.shares.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12)
  })

  it('agrees with evaluateScorecard on the held-out rows and survives a JSON round trip', () => {
    const isHoldout = holdoutMask(model)
    const rows = [...Array(20_000).keys()].filter((i) => isHoldout[i] === 1)
    const subset: Dataset = {
      rows: rows.length,
      columns: dataset.columns.map((c) => (c.kind === 'numeric' ? { ...c, values: Float64Array.from(rows, (i) => c.values[i]!) } : { ...c, codes: Int32Array.from(rows, (i) => c.codes[i]!) })),
    }
    const reread = parseScorecardModel(JSON.parse(JSON.stringify(model)))
    const evaluation = evaluateScorecard(reread, subset, Uint8Array.from(rows, (i) => bad[i]!))
    expect(evaluation.rows).toBe(6000)
    expect(evaluation.auc).toBe(model.metrics.holdout!.auc)
    expect(evaluation.ks).toBe(model.metrics.holdout!.ks)
    expect(evaluation.psi).toBeCloseTo(model.metrics.holdout!.psi!, 6)
  })

  it('takes explicit holdout rows, other scaling, and can validate on nothing', () => {
    const isHoldout = Uint8Array.from({ length: 20_000 }, (_, i) => (i % 10 < 7 ? 0 : 1))
    const scaled = trainScorecard({ dataset, bad, target: { column: 'bad', bad: '1' }, holdout: { kind: 'rows', isHoldout }, scaling: { basePoints: 500, baseOdds: 20, pdo: 40 } })
    expect(scaled.data).toMatchObject({ trainRows: 14_000, holdoutRows: 6000, holdout: { kind: 'rows' } })
    expect(scaled.scaling).toMatchObject({ basePoints: 500, baseOdds: 20, pdo: 40 })
    const noHoldout = trainScorecard({ dataset, bad, target: { column: 'bad', bad: '1' }, holdout: { kind: 'fraction', fraction: 0, seed: 1 } })
    expect(noHoldout.metrics.holdout).toBeNull()
    expect(noHoldout.calibration.rows).toBe('train')
  })

  it('refuses data it cannot learn from', () => {
    expect(() => trainScorecard({ dataset, bad: new Uint8Array(20_000), target: { column: 'bad', bad: '1' } })).toThrow(/both bads and goods/)
    const noiseOnly: Dataset = { rows: 20_000, columns: [dataset.columns[3]!] }
    expect(() => trainScorecard({ dataset: noiseOnly, bad, target: { column: 'bad', bad: '1' } })).toThrow(/no feature reaches the IV threshold 0.02 \(noise/)
  })
})

/** The holdout the model recorded, drawn again from its seed. */
function holdoutMask(trained: ScorecardModel): Uint8Array {
  const holdout = trained.data.holdout
  if (holdout.kind !== 'fraction') throw new Error('expected a random holdout')
  return randomHoldout(bad, holdout.fraction, holdout.seed)
}
