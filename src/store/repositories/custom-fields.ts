import type { Kysely } from 'kysely'
import type { CustomFieldDefinition } from '../../domain/customers/index.ts'
import type { Database } from '../schema.ts'

export async function listCustomFieldDefinitions(db: Kysely<Database>): Promise<CustomFieldDefinition[]> {
  const rows = await db.selectFrom('custom_field_definitions').selectAll().orderBy('key').execute()
  return rows.map((row) => ({
    key: row.key,
    label: row.label,
    type: row.type as CustomFieldDefinition['type'],
    options: JSON.parse(row.options) as string[],
    required: row.required === 1,
  }))
}
