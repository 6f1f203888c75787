import { Type, type Static } from 'typebox'
import { DIRECTIONS, INVOICE_STATUSES, TRANSACTION_TYPES } from '../domain/monitoring/activity.ts'
import { Currency } from './customer-records.ts'

/**
 * What clients send the monitoring engine: transactions, invoices and payments, one by one,
 * in batches or in files (CSV headers are these field names, nested ones dotted:
 * counterparty.name). Times are UTC ISO-8601; money is integer minor units.
 */
const strict = { additionalProperties: false } as const
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()])
const Key = (description: string) => Type.String({ minLength: 1, maxLength: 200, description })
const OptionalText = (max: number) => Type.Optional(Nullable(Type.String({ maxLength: max })))
const DateTime = (description: string) => Type.String({ format: 'date-time', description: `${description} (UTC, ISO-8601)` })
const PositiveMoney = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Integer minor units (fen, cents), positive' })

export const DEFAULT_SOURCE = 'default'
const source = Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: `The system the record comes from; ids are unique per source (default "${DEFAULT_SOURCE}")` }))
const customerId = Key("The customer: Fengkong's id or the customer's externalId")

export const TransactionInputSchema = Type.Object(
  {
    id: Key('Unique per source: the idempotency key; a repeat is acknowledged and never counted twice'),
    source,
    customerId,
    at: DateTime('When it happened'),
    amount: PositiveMoney,
    currency: Currency,
    direction: Type.Enum(DIRECTIONS, { description: 'in: money to the customer; out: from the customer' }),
    type: Type.Enum(TRANSACTION_TYPES),
    channel: OptionalText(50),
    counterparty: Type.Optional(
      Nullable(
        Type.Object(
          {
            id: OptionalText(200),
            name: OptionalText(300),
            country: Type.Optional(Nullable(Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' }))),
            account: OptionalText(100),
          },
          strict,
        ),
      ),
    ),
    category: OptionalText(100),
    description: OptionalText(1000),
  },
  strict,
)
export type TransactionInput = Static<typeof TransactionInputSchema>

export const InvoiceInputSchema = Type.Object(
  {
    id: Key('Unique per source; sending it again updates it (its status, say)'),
    source,
    customerId,
    number: Type.String({ minLength: 1, maxLength: 100 }),
    issuedAt: DateTime('Issue date'),
    dueAt: DateTime('Due date'),
    amount: PositiveMoney,
    currency: Currency,
    status: Type.Optional(Type.Enum(INVOICE_STATUSES, { description: 'Default open; whether it is paid follows from the payments allocated to it' })),
  },
  strict,
)
export type InvoiceInput = Static<typeof InvoiceInputSchema>

export const PaymentInputSchema = Type.Object(
  {
    id: Key('Unique per source: the idempotency key'),
    source,
    customerId,
    at: DateTime('When it was received'),
    amount: PositiveMoney,
    currency: Currency,
    allocations: Type.Optional(
      Type.Array(Type.Object({ invoiceId: Key('An invoice of the same source and customer'), amount: PositiveMoney }, strict), {
        maxItems: 1000,
        description: 'Which invoices it pays and how much of each; what is not allocated is unapplied cash',
      }),
    ),
  },
  strict,
)
export type PaymentInput = Static<typeof PaymentInputSchema>

export const ItemResultSchema = Type.Object({
  index: Type.Integer({ description: 'Position in the batch, from 0' }),
  id: Nullable(Type.String()),
  status: Type.Union([Type.Literal('accepted'), Type.Literal('queued'), Type.Literal('duplicate'), Type.Literal('updated'), Type.Literal('rejected')], {
    description: 'queued: stored in JetStream for the engine worker (API nodes over NATS); it will be accepted or found a duplicate there',
  }),
  seq: Type.Optional(Type.Integer()),
  control: Type.Optional(Type.Union([Type.Literal('allowed'), Type.Literal('blocked')], { description: 'Transactions written: blocked when it is a sale to a customer under a credit hold — recorded, but extend no credit on it' })),
  errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
})
export type ItemResult = Static<typeof ItemResultSchema>
