import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyAuditLedger } from '../../src/services/audit/verify-audit-ledger.ts'
import { runImport } from '../../src/services/imports/run-import.ts'
import type { ImportTarget } from '../../src/schemas/import-job.ts'
import { listAuditEntries } from '../../src/store/repositories/audit-ledger.ts'
import { DIALECTS, openTestStore, type TestStore } from '../helpers/dialects.ts'
import { chunked, registrationIdOf, toCsv } from './fixtures.ts'

const actor = { kind: 'cli', name: 'tester' } as const

describe.each(DIALECTS)('%s: importing contacts, statements and bureau records', (dialect) => {
  let store: TestStore
  beforeEach(async () => {
    store = await openTestStore(dialect)
    await importCsv('customers', toCsv(['externalId', 'type', 'name', 'country', 'registrationId'], [
      ['erp-1', 'company', '华为技术有限公司', 'CN', registrationIdOf(1)],
      ['erp-2', 'company', '中兴通讯股份有限公司', 'CN', registrationIdOf(2)],
    ]))
  })
  afterEach(async () => {
    await store.drop()
  })

  const importCsv = (target: ImportTarget, csv: string, from: 'zoho' | null = null) => runImport({ store, actor, target, format: 'csv', from, input: chunked(csv) })
  const customerId = async (externalId: string) => (await store.db.selectFrom('customers').select('id').where('external_id', '=', externalId).executeTakeFirstOrThrow()).id

  it('imports contacts by customerExternalId or registration id, and upserts by externalId, else by customer and email', async () => {
    const csv = toCsv(['customerExternalId', 'customerRegistrationId', 'externalId', 'name', 'email', 'primary', 'title'], [
      ['erp-1', '', 'c-1', '王伟', 'Wang.Wei@huawei.com', '是', '财务总监'],
      ['', registrationIdOf(2), '', '李娜', 'li.na@zte.com.cn', '否', ''],
      ['erp-9', '', '', '无主', '', '', ''],
    ])
    const first = await importCsv('contacts', csv)
    expect(first).toMatchObject({ inserted: 2, failed: 1 })
    expect(first.errors).toEqual([{ line: 4, field: 'customerExternalId', message: 'names no customer' }])
    expect(await importCsv('contacts', csv)).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, failed: 1 })

    const changed = toCsv(['customerExternalId', 'externalId', 'name', 'email', 'title'], [
      ['erp-1', 'c-1', '王伟', 'wang.wei@huawei.com', 'CFO'],
      ['erp-2', '', '李娜', 'LI.NA@zte.com.cn', '采购经理'],
    ])
    expect(await importCsv('contacts', changed)).toMatchObject({ inserted: 0, updated: 2, unchanged: 0 })
    const contacts = await store.db.selectFrom('contacts').select(['name', 'email', 'title', 'primary_contact', 'customer_id']).orderBy('name').execute()
    expect(contacts).toEqual([
      { name: '李娜', email: 'li.na@zte.com.cn', title: '采购经理', primary_contact: 0, customer_id: await customerId('erp-2') },
      { name: '王伟', email: 'wang.wei@huawei.com', title: 'CFO', primary_contact: 1, customer_id: await customerId('erp-1') },
    ])

    // Neither external id nor email: the name finds the contact, so a rerun adds nobody twice.
    const nameOnly = toCsv(['customerExternalId', 'name', 'phone'], [['erp-2', '赵六', '010-1']])
    expect(await importCsv('contacts', nameOnly)).toMatchObject({ inserted: 1 })
    expect(await importCsv('contacts', nameOnly)).toMatchObject({ inserted: 0, unchanged: 1 })
  })

  it('imports statements keyed by customer, period end and months, merging line items', async () => {
    const csv = toCsv(['customerExternalId', 'periodEnd', 'periodMonths', 'currency', 'audited', 'items.revenue', 'items.totalAssets', 'items.currentAssets'], [
      ['erp-1', '2024-12-31', '', 'CNY', 'true', '86249400000000', '126000000000000', '80000000000000'],
      ['erp-1', '2024-06-30', '6', 'CNY', 'false', '41750000000000', '', ''],
      ['erp-2', '2024-12-31', '12', 'CNY', '', '12129900000000', '100', '200'],
    ])
    const first = await importCsv('statements', csv)
    expect(first).toMatchObject({ inserted: 2, failed: 1 })
    expect(first.errors).toEqual([{ line: 4, field: 'items.currentAssets', message: 'cannot exceed totalAssets' }])
    expect(await importCsv('statements', csv)).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, failed: 1 })

    const more = toCsv(['customerExternalId', 'periodEnd', 'currency', 'items.netIncome'], [['erp-1', '2024-12-31', 'CNY', '6260000000000']])
    expect(await importCsv('statements', more)).toMatchObject({ updated: 1 })
    const statement = await store.db.selectFrom('financial_statements').select(['items', 'audited']).where('period_end', '=', '2024-12-31').executeTakeFirstOrThrow()
    expect(JSON.parse(statement.items)).toEqual({ revenue: 86249400000000, totalAssets: 126000000000000, currentAssets: 80000000000000, netIncome: 6260000000000 })
    expect(statement.audited).toBe(1)
  })

  it('imports bureau records keyed by customer, agency and report date', async () => {
    const csv = toCsv(['customerExternalId', 'agency', 'reportedOn', 'score', 'scoreMin', 'scoreMax', 'rating', 'recommendedLimit', 'currency', 'defaults'], [
      ['erp-1', '百行征信', '2025-03-01', '720', '300', '900', 'A', '500000000', 'CNY', '0'],
      ['erp-2', '百行征信', '2025-03-01', '950', '300', '900', '', '', '', ''],
      ['erp-2', '朴道征信', '2025-03-01', '610', '', '', 'BB', '100', '', ''],
    ])
    const first = await importCsv('bureau', csv)
    expect(first).toMatchObject({ inserted: 1, failed: 2 })
    expect(first.errors).toEqual([
      { line: 3, field: 'score', message: "is above the scale's maximum 900" },
      { line: 4, field: 'currency', message: 'is required with recommendedLimit' },
    ])
    expect(await importCsv('bureau', csv)).toMatchObject({ inserted: 0, updated: 0, unchanged: 1, failed: 2 })
    const [entry] = await listAuditEntries(store.db, { entity: 'bureau_record', limit: 1 })
    expect(entry).toMatchObject({ action: 'bureau_record.created', customerId: await customerId('erp-1'), after: { agency: '百行征信', score: 720, recommendedLimit: 500000000 } })
    expect(await verifyAuditLedger({ store })).toMatchObject({ ok: true })
  })

  it('maps a Zoho CRM Accounts export onto customers and its Contacts export onto their contacts', async () => {
    const accounts = toCsv(
      ['Record Id', 'Account Owner', 'Account Name', 'Account Number', 'Account Type', 'Industry', 'Employees', 'Billing Street', 'Billing City', 'Billing State', 'Billing Country', 'Description', 'Ownership', 'Tag', 'Website', 'Phone'],
      [
        ['4876876000000111001', 'Li Lei', '深圳市腾讯计算机系统有限公司', registrationIdOf(11), 'Customer', 'Wireless Industry', '112,771', '科技园', '深圳市', '广东省', '中国', '互联网服务', 'Public', 'VIP', 'https://tencent.com', '0755-1'],
        ['4876876000000111002', 'Li Lei', 'Siemens AG', 'DE-0042', 'Partner', 'Manufacturing', '320000', '', 'München', 'Bayern', 'Germany', '', 'Public', '', '', ''],
        ['4876876000000111003', 'Li Lei', '某某贸易', '', 'Prospect', '', 'many', '', '', '', 'Atlantis', '', 'Private', '', '', ''],
      ],
    )
    const imported = await importCsv('customers', accounts, 'zoho')
    expect(imported).toMatchObject({ inserted: 2, failed: 1 })
    expect(imported.errors).toEqual([
      { line: 4, field: 'Billing Country', message: expect.stringContaining('"Atlantis" is not a country') },
      { line: 4, field: 'Employees', message: 'must be a whole number, not "many"' },
    ])
    const tencent = await store.db.selectFrom('customers').selectAll().where('external_id', '=', 'zoho:4876876000000111001').executeTakeFirstOrThrow()
    expect(tencent).toMatchObject({ name: '深圳市腾讯计算机系统有限公司', country: 'CN', registration_id: registrationIdOf(11), region: '广东省 深圳市', industry_code: 'I63', employees: 112771, listed: 1, tags: '["VIP","Customer"]' })
    expect(await importCsv('customers', accounts, 'zoho')).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 })

    const contacts = toCsv(['Record Id', 'Contact Owner', 'First Name', 'Last Name', 'Email', 'Phone', 'Mobile', 'Title', 'Account Name', 'Account Name.id'], [
      ['4876876000000222001', 'Li Lei', '化腾', '马', 'pony@tencent.com', '', '13900000000', '董事长', '深圳市腾讯计算机系统有限公司', '4876876000000111001'],
      ['4876876000000222002', 'Li Lei', 'Roland', 'Busch', 'roland.busch@siemens.com', '+49 89 1', '', 'CEO', 'Siemens AG', '4876876000000111002'],
      ['4876876000000222003', 'Li Lei', 'No', 'Account', '', '', '', '', '', ''],
    ])
    const people = await importCsv('contacts', contacts, 'zoho')
    expect(people).toMatchObject({ inserted: 2, failed: 1 })
    expect(people.errors).toEqual([{ line: 4, field: 'Account Name.id', message: 'is empty: the contact has no account' }])
    const pony = await store.db.selectFrom('contacts').selectAll().where('external_id', '=', 'zoho:4876876000000222001').executeTakeFirstOrThrow()
    expect(pony).toMatchObject({ name: '马化腾', email: 'pony@tencent.com', phone: '13900000000', title: '董事长', customer_id: tencent.id })
    expect(await importCsv('contacts', contacts, 'zoho')).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 })
  })
})
