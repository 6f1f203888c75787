import { describe, expect, it } from 'vitest'
import type { ScorecardBin, ScorecardFeature } from '../api/types.ts'
import { scorecardRows } from './scorecard-rows.ts'

const bin = (label: string, points: number): ScorecardBin => ({ kind: 'range', lower: null, upper: null, label, missing: false, goods: 90, bads: 10, badRate: 0.1, woe: 0.2, iv: 0.01, points })
const feature = (name: string, bins: ScorecardBin[]): ScorecardFeature => ({ name, type: 'numeric', trend: 'falling', iv: 0.12, coefficient: -0.8, bins })

describe('scorecardRows', () => {
  it('has a row per bin, grouped by feature, the first bin spanning its feature', () => {
    const rows = scorecardRows({ features: [feature('income', [bin('< 3000', -12), bin('>= 3000', 8)]), feature('age', [bin('any value', 0)])] })
    expect(rows.map((r) => [r.key, r.feature, r.featureSpan, r.bin.points])).toEqual([
      ['income#0', 'income', 2, -12],
      ['income#1', 'income', 0, 8],
      ['age#0', 'age', 1, 0],
    ])
  })
})
