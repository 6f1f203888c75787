import { Type, type Static, type TProperties } from 'typebox'
import { IsoDate } from './customer.ts'

/**
 * Schemas of the records kept about a customer: contacts, interactions (visit reports
 * included), tasks, financial statements, credit-bureau records and contracts. Each has
 * an input schema (create; every field optional in a patch) and a view schema (responses).
 * Money is integer minor units beside a currency code.
 */
const strict = { additionalProperties: false } as const
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()])
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max })
const OptionalText = (max: number) => Type.Optional(Nullable(Type.String({ maxLength: max })))
export const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217, e.g. CNY, USD, EUR' })
export const Money = Type.Integer({ description: 'Integer minor units (fen, cents) of the record’s currency' })
const DateTime = Type.String({ format: 'date-time', description: 'UTC, ISO-8601' })

/** The columns every record view carries besides its own fields. */
const recordMeta = { id: Type.String(), customerId: Type.String(), createdAt: Type.String() }

/** A patch: every input field optional. */
function patchOf<T extends TProperties>(properties: T) {
  return Type.Object(Object.fromEntries(Object.entries(properties).map(([key, schema]) => [key, Type.Optional(schema)])) as { [K in keyof T]: ReturnType<typeof Type.Optional<T[K]>> }, strict)
}

// Contacts
const contactFields = {
  externalId: OptionalText(100),
  name: Text(200),
  title: OptionalText(200),
  email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 320 }))),
  phone: OptionalText(50),
  primary: Type.Optional(Type.Boolean({ description: 'The customer’s main contact' })),
  notes: OptionalText(4000),
}
export const ContactInputSchema = Type.Object(contactFields, strict)
export const ContactPatchSchema = patchOf(contactFields)
export const ContactSchema = Type.Object({
  ...recordMeta,
  externalId: Nullable(Type.String()),
  name: Type.String(),
  title: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  primary: Type.Boolean(),
  notes: Nullable(Type.String()),
  updatedAt: Type.String(),
})
export type ContactInput = Static<typeof ContactInputSchema>
export type Contact = Static<typeof ContactSchema>

// Interactions, field-visit reports included
export const INTERACTION_KINDS = ['call', 'visit', 'email', 'meeting'] as const
const interactionFields = {
  kind: Type.Enum(INTERACTION_KINDS),
  occurredAt: DateTime,
  subject: Text(300),
  notes: OptionalText(20000),
  outcome: OptionalText(2000),
  followUpOn: Type.Optional(Nullable(IsoDate)),
  location: OptionalText(300),
  attendees: Type.Optional(Type.Array(Text(200), { maxItems: 50 })),
}
export const InteractionInputSchema = Type.Object(interactionFields, strict)
export const InteractionPatchSchema = patchOf(interactionFields)
export const InteractionSchema = Type.Object({
  ...recordMeta,
  kind: Type.Enum(INTERACTION_KINDS),
  occurredAt: Type.String(),
  subject: Type.String(),
  notes: Nullable(Type.String()),
  outcome: Nullable(Type.String()),
  followUpOn: Nullable(Type.String()),
  location: Nullable(Type.String()),
  attendees: Type.Array(Type.String()),
  authorId: Nullable(Type.String()),
  updatedAt: Type.String(),
})
export type InteractionInput = Static<typeof InteractionInputSchema>
export type Interaction = Static<typeof InteractionSchema>

// Tasks
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const
const taskFields = {
  title: Text(300),
  description: OptionalText(4000),
  dueOn: Type.Optional(Nullable(IsoDate)),
  assigneeId: OptionalText(64),
  status: Type.Optional(Type.Enum(TASK_STATUSES)),
}
export const TaskInputSchema = Type.Object(taskFields, strict)
export const TaskPatchSchema = patchOf(taskFields)
export const TaskSchema = Type.Object({
  ...recordMeta,
  title: Type.String(),
  description: Nullable(Type.String()),
  dueOn: Nullable(Type.String()),
  assigneeId: Nullable(Type.String()),
  status: Type.Enum(TASK_STATUSES),
  createdBy: Type.String(),
  completedAt: Nullable(Type.String()),
  updatedAt: Type.String(),
})
export type TaskInput = Static<typeof TaskInputSchema>
export type Task = Static<typeof TaskSchema>

