import { describe, expect, it } from 'vitest'
import { applyOverride, rateCustomer, type CompositeRating } from '../../../src/domain/scoring/index.ts'

function modelRating(): CompositeRating {
  // Only a grey zone: PD 0.04, grade B.
  const rating = rateCustomer({ zScoreZone: 'grey' })
  if (!rating.rated) throw new Error('expected a rating')
  return rating
}

const justification = 'Parent company guarantee signed on 2025-03-01'

describe('overriding a composite rating', () => {
  it('downgrades by the notches moved and keeps the model rating alongside', () => {
    const rating = modelRating()
    expect(rating.grade).toBe('B')
    const outcome = applyOverride(rating, { grade: 'D', justification: 'Filed for restructuring last week', by: 'user:42' })
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.rating.grade).toBe('D')
    expect(outcome.rating.override).toEqual({
      fromGrade: 'B',
      toGrade: 'D',
      notches: 2,
      direction: 'downgrade',
      justification: 'Filed for restructuring last week',
      by: 'user:42',
    })
    expect(outcome.rating.modelRating).toBe(rating)
    expect(outcome.rating.band).toEqual({ lower: 0.5, upper: 1 })
  })

  it('reports an upgrade as negative notches', () => {
    const outcome = applyOverride(modelRating(), { grade: 'BBB', justification, by: 'user:42' })
    expect(outcome.ok && outcome.rating.override.notches).toBe(-2)
    expect(outcome.ok && outcome.rating.override.direction).toBe('upgrade')
  })

  it('accepts the model grade itself as zero notches', () => {
    const outcome = applyOverride(modelRating(), { grade: 'B', justification, by: 'user:42' })
    expect(outcome.ok && outcome.rating.override).toMatchObject({ notches: 0, direction: 'none' })
  })

  it('refuses a justification shorter than 20 characters after trimming', () => {
    const outcome = applyOverride(modelRating(), { grade: 'BB', justification: '   known customer      ', by: 'user:42' })
    expect(outcome).toEqual({ ok: false, problems: [{ field: 'justification', message: 'must be at least 20 characters, is 14' }] })
  })

  it('refuses an empty justification, an unknown grade and an anonymous override together', () => {
    const outcome = applyOverride(modelRating(), { grade: 'AAA+', justification: '', by: '' })
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.problems.map((p) => p.field)).toEqual(['grade', 'justification', 'by'])
  })

  it('refuses a scale other than the one the rating was graded on', () => {
    const scale = { version: 'other', grades: [{ grade: 'B', lower: 0, upper: 1, description: 'all' }] }
    const outcome = applyOverride(modelRating(), { grade: 'B', justification, by: 'user:42', scale })
    expect(outcome.ok || outcome.problems.map((p) => p.field)).toEqual(['scale'])
  })
})
