import { BureauRecordInputSchema, ContactInputSchema, StatementInputSchema } from '../../schemas/customer-records.ts'
import { bureauRecordKind, contactKind, statementKind } from '../../store/repositories/customer-record-kinds.ts'
import { recordTarget } from './record-target.ts'

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null)

/** Contacts: by externalId (unique across customers), else by the customer and email (lower-cased), else by the customer and name. */
export const contactTarget = recordTarget({
  name: 'contacts',
  kind: contactKind,
  schema: ContactInputSchema,
  keys: [
    { field: 'externalId', of: (input) => text(input.externalId), ofRow: (row) => text(row.external_id), unique: true, column: 'external_id' },
    {
      field: 'email',
      of: (input, customerId) => (text(input.email) ? `${customerId}\u0000${(input.email as string).trim().toLowerCase()}` : null),
      ofRow: (row) => (text(row.email) ? `${row.customer_id as string}\u0000${row.email as string}` : null),
      unique: false,
    },
    // A last resort for rows with neither, so that running such a file twice adds nobody twice.
    {
      field: 'name',
      of: (input, customerId) => (text(input.name) ? `${customerId}\u0000${input.name as string}` : null),
      ofRow: (row) => `${row.customer_id as string}\u0000${row.name as string}`,
      unique: false,
    },
  ],
})

/** Financial statements: one per customer, period end and period length (12 months when left out). */
export const statementTarget = recordTarget({
  name: 'statements',
  kind: statementKind,
  schema: StatementInputSchema,
  keys: [
    {
      field: 'periodEnd',
      of: (input, customerId) => (text(input.periodEnd) ? `${customerId}\u0000${input.periodEnd as string}\u0000${(input.periodMonths as number | undefined) ?? 12}` : null),
      ofRow: (row) => `${row.customer_id as string}\u0000${row.period_end as string}\u0000${Number(row.period_months)}`,
      unique: true,
    },
  ],
  // A row whose every item cell is empty reports nothing, which the schema's required items allows as {}.
  defaults: (input) => {
    input.items ??= {}
  },
})

/** Credit-bureau records: one per customer, agency and report date. */
export const bureauTarget = recordTarget({
  name: 'bureau',
  kind: bureauRecordKind,
  schema: BureauRecordInputSchema,
  keys: [
    {
      field: 'reportedOn',
      of: (input, customerId) => (text(input.agency) && text(input.reportedOn) ? `${customerId}\u0000${input.agency as string}\u0000${input.reportedOn as string}` : null),
      ofRow: (row) => `${row.customer_id as string}\u0000${row.agency as string}\u0000${row.reported_on as string}`,
      unique: true,
    },
  ],
})
