import { describe, expect, it } from 'vitest'
import { customFieldColumns, fieldsOfSchema } from '../../src/services/imports/fields.ts'
import { joinList, planColumns, splitList, toRecord } from '../../src/services/imports/to-record.ts'
import { CustomerInputSchema } from '../../src/schemas/customer.ts'
import { StatementInputSchema } from '../../src/schemas/customer-records.ts'

const customerFields = [...fieldsOfSchema(CustomerInputSchema), ...customFieldColumns([{ key: 'riskRegion', label: 'Risk region', type: 'select', options: ['east'], required: false }, { key: 'score', label: 'Score', type: 'number', options: [], required: false }])]

describe('columns from the schemas', () => {
  it('reads the API schema: nested objects as dotted columns, each with its kind', () => {
    const byPath = Object.fromEntries(customerFields.map((field) => [field.path, field.kind]))
    expect(byPath).toMatchObject({ name: 'string', 'industry.code': 'string', 'industry.name': 'string', employees: 'integer', listed: 'boolean', tags: 'list', aliases: 'list', 'customFields.riskRegion': 'string', 'customFields.score': 'number' })
    expect(byPath).not.toHaveProperty('customFields')
    expect(fieldsOfSchema(StatementInputSchema).map((field) => field.path)).toContain('items.revenue')
  })

  it('names the columns of a header it does not know, and those given twice', () => {
    const { unknown, duplicates } = planColumns(['name', 'nmae', 'industry.code', 'name', 'customFields.other'], customerFields)
    expect(unknown).toEqual(['nmae', 'customFields.other'])
    expect(duplicates).toEqual(['name'])
  })
})

describe('a CSV row as a typed record', () => {
  const { plan } = planColumns(['name', 'industry.code', 'industry.name', 'employees', 'listed', 'tags', 'customFields.riskRegion', 'customFields.score'], customerFields)

  it('nests dotted columns and parses numbers, booleans and lists', () => {
    const { record, problems } = toRecord(
      { name: ' 华为 ', 'industry.code': 'C39', 'industry.name': '计算机', employees: ' 207000 ', listed: '否', tags: 'a | b||c', 'customFields.riskRegion': 'east', 'customFields.score': '7.5' },
      plan,
    )
    expect(problems).toEqual([])
    expect(record).toEqual({ name: ' 华为 ', industry: { code: 'C39', name: '计算机' }, employees: 207000, listed: false, tags: ['a', 'b', 'c'], customFields: { riskRegion: 'east', score: 7.5 } })
  })

  it.each([
    ['是', true],
    ['YES', true],
    ['1', true],
    ['true', true],
    ['否', false],
    ['no', false],
    ['0', false],
    ['False', false],
  ])('reads %s as %s', (text, value) => {
    expect(toRecord({ listed: text }, plan).record).toEqual({ listed: value })
  })

  it('names the column of a cell that is not of its kind', () => {
    expect(toRecord({ employees: '1.5', listed: 'maybe' }, plan).problems).toEqual([
      { path: 'employees', message: 'must be a whole number, not "1.5"' },
      { path: 'listed', message: 'must be true or false (also 1/0, yes/no, 是/否), not "maybe"' },
    ])
  })

  it('splits and joins lists with \\| for a bar inside an item', () => {
    const items = ['a|b', 'c\\d', '华为']
    expect(joinList(items)).toBe('a\\|b|c\\\\d|华为')
    expect(splitList(joinList(items))).toEqual(items)
  })
})
