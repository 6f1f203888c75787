import { describe, expect, it } from 'vitest'
import { columnValues, parseCsvSample, readCsvSample } from './csv-sample.ts'

describe('parseCsvSample', () => {
  it('reads the header, dropping a byte-order mark and trimming names', () => {
    expect(parseCsvSample('\uFEFFid, income ,class\r\n1,5000,good\r\n', true).columns).toEqual(['id', 'income', 'class'])
  })

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const sample = parseCsvSample('name,"note, free text",class\n"Acme ""Ltd""","two\nlines",bad\n', true)
    expect(sample.columns).toEqual(['name', 'note, free text', 'class'])
    expect(sample.rows).toEqual([['Acme "Ltd"', 'two\nlines', 'bad']])
  })

  it('leaves out a row cut off at the end of a slice, unless the text is the whole file', () => {
    expect(parseCsvSample('a,b\n1,2\n3,').rows).toEqual([['1', '2']])
    expect(parseCsvSample('a,b\n1,2\n3,4', true).rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ])
  })

  it('reads a file chosen in the browser', async () => {
    const file = new Blob(['age,class\n31,good\n'], { type: 'text/csv' })
    expect(await readCsvSample(file)).toEqual({ columns: ['age', 'class'], rows: [['31', 'good']] })
  })
})

describe('columnValues', () => {
  it("offers a column's values, most frequent first, leaving out empty cells", () => {
    const sample = parseCsvSample('id,class\n1,good\n2,bad\n3,good\n4,\n', true)
    expect(columnValues(sample, 'class')).toEqual(['good', 'bad'])
    expect(columnValues(sample, 'nothing')).toEqual([])
  })
})
