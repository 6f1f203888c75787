import { DEFAULT_SOURCE } from '../../schemas/activity.ts'
import type { Direction, Transaction, TransactionType } from '../../domain/monitoring/activity.ts'

/**
 * The fast lane of transaction imports, measured as the largest cost after SQLite itself:
 * a CSV row that is plainly valid — every cell well within what the schema allows, the time
 * in UTC with a Z — becomes a Transaction directly, without building the nested input and
 * running the full schema check. Anything else returns null and takes the full path, which
 * gives the exact errors. Whatever this accepts the schema accepts too, into the same
 * transaction (test/monitoring/plain-transaction-row.test.ts checks that on random rows).
 */
const UTC_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?Z$/
const AMOUNT = /^[1-9]\d{0,14}$/
const CURRENCY = /^[A-Z]{3}$/
const COUNTRY = /^[A-Z]{2}$/
const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const TYPES: ReadonlySet<string> = new Set(['sale', 'purchase', 'payment', 'refund', 'transfer', 'cash'])

/** The cells of a CSV row keyed by column (empty cells left out), as read-rows gives them. */
export function plainTransactionRow(record: Record<string, unknown>, customerId: (key: string) => string | undefined): Transaction | null {
  const id = text(record.id, 200)
  const customerKey = text(record.customerId, 200)
  const at = record.at
  const amount = record.amount
  const currency = record.currency
  const direction = record.direction
  const type = record.type
  if (id === null || customerKey === null || typeof at !== 'string' || typeof amount !== 'string' || typeof currency !== 'string' || typeof type !== 'string') return null
  if ((direction !== 'in' && direction !== 'out') || !TYPES.has(type) || !AMOUNT.test(amount) || !CURRENCY.test(currency)) return null
  const time = utcTime(at)
  const resolved = customerId(customerKey)
  if (time === null || resolved === undefined) return null
  const source = record.source === undefined ? DEFAULT_SOURCE : text(record.source, 100)
  const channel = optional(record.channel, 50)
  const category = optional(record.category, 100)
  const description = optional(record.description, 1000)
  const counterpartyId = optional(record['counterparty.id'], 200)
  const counterpartyName = optional(record['counterparty.name'], 300)
  const counterpartyAccount = optional(record['counterparty.account'], 100)
  const country = record['counterparty.country']
  const counterpartyCountry = country === undefined ? null : typeof country === 'string' && COUNTRY.test(country) ? country : undefined
  if (source === null || channel === undefined || category === undefined || description === undefined || counterpartyId === undefined || counterpartyName === undefined || counterpartyAccount === undefined || counterpartyCountry === undefined) return null
  const hasCounterparty = counterpartyId !== null || counterpartyName !== null || counterpartyAccount !== null || counterpartyCountry !== null
  return {
    id,
    source,
    customerId: resolved,
    at: time,
    amount: Number(amount),
    currency,
    direction: direction as Direction,
    type: type as TransactionType,
    channel,
    counterparty: hasCounterparty ? { id: counterpartyId, name: counterpartyName, country: counterpartyCountry, account: counterpartyAccount } : null,
    category,
    description,
  }
}

/** A required text cell no longer than max, else null. */
function text(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.length >= 1 && value.length <= max ? value : null
}

/** An optional text cell: null when absent, the text when it fits, undefined when it does not. */
function optional(value: unknown, max: number): string | null | undefined {
  if (value === undefined) return null
  return typeof value === 'string' && value.length <= max ? value : undefined
}

/** Epoch ms of a UTC time YYYY-MM-DDThh:mm:ss[.mmm]Z with every part in range, else null. */
function utcTime(value: string): number | null {
  const match = UTC_TIME.exec(value)
  if (!match) return null
  const year = +match[1]!
  const month = +match[2]!
  const day = +match[3]!
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month]! || +match[4]! > 23 || +match[5]! > 59 || +match[6]! > 59) return null
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return null
  return Date.parse(value)
}
