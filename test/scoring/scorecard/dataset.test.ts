import { describe, expect, it } from 'vitest'
import { createColumnBuilder, holdoutFromColumn, randomHoldout, type CategoricalColumn } from '../../../src/domain/scoring/scorecard/index.ts'

const build = (cells: string[], kind?: 'auto' | 'numeric' | 'categorical', maxLevels?: number) => {
  const builder = createColumnBuilder('c', kind, maxLevels)
  for (const cell of cells) builder.push(cell)
  return builder.build()
}

describe('column builder', () => {
  it('reads a column of numbers as numeric, blanks as missing', () => {
    const column = build(['1', ' 2.5 ', '', '-3', '1e3'])
    expect(column.kind).toBe('numeric')
    if (column.kind !== 'numeric') return
    expect(Array.from(column.values)).toEqual([1, 2.5, NaN, -3, 1000])
  })

  it('reads a column with any text as categorical, codes in order of first appearance', () => {
    const column = build(['a', '1', 'b', '', 'a'])
    expect(column).toMatchObject({ kind: 'categorical', levels: ['a', '1', 'b'] })
    if (column.kind !== 'categorical') return
    expect(Array.from(column.codes)).toEqual([0, 1, 2, -1, 0])
  })

  it('honours a forced kind', () => {
    expect(build(['1', '2', '1'], 'categorical')).toMatchObject({ kind: 'categorical', levels: ['1', '2'] })
    expect(() => build(['1', 'x'], 'numeric')).toThrow(/row 2: "x" is not a number/)
  })

  it('grows past its first allocation', () => {
    const cells = Array.from({ length: 5000 }, (_, i) => String(i % 7))
    const column = build(cells)
    expect(column.kind === 'numeric' && column.values.length).toBe(5000)
  })

  it('skips a text column with too many distinct values, and a numeric one that turns to text after many', () => {
    expect(build(['x1', 'x2', 'x3', 'x4'], 'auto', 3)).toMatchObject({ kind: 'skipped', reason: expect.stringMatching(/more than 3/) })
    expect(build(['1', '2', '3', '4'], 'auto', 3)).toMatchObject({ kind: 'numeric' })
    expect(build(['1', '2', '3', '4', 'x'], 'auto', 3)).toMatchObject({ kind: 'skipped', reason: expect.stringMatching(/mixes numbers and text/) })
  })
})

describe('holdout split', () => {
  const bad = Uint8Array.from({ length: 1000 }, (_, i) => (i % 4 === 0 ? 1 : 0)) // 250 bads

  it('holds out an exact, stratified share, the same for the same seed', () => {
    const split = randomHoldout(bad, 0.3, 1)
    expect(split.reduce((s, v) => s + v, 0)).toBe(300)
    expect(split.reduce((s, v, i) => s + (v === 1 && bad[i] === 1 ? 1 : 0), 0)).toBe(75)
    expect(randomHoldout(bad, 0.3, 1)).toEqual(split)
    expect(randomHoldout(bad, 0.3, 2)).not.toEqual(split)
    expect(randomHoldout(bad, 0, 1).every((v) => v === 0)).toBe(true)
    expect(() => randomHoldout(bad, 1, 1)).toThrow(/below 1/)
  })

  it('reads a split column of train and test values', () => {
    const column: CategoricalColumn = { kind: 'categorical', name: 'split', levels: ['Train', 'test', 'validation'], codes: Int32Array.from([0, 1, 2, 0]) }
    expect(Array.from(holdoutFromColumn(column))).toEqual([0, 1, 1, 0])
    expect(() => holdoutFromColumn({ ...column, levels: ['train', 'later'], codes: Int32Array.from([0, 1]) })).toThrow(/"later" is neither/)
    expect(() => holdoutFromColumn({ ...column, codes: Int32Array.from([0, -1]) })).toThrow(/row 2 is empty/)
  })
})
