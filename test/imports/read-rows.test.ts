import { describe, expect, it } from 'vitest'
import { ImportFileError, readRows, type ReadRowsOptions, type SourceRow } from '../../src/services/imports/read-rows.ts'
import { chunked, encodeGbk } from './fixtures.ts'

async function read(content: Buffer | string, options: ReadRowsOptions, chunkSize = 4096): Promise<{ header: string[]; rows: SourceRow[] }> {
  let header: string[] = []
  const rows: SourceRow[] = []
  for await (const row of readRows(chunked(content, chunkSize), { ...options, onHeader: (columns) => (header = columns) })) rows.push(row)
  return { header, rows }
}

describe('reading CSV', () => {
  const text = 'name,notes , tags\r\n华为,"two\r\nlines, with ""quotes""",a|b\r\n\r\n,,\r\n中兴,,x\r\n"Zoom ""Inc""",plain,\r\n'

  it('keys cells by the trimmed header, leaves empty cells out and gives each row the physical line it starts on', async () => {
    const { header, rows } = await read(text, { format: 'csv' })
    expect(header).toEqual(['name', 'notes', 'tags'])
    expect(rows).toEqual([
      { line: 2, record: { name: '华为', notes: 'two\r\nlines, with "quotes"', tags: 'a|b' } },
      { line: 6, record: { name: '中兴', tags: 'x' } },
      { line: 7, record: { name: 'Zoom "Inc"', notes: 'plain' } },
    ])
  })

  it('gives the same rows whatever the chunk boundaries, down to one byte at a time', async () => {
    const whole = await read(text, { format: 'csv' })
    for (const size of [1, 2, 3, 7]) expect(await read(text, { format: 'csv' }, size)).toEqual(whole)
  })

  it('strips a UTF-8 byte-order mark', async () => {
    const { header, rows } = await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('name,country\n华为,CN\n')]), { format: 'csv' }, 2)
    expect(header).toEqual(['name', 'country'])
    expect(rows).toEqual([{ line: 2, record: { name: '华为', country: 'CN' } }])
  })

  it('decodes GBK, as Excel in Chinese saves CSV, across chunk boundaries', async () => {
    const gbk = encodeGbk('名称,地区\n华为技术有限公司,深圳\n中兴通讯股份有限公司,广东省深圳市\n')
    const { header, rows } = await read(gbk, { format: 'csv', encoding: 'gbk' }, 3)
    expect(header).toEqual(['名称', '地区'])
    expect(rows.map((row) => ('record' in row ? row.record : row))).toEqual([
      { 名称: '华为技术有限公司', 地区: '深圳' },
      { 名称: '中兴通讯股份有限公司', 地区: '广东省深圳市' },
    ])
  })

  it('stops with a hint when a GBK file is read as UTF-8', async () => {
    const gbk = encodeGbk('name\n华为技术有限公司\n')
    await expect(read(gbk, { format: 'csv' })).rejects.toThrow(/not valid UTF-8.*--encoding gbk/)
  })

  it('reports a row with the wrong number of cells, but forgives trailing empty ones', async () => {
    const { rows } = await read('a,b\n1,2,\n1\n1,2,3\n', { format: 'csv' })
    expect(rows).toEqual([
      { line: 2, record: { a: '1', b: '2' } },
      { line: 3, problem: 'has 1 cells where the header has 2 columns' },
      { line: 4, problem: 'has 3 cells where the header has 2 columns' },
    ])
  })

  it('keeps a stray quote as text, as Excel does, and names the line of a quote that never closes', async () => {
    const { rows } = await read('a,b\nx"y,"q"r\n1,2\n"open,3\n4,5\n', { format: 'csv' })
    expect(rows).toEqual([
      { line: 2, record: { a: 'x"y', b: 'qr' } },
      { line: 3, record: { a: '1', b: '2' } },
      { line: 4, problem: 'a quoted cell opens on this line and is never closed; nothing after it could be read' },
    ])
  })

  it('refuses an empty file', async () => {
    await expect(read('\n\n', { format: 'csv' })).rejects.toBeInstanceOf(ImportFileError)
  })
})

describe('reading NDJSON', () => {
  it('parses one object per line, skips blank lines and reports a bad line by its number', async () => {
    const { rows } = await read('{"name":"华为"}\r\n\n{"name":\n[1]\n{"name":"中兴"}', { format: 'ndjson' }, 5)
    expect(rows).toEqual([
      { line: 1, record: { name: '华为' } },
      { line: 3, problem: expect.stringMatching(/^is not valid JSON/) },
      { line: 4, problem: 'must be a JSON object, one per line' },
      { line: 5, record: { name: '中兴' } },
    ])
  })
})