// Financial statements
export const STATEMENT_ITEMS = [
  'revenue',
  'costOfSales',
  'ebit',
  'interestExpense',
  'netIncome',
  'depreciation',
  'totalAssets',
  'currentAssets',
  'cash',
  'receivables',
  'inventory',
  'totalLiabilities',
  'currentLiabilities',
  'longTermDebt',
  'equity',
  'retainedEarnings',
  'operatingCashFlow',
  'marketValueEquity',
] as const
export type StatementItem = (typeof STATEMENT_ITEMS)[number]
export const StatementItemsSchema = Type.Object(
  Object.fromEntries(STATEMENT_ITEMS.map((item) => [item, Type.Optional(Nullable(Money))])) as Record<StatementItem, ReturnType<typeof Type.Optional<ReturnType<typeof Nullable<typeof Money>>>>>,
  { ...strict, description: 'Balance sheet, income statement and cash-flow line items in minor units; marketValueEquity only for listed companies' },
)
const statementFields = {
  periodEnd: IsoDate,
  periodMonths: Type.Optional(Type.Integer({ minimum: 1, maximum: 12, default: 12 })),
  currency: Currency,
  audited: Type.Optional(Type.Boolean()),
  items: StatementItemsSchema,
}
export const StatementInputSchema = Type.Object(statementFields, strict)
export const StatementPatchSchema = patchOf(statementFields)
export const StatementSchema = Type.Object({
  ...recordMeta,
  periodEnd: Type.String(),
  periodMonths: Type.Integer(),
  currency: Type.String(),
  audited: Type.Boolean(),
  items: Type.Record(Type.String(), Nullable(Type.Integer())),
  updatedAt: Type.String(),
})
export type StatementInput = Static<typeof StatementInputSchema>
export type Statement = Static<typeof StatementSchema>

// Credit-bureau records
const bureauFields = {
  agency: Text(100),
  reportedOn: IsoDate,
  score: Type.Optional(Nullable(Type.Integer())),
  scoreMin: Type.Optional(Nullable(Type.Integer())),
  scoreMax: Type.Optional(Nullable(Type.Integer())),
  rating: OptionalText(20),
  recommendedLimit: Type.Optional(Nullable(Money)),
  currency: Type.Optional(Nullable(Currency)),
  defaults: Type.Optional(Type.Integer({ minimum: 0 })),
  courtJudgments: Type.Optional(Type.Integer({ minimum: 0 })),
  taxArrears: Type.Optional(Type.Integer({ minimum: 0, description: 'Amount of unpaid tax in minor units' })),
}
export const BureauRecordInputSchema = Type.Object(bureauFields, strict)
export const BureauRecordPatchSchema = patchOf(bureauFields)
export const BureauRecordSchema = Type.Object({
  ...recordMeta,
  agency: Type.String(),
  reportedOn: Type.String(),
  score: Nullable(Type.Integer()),
  scoreMin: Nullable(Type.Integer()),
  scoreMax: Nullable(Type.Integer()),
  rating: Nullable(Type.String()),
  recommendedLimit: Nullable(Type.Integer()),
  currency: Nullable(Type.String()),
  defaults: Type.Integer(),
  courtJudgments: Type.Integer(),
  taxArrears: Type.Integer(),
})
export type BureauRecordInput = Static<typeof BureauRecordInputSchema>
export type BureauRecord = Static<typeof BureauRecordSchema>

// Contracts with their collateral and guarantees
export const CONTRACT_STATUSES = ['draft', 'active', 'expired', 'terminated'] as const
export const SecuritySchema = Type.Object(
  {
    kind: Type.Enum(['collateral', 'guarantee'] as const),
    description: Text(500),
    value: Money,
    currency: Currency,
    guarantorCustomerId: OptionalText(64),
  },
  strict,
)
const contractFields = {
  number: Text(100),
  signedOn: Type.Optional(Nullable(IsoDate)),
  expiresOn: Type.Optional(Nullable(IsoDate)),
  creditTermsDays: Type.Integer({ minimum: 0, maximum: 720, description: 'Days the customer has to pay an invoice' }),
  creditLimit: Type.Optional(Nullable(Money)),
  currency: Currency,
  securities: Type.Optional(Type.Array(SecuritySchema, { maxItems: 100 })),
  status: Type.Optional(Type.Enum(CONTRACT_STATUSES)),
}
export const ContractInputSchema = Type.Object(contractFields, strict)
export const ContractPatchSchema = patchOf(contractFields)
export const ContractSchema = Type.Object({
  ...recordMeta,
  number: Type.String(),
  signedOn: Nullable(Type.String()),
  expiresOn: Nullable(Type.String()),
  creditTermsDays: Type.Integer(),
  creditLimit: Nullable(Type.Integer()),
  currency: Type.String(),
  securities: Type.Array(
    Type.Object({ kind: Type.Enum(['collateral', 'guarantee'] as const), description: Type.String(), value: Type.Integer(), currency: Type.String(), guarantorCustomerId: Type.Optional(Nullable(Type.String())) }),
  ),
  status: Type.Enum(CONTRACT_STATUSES),
  updatedAt: Type.String(),
})
export type ContractInput = Static<typeof ContractInputSchema>
export type Contract = Static<typeof ContractSchema>
