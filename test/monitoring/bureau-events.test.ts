import { describe, expect, it } from 'vitest'
import { bureauEvents, type BureauObservation } from '../../src/domain/monitoring/bureau-events.ts'

const record = (agency: string, reportedOn: string, fields: Partial<BureauObservation> = {}): BureauObservation => ({
  agency,
  reportedOn,
  score: null,
  scoreMin: null,
  scoreMax: null,
  rating: null,
  defaults: 0,
  courtJudgments: 0,
  taxArrears: 0,
  ...fields,
})
const scored = (agency: string, reportedOn: string, score: number, scoreMin = 300, scoreMax = 900) => record(agency, reportedOn, { score, scoreMin, scoreMax })
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`)

describe('bureauEvents', () => {
  describe('score drops', () => {
    it('reports a drop of exactly 5% of the scale: 30 points on 300–900', () => {
      const { events } = bureauEvents({ records: [scored('百行征信', '2026-01-31', 700), scored('百行征信', '2026-02-28', 670)] })
      expect(events).toEqual([
        {
          kind: 'score_drop',
          at: day('2026-02-28'),
          agency: '百行征信',
          from: 700,
          to: 670,
          reason: 'score fell 30 points between 2026-01-31 and 2026-02-28, from 700 to 670 (threshold 30 points: 5% of the 300–900 scale)',
        },
      ])
    })

    it('does not report a drop one point short of it', () => {
      expect(bureauEvents({ records: [scored('A', '2026-01-31', 700), scored('A', '2026-02-28', 671)] }).events).toEqual([])
    })

    it('compares a drop with a fractional threshold exactly: 5% of 300–850 is 27.5 points', () => {
      const drop = (to: number) => bureauEvents({ records: [scored('A', '2026-01-31', 700, 300, 850), scored('A', '2026-02-28', to, 300, 850)] }).events.length
      expect(drop(672)).toBe(1)
      expect(drop(673)).toBe(0)
    })

    it('takes a threshold in points or in another percentage', () => {
      const records = [scored('A', '2026-01-31', 700), scored('A', '2026-02-28', 680)]
      expect(bureauEvents({ records, scoreDrop: { points: 20 } }).events.map((e) => e.reason)).toEqual(['score fell 20 points between 2026-01-31 and 2026-02-28, from 700 to 680 (threshold 20 points)'])
      expect(bureauEvents({ records, scoreDrop: { points: 21 } }).events).toEqual([])
      expect(bureauEvents({ records, scoreDrop: { percentOfScale: 3 } }).events).toHaveLength(1) // 18 points
    })

    it('does not compare scores on different scales, and says so', () => {
      const result = bureauEvents({ records: [scored('A', '2026-01-31', 700, 300, 900), scored('A', '2026-02-28', 500, 0, 1000)] })
      expect(result.events).toEqual([])
      expect(result.notes).toEqual(['A: the score scale changed between 2026-01-31 and 2026-02-28 (300–900 to 0–1000): scores not compared'])
    })

    it('needs a scale for a percentage threshold but not for one in points', () => {
      const records = [record('A', '2026-01-31', { score: 700 }), record('A', '2026-02-28', { score: 600 })]
      expect(bureauEvents({ records })).toEqual({ events: [], notes: ['A: no usable score scale between 2026-01-31 and 2026-02-28, so a drop of 5% of it cannot be judged'] })
      expect(bureauEvents({ records, scoreDrop: { points: 50 } }).events).toHaveLength(1)
    })

    it('ignores a rise and a missing score', () => {
      const records = [scored('A', '2026-01-31', 600), scored('A', '2026-02-28', 800), record('A', '2026-03-31'), scored('A', '2026-04-30', 500)]
      expect(bureauEvents({ records })).toEqual({ events: [], notes: [] })
    })

    it('refuses a threshold that is not positive', () => {
      expect(() => bureauEvents({ records: [], scoreDrop: { points: 0 } })).toThrow(RangeError)
      expect(() => bureauEvents({ records: [], scoreDrop: { percentOfScale: 101 } })).toThrow(RangeError)
    })
  })

  describe('rating downgrades', () => {
    it('reports a downgrade, not an upgrade', () => {
      const records = [record('A', '2026-01-31', { rating: 'A' }), record('A', '2026-02-28', { rating: 'BBB' }), record('A', '2026-03-31', { rating: 'AA' })]
      expect(bureauEvents({ records }).events).toEqual([
        { kind: 'rating_downgrade', at: day('2026-02-28'), agency: 'A', from: 'A', to: 'BBB', reason: 'rating downgraded from A to BBB between 2026-01-31 and 2026-02-28' },
      ])
    })

    it('gives an unknown rating no event, and a note', () => {
      const result = bureauEvents({ records: [record('A', '2026-01-31', { rating: 'A' }), record('A', '2026-02-28', { rating: 'BBB+' })] })
      expect(result).toEqual({ events: [], notes: ['A: rating "BBB+" not in the rating order, so A → BBB+ between 2026-01-31 and 2026-02-28 is not judged'] })
    })

    it('follows a rating order of one’s own', () => {
      const ratingOrder = ['AAA', 'AA+', 'AA', 'AA-', 'A+', 'A', 'A-']
      const records = [record('A', '2026-01-31', { rating: 'AA+' }), record('A', '2026-02-28', { rating: 'AA-' })]
      expect(bureauEvents({ records, ratingOrder }).events.map((e) => [e.from, e.to])).toEqual([['AA+', 'AA-']])
      expect(() => bureauEvents({ records, ratingOrder: ['A', 'A'] })).toThrow(RangeError)
    })
  })

  describe('court judgments, defaults and tax arrears', () => {
    it('reports each count that rose, and nothing when one fell', () => {
      const records = [
        record('A', '2026-01-31', { courtJudgments: 1, defaults: 0, taxArrears: 0 }),
        record('A', '2026-02-28', { courtJudgments: 2, defaults: 1, taxArrears: 500_000 }),
        record('A', '2026-03-31', { courtJudgments: 1, defaults: 1, taxArrears: 0 }),
      ]
      expect(bureauEvents({ records }).events).toEqual([
        { kind: 'new_court_judgment', at: day('2026-02-28'), agency: 'A', from: 1, to: 2, reason: 'court judgments rose from 1 to 2 between 2026-01-31 and 2026-02-28' },
        { kind: 'new_default', at: day('2026-02-28'), agency: 'A', from: 0, to: 1, reason: 'defaults rose from 0 to 1 between 2026-01-31 and 2026-02-28' },
        { kind: 'new_tax_arrears', at: day('2026-02-28'), agency: 'A', from: 0, to: 500_000, reason: 'tax arrears (minor units) rose from 0 to 500000 between 2026-01-31 and 2026-02-28' },
      ])
    })
  })

  describe('agencies and order', () => {
    it('compares consecutive records of the same agency only, never one agency with another', () => {
      const records = [
        scored('Agency X', '2026-01-31', 800, 0, 1000),
        scored('Agency Y', '2026-02-15', 600, 300, 850), // 800 → 600 would be a drop, but these are two agencies
        scored('Agency X', '2026-02-28', 790, 0, 1000), // X fell 10 < 50
        scored('Agency Y', '2026-03-15', 560, 300, 850), // Y fell 40 ≥ 27.5
      ]
      const { events } = bureauEvents({ records })
      expect(events.map((e) => [e.agency, e.from, e.to])).toEqual([['Agency Y', 600, 560]])
    })

    it('sorts each agency’s records by report date, whatever the input order, and lists events by date then agency', () => {
      const records = [
        record('Y', '2026-03-31', { defaults: 1 }),
        record('X', '2026-03-31', { defaults: 2 }),
        record('X', '2026-01-31', { defaults: 0 }),
        record('Y', '2026-01-31', { defaults: 0 }),
        record('X', '2026-02-28', { defaults: 1 }),
      ]
      expect(bureauEvents({ records }).events.map((e) => [e.agency, e.at, e.from, e.to])).toEqual([
        ['X', day('2026-02-28'), 0, 1],
        ['X', day('2026-03-31'), 1, 2],
        ['Y', day('2026-03-31'), 0, 1],
      ])
    })

    it('leaves out a record without a readable date, with a note', () => {
      const result = bureauEvents({ records: [record('A', 'last spring', { defaults: 3 }), record('A', '2026-01-31')] })
      expect(result).toEqual({ events: [], notes: ['A: a record reported on "last spring" has no readable date and is left out'] })
    })
  })
})
