import { describe, expect, it } from 'vitest'
import { migrationMatrix, migrationMatrixFromPairs } from '../../src/domain/portfolio/index.ts'

const grades = ['A', 'B', 'C']

function cell(matrix: ReturnType<typeof migrationMatrix>, from: string, to: string): number {
  return matrix.rows.find((row) => row.from === from)!.counts[matrix.columns.indexOf(to)]!
}

describe('the grade migration matrix', () => {
  // Start: A: c1 c2 c3 c4, B: c5 c6, C: c7.  End: c1 A, c2 A, c3 B, c4 exited, c5 A, c6 C, c7 C, c8 B (new), c9 B (new).
  const from = new Map([
    ['c1', 'A'], ['c2', 'A'], ['c3', 'A'], ['c4', 'A'],
    ['c5', 'B'], ['c6', 'B'],
    ['c7', 'C'],
  ])
  const to = new Map([
    ['c1', 'A'], ['c2', 'A'], ['c3', 'B'],
    ['c5', 'A'], ['c6', 'C'],
    ['c7', 'C'],
    ['c8', 'B'], ['c9', 'B'],
  ])
  const matrix = migrationMatrix({ grades, from, to })

  it('has the scale’s grades then new as rows, the grades then exited as columns', () => {
    expect(matrix.rows.map((row) => row.from)).toEqual(['A', 'B', 'C', 'new'])
    expect(matrix.columns).toEqual(['A', 'B', 'C', 'exited'])
  })

  it('counts every customer once, in the cell of its start and end grades', () => {
    expect(matrix.rows.map((row) => row.counts)).toEqual([
      [2, 1, 0, 1],
      [1, 0, 1, 0],
      [0, 0, 1, 0],
      [0, 2, 0, 0],
    ])
    expect(cell(matrix, 'A', 'exited')).toBe(1)
    expect(cell(matrix, 'new', 'B')).toBe(2)
    expect(matrix.customers).toBe(9)
  })

  it('gives row percentages: of the four A customers, 50 % stayed A, 25 % fell to B, 25 % exited', () => {
    expect(matrix.rows[0]!.total).toBe(4)
    expect(matrix.rows[0]!.percentages).toEqual([50, 25, 0, 25])
    expect(matrix.rows[1]!.percentages).toEqual([50, 0, 50, 0])
    expect(matrix.rows[3]!.percentages).toEqual([0, 100, 0, 0])
  })

  it('counts upgrades and downgrades between grades only, not entries or exits', () => {
    // unchanged: c1 c2 c7; downgrades: c3 (A→B), c6 (B→C); upgrades: c5 (B→A)
    expect({ unchanged: matrix.unchanged, upgrades: matrix.upgrades, downgrades: matrix.downgrades }).toEqual({ unchanged: 3, upgrades: 1, downgrades: 2 })
  })

  it('rounds percentages to hundredths: one of three is 33.33 %', () => {
    const thirds = migrationMatrix({ grades, from: new Map([['x', 'A'], ['y', 'A'], ['z', 'A']]), to: new Map([['x', 'A'], ['y', 'A'], ['z', 'C']]) })
    expect(thirds.rows[0]!.percentages).toEqual([66.67, 0, 33.33, 0])
  })

  it('leaves empty rows without percentages', () => {
    expect(matrix.rows[2]!.percentages).toEqual([0, 0, 100, 0])
    const empty = migrationMatrix({ grades, from: new Map(), to: new Map() })
    expect(empty.rows.every((row) => row.total === 0 && row.percentages.every((p) => p === null))).toBe(true)
    expect(empty.customers).toBe(0)
  })

  it('lists grades not on the scale instead of counting them', () => {
    const odd = migrationMatrix({ grades, from: new Map([['x', 'Z'], ['y', 'A'], ['w', 'Z']]), to: new Map([['x', 'A'], ['y', 'Q'], ['w', 'B']]) })
    expect(odd.customers).toBe(0)
    expect(odd.unknownGrades).toEqual([
      { grade: 'Z', at: 'from', customers: 2 },
      { grade: 'Q', at: 'to', customers: 1 },
    ])
  })

  it('gives the same matrix from counts per pair of grades, as the database groups them', () => {
    const pairs = [
      { from: 'A', to: 'A', customers: 2 },
      { from: 'A', to: 'B', customers: 1 },
      { from: 'A', to: null, customers: 1 },
      { from: 'B', to: 'A', customers: 1 },
      { from: 'B', to: 'C', customers: 1 },
      { from: 'C', to: 'C', customers: 1 },
      { from: null, to: 'B', customers: 2 },
    ]
    expect(migrationMatrixFromPairs({ grades, pairs })).toEqual(matrix)
  })
})
