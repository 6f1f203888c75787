import { describe, expect, it } from 'vitest'
import { auc, kolmogorovSmirnov, ksCurve, rocCurve, thinIndices } from '../../src/domain/scoring/scorecard/index.ts'
import { mulberry32 } from '../../src/domain/random/index.ts'

function sample(n: number, seed: number): { scores: number[]; bad: number[] } {
  const next = mulberry32(seed)
  const scores: number[] = []
  const bad: number[] = []
  for (let i = 0; i < n; i += 1) {
    const score = Math.round(450 + next() * 300)
    scores.push(score)
    bad.push(next() < 1 / (1 + Math.exp((score - 560) / 40)) ? 1 : 0)
  }
  return { scores, bad }
}

describe('ROC and KS curves', () => {
  it('run from (0,0) to (1,1), and the area under the full ROC curve is the AUC of the PDs', () => {
    const { scores, bad } = sample(2_000, 5)
    const roc = rocCurve(scores, bad, Number.MAX_SAFE_INTEGER)
    expect(roc[0]).toEqual({ fpr: 0, tpr: 0 })
    expect(roc.at(-1)).toEqual({ fpr: 1, tpr: 1 })
    let area = 0
    for (let k = 1; k < roc.length; k += 1) area += ((roc[k]!.fpr - roc[k - 1]!.fpr) * (roc[k]!.tpr + roc[k - 1]!.tpr)) / 2
    // A low score is a high PD: rank by minus the score.
    expect(area).toBeCloseTo(auc(scores.map((s) => -s), bad), 12)
  })

  it('are cut to at most 101 points, keeping both ends and the point of the KS statistic', () => {
    const { scores, bad } = sample(2_000, 9)
    const roc = rocCurve(scores, bad)
    const ks = ksCurve(scores, bad)
    expect(roc.length).toBeLessThanOrEqual(101)
    expect(ks.length).toBeLessThanOrEqual(101)
    expect(roc.at(-1)).toEqual({ fpr: 1, tpr: 1 })
    expect(ks.at(-1)).toMatchObject({ cumBad: 1, cumGood: 1 })
    const widest = Math.max(...ks.map((p) => Math.abs(p.cumBad - p.cumGood)))
    expect(widest).toBeCloseTo(kolmogorovSmirnov(scores, bad).ks, 12)
    expect(ks.map((p) => p.score)).toEqual([...ks.map((p) => p.score)].sort((a, b) => a - b))
  })

  it('are empty when the rows hold only bads or only goods', () => {
    expect(rocCurve([1, 2, 3], [0, 0, 0])).toEqual([])
    expect(ksCurve([1, 2, 3], [1, 1, 1])).toEqual([])
  })

  it('thin evenly, first and last kept, a point asked for kept', () => {
    expect(thinIndices(5, 10)).toEqual([0, 1, 2, 3, 4])
    expect(thinIndices(11, 3)).toEqual([0, 5, 10])
    expect(thinIndices(11, 3, 2)).toEqual([0, 2, 10])
  })
})
