import { describe, expect, it } from 'vitest'
import { AppError } from '../../src/app-error.ts'
import { checkTrainingHeader, readTrainingCsv } from '../../src/services/models/read-training-csv.ts'

const columns = { target: 'class', bad: 'bad', exclude: ['id'] }
const bytes = (text: string) => Buffer.from(text, 'utf8')

function refusal(text: string, options = columns): AppError {
  try {
    checkTrainingHeader(bytes(text), options)
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    return error as AppError
  }
  throw new Error('the header was accepted')
}

describe('reading a training file', () => {
  it('reads numeric and categorical columns, leaves out the excluded ones, and marks the bad rows', () => {
    const { dataset, bad, skipped } = readTrainingCsv(bytes('\uFEFFid,amount,region,class\r\n1,100,north,good\r\n2,,south,bad\r\n\r\n3,250,,good\r\n'), columns)
    expect(dataset.rows).toBe(3)
    expect(dataset.columns.map((c) => [c.name, c.kind])).toEqual([
      ['amount', 'numeric'],
      ['region', 'categorical'],
    ])
    expect(Array.from(bad)).toEqual([0, 1, 0])
    const amount = dataset.columns[0]!
    expect(amount.kind === 'numeric' && Array.from(amount.values)).toEqual([100, NaN, 250])
    expect(skipped).toEqual([])
  })

  it('names the line of a row without an outcome, of a row with too many cells, and of a quote never closed', () => {
    expect(() => readTrainingCsv(bytes('amount,class\n1,good\n2,\n3,bad\n'), columns)).toThrow('line 3 has no value in column "class": every row needs an outcome')
    expect(() => readTrainingCsv(bytes('amount,class\n1,good\n2,bad,9\n'), columns)).toThrow('line 3 has 3 cells, but the header names 2 columns')
    expect(() => readTrainingCsv(bytes('amount,class\n1,good\n"2,bad\n'), columns)).toThrow(/^line 3: a quoted cell opens on this line and is never closed/)
  })

  it('names the target column when it holds no bads, or nothing but bads', () => {
    expect(() => readTrainingCsv(bytes('amount,class\n1,good\n2,fine\n'), columns)).toThrow('no row of column "class" is "bad" (its values: good, fine): a scorecard needs bads')
    expect(() => readTrainingCsv(bytes('amount,class\n1,bad\n2,bad\n'), columns)).toThrow('every row of column "class" is "bad": a scorecard needs goods too')
    expect(() => readTrainingCsv(bytes('amount,class\n'), columns)).toThrow('the file has a header line but no rows')
  })

  it('checks the header up front: the target and excluded columns must be there, once each', () => {
    expect(checkTrainingHeader(bytes('id,amount,class\n1,2,bad\n'), columns)).toEqual(['id', 'amount', 'class'])
    const unknown = refusal('id,amount,outcome\n')
    expect(unknown).toMatchObject({ code: 'validation_failed', details: [{ path: 'target', message: '"class" is not a column of the file (it has id, amount, outcome)' }] })
    expect(refusal('amount,class\n').details).toEqual([{ path: 'exclude', message: '"id" is not a column of the file (it has amount, class)' }])
    expect(refusal('id,class,class\n').details).toEqual([{ path: 'body', message: 'column "class" appears twice in the header' }])
    expect(refusal('id,class\n').details).toEqual([{ path: 'body', message: 'the file has no column besides the target to train on' }])
    expect(refusal('\n\n').details).toEqual([{ path: 'body', message: 'is empty: the file needs a header line naming its columns' }])
    expect(refusal('').details[0]!.path).toBe('body')
  })
})
