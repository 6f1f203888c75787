import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCustomerRecord } from '../../src/services/customer-records/create-customer-record.ts'
import { createCustomer } from '../../src/services/customers/create-customer.ts'
import { defineCustomField } from '../../src/services/custom-fields/define-custom-field.ts'
import { exportRecords } from '../../src/services/exports/export-records.ts'
import { runImport } from '../../src/services/imports/run-import.ts'
import type { ImportFormat, ImportTarget } from '../../src/schemas/import-job.ts'
import { readAuditHead } from '../../src/store/repositories/audit-ledger.ts'
import { bureauRecordKind, contactKind, statementKind } from '../../src/store/repositories/customer-record-kinds.ts'
import { DIALECTS, openTestStore, type TestStore } from '../helpers/dialects.ts'
import { registrationIdOf } from './fixtures.ts'

const actor = { kind: 'cli', name: 'tester' } as const

describe.each(DIALECTS)('%s: export, then import the export', (dialect) => {
  let store: TestStore
  beforeEach(async () => {
    store = await openTestStore(dialect)
    await defineCustomField({ store, actor, input: { key: 'riskRegion', label: '风险区域', type: 'select', options: ['华东', '华南'] } })
    await defineCustomField({ store, actor, input: { key: 'score', label: 'Score', type: 'number' } })
    await defineCustomField({ store, actor, input: { key: 'reviewedOn', label: 'Reviewed on', type: 'date' } })
    const huawei = await createCustomer({
      store,
      actor,
      input: {
        externalId: 'erp-1',
        type: 'company',
        name: '华为技术有限公司',
        aliases: ['华为', 'Huawei | 海外', 'back\\slash'],
        country: 'CN',
        registrationId: registrationIdOf(1),
        region: '广东省深圳市',
        industry: { code: 'C39', name: '计算机、通信和其他电子设备制造业' },
        businessScope: '程控交换机、传输设备,"数据通信设备"\n宽带多媒体设备',
        founded: '1987-09-15',
        employees: 207000,
        listed: false,
        tags: ['key-account', '华南'],
        status: 'active',
        customFields: { riskRegion: '华南', score: 7.25, reviewedOn: '2025-01-31' },
      },
    })
    // No external id, no registration id: only its id finds it again.
    const person = await createCustomer({ store, actor, input: { type: 'individual', name: '张三', country: 'CN', listed: true } })
    await createCustomer({ store, actor, input: { type: 'company', name: 'Siemens AG', country: 'DE', registrationId: 'HRB 6684', industry: { code: 'C38' } } })
    await createCustomerRecord({ store, actor, kind: contactKind, customerId: huawei.id, input: { externalId: 'c-1', name: '王伟', email: 'Wang.Wei@huawei.com', primary: true, title: '财务总监' } })
    await createCustomerRecord({ store, actor, kind: contactKind, customerId: huawei.id, input: { name: '没有邮箱的人', phone: '0755-1' } })
    await createCustomerRecord({ store, actor, kind: contactKind, customerId: person.id, input: { name: '张三本人', notes: '多行\n备注' } })
    await createCustomerRecord({ store, actor, kind: statementKind, customerId: huawei.id, input: { periodEnd: '2024-12-31', currency: 'CNY', audited: true, items: { revenue: 86249400000000, netIncome: 6260000000000, totalAssets: 126000000000000 } } })
    await createCustomerRecord({ store, actor, kind: statementKind, customerId: huawei.id, input: { periodEnd: '2024-06-30', periodMonths: 6, currency: 'CNY', items: {} } })
    await createCustomerRecord({ store, actor, kind: statementKind, customerId: person.id, input: { periodEnd: '2024-12-31', currency: 'CNY', items: { cash: 100 } } })
    await createCustomerRecord({ store, actor, kind: bureauRecordKind, customerId: huawei.id, input: { agency: '百行征信', reportedOn: '2025-03-01', score: 720, scoreMin: 300, scoreMax: 900, rating: 'A', recommendedLimit: 500000000, currency: 'CNY' } })
    await createCustomerRecord({ store, actor, kind: bureauRecordKind, customerId: person.id, input: { agency: '朴道征信', reportedOn: '2025-02-01', defaults: 1, taxArrears: 12000 } })
  })
  afterEach(async () => {
    await store.drop()
  })

  async function exportText(target: ImportTarget, format: ImportFormat): Promise<string> {
    let text = ''
    for await (const chunk of exportRecords({ store, target, format, pageSize: 2 })) text += chunk
    return text
  }

  const COUNTS: Record<ImportTarget, number> = { customers: 3, contacts: 3, statements: 3, bureau: 2 }

  for (const format of ['csv', 'ndjson'] as const) {
    it(`re-imports every target's ${format} export with zero changes`, async () => {
      const head = await readAuditHead(store.db)
      for (const target of ['customers', 'contacts', 'statements', 'bureau'] as const) {
        const text = await exportText(target, format)
        const result = await runImport({ store, actor, target, format, input: [Buffer.from(text)] })
        expect({ target, ...result }).toMatchObject({ target, read: COUNTS[target], inserted: 0, updated: 0, unchanged: COUNTS[target], failed: 0, errors: [] })
      }
      expect(await readAuditHead(store.db)).toEqual(head)
    })
  }

  it('writes the columns imports read, with a byte-order mark for Excel', async () => {
    const csv = await exportText('customers', 'csv')
    const [header, ...lines] = csv.split('\n')
    expect(header).toBe('\uFEFFid,type,name,country,externalId,aliases,registrationId,region,industry.code,industry.name,businessScope,businessModel,founded,employees,listed,tags,ownerId,status,customFields.reviewedOn,customFields.riskRegion,customFields.score')
    expect(lines.find((line) => line.includes('erp-1'))).toContain(',华为|Huawei \\| 海外|back\\\\slash,')
    const statements = await exportText('statements', 'csv')
    expect(statements.split('\n')[0]).toMatch(/^\uFEFFid,customerId,customerExternalId,customerRegistrationId,customerCountry,periodEnd,periodMonths,currency,audited,items\.revenue,/)
  })

  it('moves to another installation keeping ids, so records find their customers and a second import changes nothing', async () => {
    const customers = await exportText('customers', 'ndjson')
    const contacts = await exportText('contacts', 'csv')
    const other = await openTestStore(dialect)
    try {
      const definitions = await store.db.selectFrom('custom_field_definitions').selectAll().execute()
      await other.db.insertInto('custom_field_definitions').values(definitions).execute()
      expect(await runImport({ store: other, actor, target: 'customers', format: 'ndjson', input: [customers] })).toMatchObject({ inserted: 3, failed: 0 })
      const ids = async (s: TestStore) => (await s.db.selectFrom('customers').select('id').orderBy('id').execute()).map((row) => row.id)
      expect(await ids(other)).toEqual(await ids(store))
      expect(await runImport({ store: other, actor, target: 'contacts', format: 'csv', input: [contacts] })).toMatchObject({ inserted: 3, failed: 0 })
      expect(await runImport({ store: other, actor, target: 'contacts', format: 'csv', input: [contacts] })).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, failed: 0 })
      // Without ids, a contact still finds its customer by the customer's external id.
      const withoutIds = 'customerExternalId,externalId,name,email\nerp-1,c-2,李娜,li.na@huawei.com\n'
      expect(await runImport({ store: other, actor, target: 'contacts', format: 'csv', input: [withoutIds] })).toMatchObject({ inserted: 1, failed: 0 })
    } finally {
      await other.drop()
    }
  })
})
