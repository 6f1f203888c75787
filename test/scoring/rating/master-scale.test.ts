import { describe, expect, it } from 'vitest'
import { DEFAULT_MASTER_SCALE, gradeForPd, validateMasterScale, type MasterScale } from '../../../src/domain/scoring/index.ts'

describe('the default master scale', () => {
  it('is valid', () => {
    expect(validateMasterScale(DEFAULT_MASTER_SCALE)).toEqual([])
  })

  it.each([
    [0, 'AAA'],
    [0.00029, 'AAA'],
    [0.0003, 'AA'],
    [0.001, 'A'],
    [0.003, 'BBB'],
    [0.0099, 'BBB'],
    [0.01, 'BB'],
    [0.03, 'B'],
    [0.1, 'CCC'],
    [0.4999, 'CCC'],
    [0.5, 'D'],
    [1, 'D'],
  ])('grades PD %s as %s (a PD on a boundary belongs to the worse grade)', (pd, grade) => {
    expect(gradeForPd(DEFAULT_MASTER_SCALE, pd)?.grade).toBe(grade)
  })

  it.each([-0.01, 1.01, Number.NaN])('has no grade for PD %s', (pd) => {
    expect(gradeForPd(DEFAULT_MASTER_SCALE, pd)).toBeNull()
  })
})

describe('validating a master scale', () => {
  const band = (grade: string, lower: number, upper: number) => ({ grade, lower, upper, description: grade })

  it('reports a gap, an overlap, an empty band and bounds that miss 0 and 1, without throwing', () => {
    const scale: MasterScale = {
      version: 'broken',
      grades: [band('A', 0.01, 0.1), band('B', 0.2, 0.3), band('C', 0.25, 0.25), band('D', 0.25, 0.9)],
    }
    expect(validateMasterScale(scale).map((p) => [p.kind, p.grade])).toEqual([
      ['gap', 'B'],
      ['empty-band', 'C'],
      ['overlap', 'C'],
      ['does-not-start-at-0', 'A'],
      ['does-not-end-at-1', 'D'],
    ])
  })

  it('reports a missing version, duplicate grades and a scale without grades', () => {
    const duplicated: MasterScale = { version: ' ', grades: [band('A', 0, 0.5), band('A', 0.5, 1)] }
    expect(validateMasterScale(duplicated).map((p) => p.kind)).toEqual(['no-version', 'duplicate-grade'])
    expect(validateMasterScale({ version: 'empty', grades: [] }).map((p) => p.kind)).toEqual(['no-grades'])
  })

  it('reports bounds that are not numbers', () => {
    const scale: MasterScale = { version: 'nan', grades: [band('A', 0, Number.NaN), band('B', 0.5, 1)] }
    expect(validateMasterScale(scale).map((p) => [p.kind, p.grade])).toEqual([['not-a-number', 'A']])
  })

  it('has no grade for a PD the scale does not cover', () => {
    const scale: MasterScale = { version: 'partial', grades: [band('A', 0, 0.5)] }
    expect(gradeForPd(scale, 0.7)).toBeNull()
  })
})
