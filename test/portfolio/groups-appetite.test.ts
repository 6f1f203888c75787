import { describe, expect, it } from 'vitest'
import { appetiteBreaches, connectedGroups, DEFAULT_RISK_APPETITE, tiesGroup, weekOf, weeklyTrend, type Tie } from '../../src/domain/portfolio/index.ts'

const exposures: Record<string, number> = { p: 100, s1: 50, s2: 30, g: 10, x: 5, o1: 7, o2: 8, m: 40, n: 60 }
const exposureOf = (id: string) => exposures[id] ?? 0

describe('connected groups', () => {
  const ties: Tie[] = [
    { fromId: 'p', toId: 's1', kind: 'parent', sharePct: null },
    { fromId: 's1', toId: 's2', kind: 'shareholder', sharePct: 50 }, // control: ties
    { fromId: 'g', toId: 's2', kind: 'guarantor', sharePct: null },
    { fromId: 'x', toId: 'p', kind: 'shareholder', sharePct: 49.9 }, // minority: does not tie
    { fromId: 'o1', toId: 'o2', kind: 'common_owner', sharePct: null },
    { fromId: 'm', toId: 'n', kind: 'shareholder', sharePct: null }, // share unknown: does not tie
  ]

  it('joins parent, controlling shareholder, guarantor and common owner ties into groups, summing exposure', () => {
    const groups = connectedGroups({ ties, exposureOf })
    expect(groups.map((g) => ({ lead: g.leadId, members: g.memberIds, exposure: g.exposure }))).toEqual([
      { lead: 'p', members: ['p', 's1', 's2', 'g'], exposure: 190 },
      { lead: 'o2', members: ['o2', 'o1'], exposure: 15 },
    ])
  })

  it('keeps the ties that made each group, so membership can be explained', () => {
    const [first] = connectedGroups({ ties, exposureOf })
    expect(first!.ties.map((t) => `${t.fromId}-${t.kind}-${t.toId}`)).toEqual(['p-parent-s1', 's1-shareholder-s2', 'g-guarantor-s2'])
  })

  it('takes a lower control threshold from the rules', () => {
    const groups = connectedGroups({ ties, exposureOf, rules: { minSharePct: 25, kinds: ['parent', 'shareholder', 'guarantor', 'common_owner'] } })
    expect(groups[0]!.memberIds).toEqual(['p', 's1', 's2', 'g', 'x'])
    expect(groups[0]!.exposure).toBe(195)
  })

  it('ignores kinds the rules leave out, and ties of a customer to itself', () => {
    expect(tiesGroup({ fromId: 'a', toId: 'a', kind: 'parent', sharePct: null })).toBe(false)
    const groups = connectedGroups({ ties, exposureOf, rules: { minSharePct: 50, kinds: ['common_owner'] } })
    expect(groups.map((g) => g.memberIds)).toEqual([['o2', 'o1']])
  })

  it('gives no groups without ties', () => {
    expect(connectedGroups({ ties: [], exposureOf })).toEqual([])
  })

  it('joins a long chain into one group', () => {
    const chain = Array.from({ length: 1000 }, (_, i): Tie => ({ fromId: `c${i}`, toId: `c${i + 1}`, kind: 'parent', sharePct: null }))
    const groups = connectedGroups({ ties: chain, exposureOf: () => 1 })
    expect(groups).toHaveLength(1)
    expect(groups[0]!.exposure).toBe(1001)
  })
})

describe('risk appetite breaches', () => {
  it('lists every name, group and industry above its limit, largest share first, with the exposure to shed', () => {
    const breaches = appetiteBreaches({
      appetite: DEFAULT_RISK_APPETITE,
      total: 1_000,
      names: [{ key: 'a', name: 'Alpha', exposure: 120 }, { key: 'b', name: 'Beta', exposure: 100 }],
      groups: [{ key: 'g', name: 'Alpha group', exposure: 200 }],
      industries: [{ key: 'C', name: 'Manufacturing', exposure: 400 }, { key: 'F', name: 'Construction', exposure: 300 }],
    })
    // 12 % > 10 %: shedding e with (120 − e) / (1000 − e) = 0.1 ⇒ e = 20 / 0.9 = 22.2 → 23
    // 20 % > 15 %: (200 − 150) / 0.85 = 58.8 → 59;   40 % > 30 %: (400 − 300) / 0.7 = 142.9 → 143
    // Beta at exactly 10 % and Construction at exactly 30 % are within the limits.
    expect(breaches.map((b) => [b.kind, b.key, b.share, b.limit, b.excess])).toEqual([
      ['industry', 'C', 0.4, 0.3, 143],
      ['group', 'g', 0.2, 0.15, 59],
      ['single_name', 'a', 0.12, 0.1, 23],
    ])
  })

  it('checks no limit that is null, and nothing without exposure', () => {
    const appetite = { ...DEFAULT_RISK_APPETITE, maxIndustryShare: null }
    expect(appetiteBreaches({ appetite, total: 100, names: [], groups: [], industries: [{ key: 'C', name: 'C', exposure: 100 }] })).toEqual([])
    expect(appetiteBreaches({ appetite: DEFAULT_RISK_APPETITE, total: 0, names: [{ key: 'a', name: 'A', exposure: 0 }], groups: [], industries: [] })).toEqual([])
  })
})

describe('weekly trends', () => {
  it('names a week by its Monday', () => {
    expect(weekOf('2026-11-29')).toBe('2026-11-23') // a Sunday
    expect(weekOf('2026-11-23')).toBe('2026-11-23') // a Monday
    expect(weekOf('2026-01-01')).toBe('2025-12-29') // across a year end
  })

  it('folds daily counts into every week of the range, zeros included, known series first', () => {
    const trend = weeklyTrend({
      from: '2026-11-02',
      to: '2026-11-22',
      series: ['critical', 'high'],
      counts: [
        { day: '2026-11-02', series: 'high', count: 2 },
        { day: '2026-11-08', series: 'high', count: 1 }, // Sunday: same week
        { day: '2026-11-20', series: 'low', count: 4 },
        { day: '2026-10-30', series: 'high', count: 9 }, // before the range: left out
      ],
    })
    expect(trend).toEqual({
      weeks: ['2026-11-02', '2026-11-09', '2026-11-16'],
      series: [
        { key: 'critical', counts: [0, 0, 0], total: 0 },
        { key: 'high', counts: [3, 0, 0], total: 3 },
        { key: 'low', counts: [0, 0, 4], total: 4 },
      ],
    })
  })
})
