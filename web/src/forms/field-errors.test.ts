import { describe, expect, it } from 'vitest'
import { placeFieldErrors } from './field-errors.ts'

const FIELDS = ['name', 'registrationId', 'aliases', ['industry', 'code'], ['industry', 'name'], ['customFields', 'riskRegion']]

describe('placeFieldErrors', () => {
  it('puts a detail on the field its path names', () => {
    const placed = placeFieldErrors([{ path: 'registrationId', message: 'is already used by customer 42' }], FIELDS)
    expect(placed).toEqual({ fields: [{ name: ['registrationId'], errors: ['is already used by customer 42'] }], general: [] })
  })

  it('follows nested paths to nested fields', () => {
    const placed = placeFieldErrors(
      [
        { path: 'industry.code', message: 'is required' },
        { path: 'customFields.riskRegion', message: 'must be one of 华东, 华南' },
      ],
      FIELDS,
    )
    expect(placed.fields).toEqual([
      { name: ['industry', 'code'], errors: ['is required'] },
      { name: ['customFields', 'riskRegion'], errors: ['must be one of 华东, 华南'] },
    ])
  })

  it('puts an item of a list on the list field, naming the item', () => {
    const placed = placeFieldErrors([{ path: 'aliases.2', message: 'must NOT have more than 300 characters' }], FIELDS)
    expect(placed.fields).toEqual([{ name: ['aliases'], errors: ['2: must NOT have more than 300 characters'] }])
  })

  it('gathers several messages for one field and drops repeats', () => {
    const placed = placeFieldErrors(
      [
        { path: 'name', message: 'is required' },
        { path: 'name', message: 'is required' },
        { path: 'name', message: 'is too long' },
      ],
      FIELDS,
    )
    expect(placed.fields).toEqual([{ name: ['name'], errors: ['is required', 'is too long'] }])
  })

  it('keeps details naming no field of the form as general ones', () => {
    const placed = placeFieldErrors(
      [
        { path: 'version', message: 'is 3 on the server' },
        { path: 'industry', message: 'must be object' },
        { path: 'body', message: 'is malformed' },
      ],
      FIELDS,
    )
    expect(placed.fields).toEqual([])
    expect(placed.general.map((d) => d.path)).toEqual(['version', 'industry', 'body'])
  })

  it('translates messages when asked', () => {
    const placed = placeFieldErrors([{ path: 'name', message: 'is required' }], FIELDS, (m) => (m === 'is required' ? '必填' : m))
    expect(placed.fields).toEqual([{ name: ['name'], errors: ['必填'] }])
  })
})
