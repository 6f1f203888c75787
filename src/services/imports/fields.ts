import type { TSchema } from 'typebox'
import type { CustomFieldDefinition } from '../../domain/customers/index.ts'

/**
 * The columns of a file, read off the same TypeBox schemas the API validates with: a nested
 * object's fields become dotted columns (industry.code, items.revenue), and each column knows
 * the kind of value its text stands for. Imports read cells with it; exports write them.
 */
export type FieldKind = 'string' | 'integer' | 'number' | 'boolean' | 'list'
export type Field = { path: string; kind: FieldKind }

type JsonSchema = {
  type?: string
  anyOf?: JsonSchema[]
  properties?: Record<string, JsonSchema>
  patternProperties?: Record<string, JsonSchema>
}

/** The columns of an object schema, in its own order. Maps (customFields) are left to the caller, who knows their keys. */
export function fieldsOfSchema(schema: TSchema, prefix = ''): Field[] {
  const fields: Field[] = []
  for (const [name, property] of Object.entries((schema as JsonSchema).properties ?? {})) {
    const value = withoutNull(property)
    const path = prefix + name
    if (value.type === 'object' && value.properties) fields.push(...fieldsOfSchema(value as TSchema, `${path}.`))
    else if (value.type === 'object') continue
    else fields.push({ path, kind: kindOf(value) })
  }
  return fields
}

/** customFields.<key> for every defined custom field: numbers for number fields, text for the rest. */
export function customFieldColumns(definitions: readonly CustomFieldDefinition[]): Field[] {
  return definitions.map((definition) => ({ path: `customFields.${definition.key}`, kind: definition.type === 'number' ? 'number' : 'string' }))
}

function withoutNull(schema: JsonSchema): JsonSchema {
  return schema.anyOf?.find((option) => option.type !== 'null') ?? schema
}

function kindOf(schema: JsonSchema): FieldKind {
  switch (schema.type) {
    case 'integer':
      return 'integer'
    case 'number':
      return 'number'
    case 'boolean':
      return 'boolean'
    case 'array':
      return 'list'
    default:
      return 'string'
  }
}
