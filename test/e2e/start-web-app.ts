import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildServer, type FengkongServer } from '../../src/api/server.ts'
import { loadConfig } from '../../src/config.ts'
import type { Customer } from '../../src/domain/customers/index.ts'
import { defineCustomField } from '../../src/services/custom-fields/define-custom-field.ts'
import { createCustomerRecord } from '../../src/services/customer-records/create-customer-record.ts'
import { createCustomer } from '../../src/services/customers/create-customer.ts'
import { uploadDocument } from '../../src/services/documents/upload-document.ts'
import { linkCustomers } from '../../src/services/relationships/link-customers.ts'
import { createUser } from '../../src/services/users/create-user.ts'
import { bureauRecordKind, contactKind, statementKind } from '../../src/store/repositories/customer-record-kinds.ts'
import type { User } from '../../src/store/repositories/users.ts'
import { buildWebIfStale } from '../../scripts/build-web-if-stale.ts'
import { openTestStore, type TestStore } from '../helpers/dialects.ts'
import { PASSWORD } from '../helpers/server.ts'

export const HUAWEI_REGISTRATION_ID = '914403001922038216'

export type WebApp = {
  url: string
  store: TestStore
  user: User
  password: string
  huawei: Customer
  close(): Promise<void>
}

/**
 * The real server on a random port, serving the built UI over a SQLite file with one risk
 * manager and a few customers, 华为技术有限公司 with records on every tab.
 */
export async function startWebApp(): Promise<WebApp> {
  await buildWebIfStale({ log: (line) => console.log(line), showOutput: false })
  const folder = mkdtempSync(join(tmpdir(), 'fengkong-e2e-'))
  const store = await openTestStore('sqlite', { sqlitePath: join(folder, 'fengkong.db') })
  const user = await createUser({ store, actor: { kind: 'system' }, input: { email: 'wang.fang@e2e.fengkong', name: '王芳', password: PASSWORD, role: 'risk_manager' } })
  const huawei = await seedCustomers(store, user)
  const app: FengkongServer = await buildServer({ store, config: { ...loadConfig({}, {}), logLevel: 'silent' } })
  const url = await app.listen({ port: 0, host: '127.0.0.1' })
  return {
    url,
    store,
    user,
    password: PASSWORD,
    huawei,
    async close() {
      await app.close()
      await store.drop()
      rmSync(folder, { recursive: true, force: true })
    },
  }
}

async function seedCustomers(store: TestStore, user: User): Promise<Customer> {
  const actor = { kind: 'user' as const, userId: user.id }
  await defineCustomField({ store, actor, input: { key: 'riskRegion', label: '风险区域', type: 'select', options: ['华东', '华南', '华北'] } })
  const huawei = await createCustomer({
    store,
    actor,
    input: {
      type: 'company',
      name: '华为技术有限公司',
      aliases: ['Huawei Technologies Co., Ltd.'],
      registrationId: HUAWEI_REGISTRATION_ID,
      country: 'CN',
      region: '广东省深圳市',
      industry: { code: 'C39', name: '计算机、通信和其他电子设备制造业' },
      businessScope: '程控交换机、传输设备、数据通信设备、宽带多媒体设备、电源、无线通信设备的开发、生产、销售与服务',
      businessModel: '面向运营商、企业和消费者的信息与通信基础设施及智能终端',
      founded: '1987-09-15',
      employees: 207000,
      tags: ['strategic', 'telecom'],
      status: 'active',
      customFields: { riskRegion: '华南' },
    },
  })
  const holding = await createCustomer({ store, actor, input: { type: 'company', name: '华为投资控股有限公司', country: 'CN', region: '广东省深圳市', status: 'active' } })
  await createCustomer({ store, actor, input: { type: 'company', name: '阿里巴巴（中国）有限公司', country: 'CN', registrationId: '91330100799655058B', region: '浙江省杭州市', tags: ['ecommerce'] } })
  await createCustomer({ store, actor, input: { type: 'company', name: 'Siemens AG', country: 'DE', registrationId: 'HRB 6684', region: 'München', industry: { code: 'C38', name: 'Electrical equipment' } } })
  await createCustomer({ store, actor, input: { type: 'company', name: '深圳市华兴供应链管理有限公司', country: 'CN', region: '广东省深圳市', status: 'onboarding' } })

  await linkCustomers({ store, actor, customerId: holding.id, input: { toCustomerId: huawei.id, kind: 'parent', note: '全资控股' } })
  for (const contact of [
    { name: '张伟', title: '财务总监', email: 'zhang.wei@example.com', phone: '+86 755 2878 0000', primary: true },
    { name: '李娜', title: '采购经理', email: 'li.na@example.com', phone: '+86 755 2878 0001' },
  ]) {
    await createCustomerRecord({ store, actor, kind: contactKind, customerId: huawei.id, input: contact })
  }
  const statements = [
    { periodEnd: '2023-12-31', items: { revenue: 70_417_400_000_000, netIncome: 8_695_000_000_000, totalAssets: 127_000_000_000_000, totalLiabilities: 73_500_000_000_000, equity: 53_500_000_000_000, cash: 17_600_000_000_000 } },
    { periodEnd: '2024-12-31', items: { revenue: 86_207_200_000_000, netIncome: 6_260_600_000_000, totalAssets: 136_000_000_000_000, totalLiabilities: 78_100_000_000_000, equity: 57_900_000_000_000, cash: 16_200_000_000_000 } },
  ]
  for (const statement of statements) {
    await createCustomerRecord({ store, actor, kind: statementKind, customerId: huawei.id, input: { ...statement, currency: 'CNY', audited: true } })
  }
  await createCustomerRecord({
    store,
    actor,
    kind: bureauRecordKind,
    customerId: huawei.id,
    input: { agency: '中国人民银行征信中心', reportedOn: '2025-03-31', score: 812, scoreMin: 0, scoreMax: 1000, rating: 'AAA', recommendedLimit: 500_000_000_000, currency: 'CNY' },
  })
  await uploadDocument({
    store,
    actor,
    customerId: huawei.id,
    filename: '2024年度审计报告.pdf',
    contentType: 'application/pdf',
    category: 'audit_report',
    content: Buffer.from('%PDF-1.4\n% 华为技术有限公司 2024 年度审计报告（测试用）\n'),
  })
  return huawei
}
