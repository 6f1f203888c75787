import { describe, expect, it } from 'vitest'
import { auditEntryCustomerId, canonicalJson, CanonicalJsonText } from '../../src/domain/audit/index.ts'
import { mulberry32 } from '../../src/domain/random/index.ts'
import { withCustomerDefaults } from '../../src/services/customers/customer-fields.ts'
import type { CustomerInput } from '../../src/schemas/customer.ts'
import { customerColumns, customerJson, customerRow, toCustomer } from '../../src/store/repositories/customers.ts'

/**
 * customerJson writes an imported customer's audit text straight from its row. The ledger
 * hashes that text and keeps it, so it must be exactly canonicalJson(toCustomer(row)): checked
 * here on many random customers with every kind of awkward text.
 */
const TEXTS = ['', 'x', '华为技术有限公司', 'quote " and \\ backslash', 'line\nbreak\ttab', '\u0000\u001f', '\u2028\u2029', '\uD800 lone', '😀 emoji', 'ａｂｃ full width']

function randomCustomer(random: () => number): CustomerInput {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!
  const maybe = <T>(value: T): T | null => (random() < 0.3 ? null : value)
  const texts = () => Array.from({ length: Math.floor(random() * 3) }, () => pick(TEXTS.filter(Boolean)))
  return {
    type: random() < 0.5 ? 'company' : 'individual',
    name: pick(TEXTS.filter(Boolean)),
    country: pick(['CN', 'GB', 'US']),
    externalId: maybe(`erp-${pick(TEXTS)}`),
    registrationId: maybe(pick(TEXTS.filter(Boolean))),
    region: maybe(pick(TEXTS)),
    industry: random() < 0.3 ? null : { code: pick(['C39', 'F51']), name: pick(TEXTS) },
    businessScope: maybe(pick(TEXTS)),
    businessModel: maybe(pick(TEXTS)),
    founded: maybe('2001-02-03'),
    employees: random() < 0.3 ? null : Math.floor(random() * 100_000),
    listed: random() < 0.5,
    tags: texts(),
    aliases: texts(),
    ownerId: maybe('0b7e3c1a-0000-4000-8000-000000000001'),
    status: pick(['prospect', 'active', 'closed'] as const),
    customFields: random() < 0.5 ? {} : { zeta: pick(TEXTS), alpha: Math.floor(random() * 10), nested: { b: [pick(TEXTS), null], a: true } },
  } as CustomerInput
}

describe('a customer written as canonical JSON from its row', () => {
  it('is exactly canonicalJson of the customer, for 5,000 random customers', () => {
    const random = mulberry32(20_261_129)
    for (let i = 0; i < 5000; i += 1) {
      const columns = customerColumns(withCustomerDefaults(randomCustomer(random)))
      const row = customerRow(columns, { id: crypto.randomUUID(), version: 1 + Math.floor(random() * 5), createdAt: '2026-11-29T00:00:00.000Z', updatedAt: '2026-11-29T01:02:03.004Z' })
      expect(customerJson(row).text).toBe(canonicalJson(toCustomer(row)))
    }
  })

  it('is embedded as it is, alone or inside another value', () => {
    const text = new CanonicalJsonText('{"a":1}')
    expect(canonicalJson(text)).toBe('{"a":1}')
    expect(canonicalJson({ z: [text], a: text })).toBe('{"a":{"a":1},"z":[{"a":1}]}')
  })

  it('still names the customer of a record given as text', () => {
    const contact = new CanonicalJsonText('{"customerId":"c-1","name":"王五"}')
    expect(auditEntryCustomerId({ entity: 'contact', entityId: 'k-1', before: null, after: contact })).toBe('c-1')
  })
})
