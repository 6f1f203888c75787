import { describe, expect, it } from 'vitest'
import {
  DEFAULT_INDUSTRY_RISK,
  DEFAULT_QUESTIONNAIRE,
  industryRiskFor,
  scoreAnswers,
  validateQuestionnaire,
  type Questionnaire,
} from '../../src/domain/scoring/expert-assessment.ts'

/** Unequal weights at both levels, so a plain mean would give a different answer. */
const questionnaire: Questionnaire = {
  id: 'test',
  version: 1,
  dimensions: [
    {
      key: 'd1',
      label: 'First',
      weight: 3,
      questions: [
        { key: 'q1', text: 'One', weight: 1, options: [{ key: 'a', label: 'A', score: 100 }, { key: 'b', label: 'B', score: 40 }] },
        { key: 'q2', text: 'Two', weight: 3, options: [{ key: 'a', label: 'A', score: 80 }, { key: 'b', label: 'B', score: 0 }] },
      ],
    },
    {
      key: 'd2',
      label: { zh: '第二', en: 'Second' },
      weight: 1,
      questions: [
        { key: 'q3', text: 'Three', weight: 2, options: [{ key: 'x', label: 'X', score: 50 }, { key: 'y', label: 'Y', score: 10 }] },
        { key: 'q4', text: 'Four', weight: 1, options: [{ key: 'x', label: 'X', score: 90 }] },
      ],
    },
  ],
}

describe('scoreAnswers', () => {
  it('weights questions within a dimension and dimensions within the questionnaire', () => {
    const result = scoreAnswers(questionnaire, { q1: 'a', q2: 'b', q3: 'x', q4: 'x' })
    // d1 = (1×100 + 3×0) / 4 = 25; d2 = (2×50 + 1×90) / 3 = 63.33…; total = (3×25 + 1×63.33…) / 4 = 34.58…
    expect(result.dimensions).toEqual([
      { key: 'd1', score: 25, answered: 2, of: 2 },
      { key: 'd2', score: expect.closeTo(190 / 3, 10), answered: 2, of: 2 },
    ])
    expect(result.score).toBeCloseTo((75 + 190 / 3) / 4, 10)
    expect(result.missing).toEqual([])
    expect(result.problems).toEqual([])
  })

  it('scores partial answers over the answered questions only and lists the missing ones', () => {
    const result = scoreAnswers(questionnaire, { q2: 'a', q3: 'y' })
    // d1 = 80, d2 = 10; total = (3×80 + 1×10) / 4 = 62.5
    expect(result.dimensions.map((d) => [d.score, d.answered, d.of])).toEqual([
      [80, 1, 2],
      [10, 1, 2],
    ])
    expect(result.score).toBe(62.5)
    expect(result.missing).toEqual(['q1', 'q4'])
  })

  it('leaves a dimension without answers out of the total', () => {
    const result = scoreAnswers(questionnaire, { q4: 'x' })
    expect(result.dimensions[0]).toEqual({ key: 'd1', score: null, answered: 0, of: 2 })
    expect(result.score).toBe(90)
  })

  it('gives no score when nothing is answered', () => {
    expect(scoreAnswers(questionnaire, {})).toMatchObject({ score: null, missing: ['q1', 'q2', 'q3', 'q4'] })
  })

  it('reports unknown options and questions and does not count them', () => {
    const result = scoreAnswers(questionnaire, { q1: 'z', q2: 'a', q9: 'a', q3: 'x', q4: 'x' })
    expect(result.problems).toEqual(['unknown question q9', 'question q1: unknown option z'])
    expect(result.missing).toEqual(['q1'])
    expect(result.dimensions[0]).toEqual({ key: 'd1', score: 80, answered: 1, of: 2 })
  })
})

describe('validateQuestionnaire', () => {
  it('accepts a sound questionnaire', () => {
    expect(validateQuestionnaire(questionnaire)).toEqual([])
  })

  it('lists every problem: weights, duplicate keys, scores out of range, empty parts', () => {
    const broken: Questionnaire = {
      id: 'broken',
      version: 1,
      dimensions: [
        {
          key: 'd1',
          label: 'One',
          weight: 0,
          questions: [
            { key: 'q1', text: 'One', weight: -1, options: [{ key: 'a', label: 'A', score: 120 }, { key: 'a', label: 'A again', score: 50 }] },
            { key: 'q1', text: 'One again', weight: 1, options: [] },
          ],
        },
        { key: 'd1', label: 'Two', weight: 1, questions: [] },
      ],
    }
    expect(validateQuestionnaire(broken)).toEqual([
      'dimension d1: weight must be positive, is 0',
      'question q1: weight must be positive, is -1',
      'question q1: option a scores 120, outside 0–100',
      'question q1: option a appears more than once',
      'question q1 appears more than once',
      'question q1 has no options',
      'dimension d1 appears more than once',
      'dimension d1 has no questions',
    ])
  })
})

describe('DEFAULT_QUESTIONNAIRE', () => {
  it('is valid and has the five dimensions with three or four questions each', () => {
    expect(validateQuestionnaire(DEFAULT_QUESTIONNAIRE)).toEqual([])
    expect(DEFAULT_QUESTIONNAIRE.dimensions.map((d) => d.key)).toEqual(['management', 'marketPosition', 'industryOutlook', 'legal', 'relationship'])
    for (const dimension of DEFAULT_QUESTIONNAIRE.dimensions) expect(dimension.questions.length).toBeGreaterThanOrEqual(3)
    for (const dimension of DEFAULT_QUESTIONNAIRE.dimensions) expect(dimension.questions.length).toBeLessThanOrEqual(4)
  })

  it('scores 100 when every answer is the best one', () => {
    const best = Object.fromEntries(
      DEFAULT_QUESTIONNAIRE.dimensions.flatMap((d) => d.questions.map((q) => [q.key, q.options.reduce((a, b) => (b.score > a.score ? b : a)).key])),
    )
    expect(scoreAnswers(DEFAULT_QUESTIONNAIRE, best)).toMatchObject({ score: 100, missing: [], problems: [] })
  })
})

describe('industryRiskFor', () => {
  it('covers every GB/T 4754 section from A to T', () => {
    expect(Object.keys(DEFAULT_INDUSTRY_RISK)).toEqual('ABCDEFGHIJKLMNOPQRST'.split(''))
  })

  it.each([
    ['C3311', 'C', 3],
    ['k7010', 'K', 5],
    [' S', 'S', 1],
    ['I65', 'I', 2],
  ])('finds %s in section %s at level %s', (code, section, level) => {
    expect(industryRiskFor(code)).toMatchObject({ section, level, reason: null })
  })

  it('assumes level 3 with a reason for an unknown or absent code', () => {
    expect(industryRiskFor('3311')).toEqual({ section: null, level: 3, label: null, reason: 'industry code 3311 does not start with a section letter in the table: assumed medium risk (3)' })
    expect(industryRiskFor('Z99')).toMatchObject({ level: 3, section: null })
    expect(industryRiskFor(null)).toEqual({ section: null, level: 3, label: null, reason: 'no industry code: assumed medium risk (3)' })
  })

  it('takes a table of your own', () => {
    expect(industryRiskFor('C3311', { C: { label: 'Manufacturing', level: 5 } })).toMatchObject({ section: 'C', level: 5 })
    expect(industryRiskFor('K7010', { C: { label: 'Manufacturing', level: 5 } }).level).toBe(3)
  })
})
