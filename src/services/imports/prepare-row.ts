import type { TSchema } from 'typebox'
import { Compile } from 'typebox/compile'
import type { FieldProblem } from '../../domain/customers/index.ts'
import { schemaErrorDetails } from '../../schemas/schema-errors.ts'
import type { PreparedRow } from './import-target.ts'
import { uuidV7 } from '../../store/uuid-v7.ts'

/** Checks a value against a schema compiled once, the way the API does; every problem named by its field. */
export function schemaChecker(schema: TSchema): (value: unknown) => FieldProblem[] {
  const validator = Compile(schema)
  return function checkSchema(value) {
    return validator.Check(value) ? [] : schemaErrorDetails(validator.Errors(value), 'body')
  }
}

/**
 * Splits a row into the key and reference columns it names (id, customerExternalId, …),
 * which are not the schema's business, and the input the schema checks.
 */
export function prepareRow(line: number, record: Record<string, unknown>, keyNames: readonly string[], check: (value: unknown) => FieldProblem[]): PreparedRow | FieldProblem[] {
  const keys: Record<string, string> = {}
  const input: Record<string, unknown> = {}
  const problems: FieldProblem[] = []
  for (const name in record) {
    const value = record[name]
    if (!keyNames.includes(name)) input[name] = value
    else if (value === null || value === undefined || value === '') continue
    else if (typeof value === 'string' || typeof value === 'number') keys[name] = String(value).trim()
    else problems.push({ path: name, message: 'must be text' })
  }
  problems.push(...check(input))
  return problems.length > 0 ? problems : { line, keys, input }
}

/** Fills what was not given from what is stored, objects field by field (items, industry, customFields); lists and values replace. */
export function mergeGiven<T extends object>(current: T, given: Record<string, unknown>): T {
  const merged: Record<string, unknown> = { ...(current as Record<string, unknown>) }
  for (const [key, value] of Object.entries(given)) {
    if (value === undefined) continue
    const before = merged[key]
    merged[key] = isPlainObject(value) && isPlainObject(before) ? mergeGiven(before, value) : value
  }
  return merged as T
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * The id of a new record: the one the row gives when it is a UUID (a Fengkong export moved
 * to another installation keeps its ids, and its records still find their customers), else
 * a fresh time-ordered one (uuid-v7.ts: a batch's rows then land at the end of each index
 * on ids). A given id that exists already found that record instead.
 */
export function newId(given: string | undefined): string {
  return given && UUID.test(given) ? given : uuidV7()
}
