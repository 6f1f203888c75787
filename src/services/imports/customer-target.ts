import { CustomerInputSchema } from '../../schemas/customer.ts'
import { customFieldColumns, fieldsOfSchema, type Field } from './fields.ts'
import type { ImportTargetHandler } from './import-target.ts'
import { prepareRow, schemaChecker } from './prepare-row.ts'
import { upsertCustomers } from './upsert-customers.ts'

const checkCustomer = schemaChecker(CustomerInputSchema)
const KEY_COLUMNS: Field[] = [{ path: 'id', kind: 'string' }]
const INPUT_FIELDS = fieldsOfSchema(CustomerInputSchema)

/** Customers: the API's CustomerInput, one per row, plus an optional id (as exports write it). */
export const customerTarget: ImportTargetHandler = {
  name: 'customers',
  fields: (definitions) => [...KEY_COLUMNS, ...INPUT_FIELDS, ...customFieldColumns(definitions)],
  requiredColumns: [['type'], ['name'], ['country']],
  prepare: (line, record) => prepareRow(line, record, ['id'], checkCustomer),
  upsert: upsertCustomers,
  pipelined: true,
}
