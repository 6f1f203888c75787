import { describe, expect, it } from 'vitest'
import type { Customer } from '../api/types.ts'
import { customerPatch, newCustomerInput, toCustomerInput, toFormValues } from './customer-form-values.ts'

const HUAWEI: Customer = {
  id: 'c1',
  externalId: null,
  type: 'company',
  name: '华为技术有限公司',
  aliases: ['Huawei Technologies Co., Ltd.'],
  registrationId: '914403001922038216',
  country: 'CN',
  region: '广东省深圳市',
  industry: { code: 'C39', name: '计算机、通信和其他电子设备制造业' },
  businessScope: null,
  businessModel: null,
  founded: '1987-09-15',
  employees: 207000,
  listed: false,
  tags: ['strategic'],
  ownerId: null,
  status: 'active',
  customFields: { riskRegion: '华南' },
  version: 3,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-02T00:00:00.000Z',
}

describe('customer form values', () => {
  it('round-trips a customer through the form unchanged', () => {
    const { id, ownerId, version, createdAt, updatedAt, ...fields } = HUAWEI
    expect(toCustomerInput(toFormValues(HUAWEI))).toEqual(fields)
  })

  it('sends only what changed, with the version it was edited from', () => {
    const values = { ...toFormValues(HUAWEI), region: ' 广东省东莞市 ' }
    expect(customerPatch(HUAWEI, values)).toEqual({ region: '广东省东莞市', version: 3 })
  })

  it('clears a field emptied in the form and sends just the changed custom field', () => {
    const values = { ...toFormValues(HUAWEI), founded: '', customFields: { riskRegion: '华东', taxBureau: '' } }
    expect(customerPatch(HUAWEI, values)).toEqual({ founded: null, customFields: { riskRegion: '华东' }, version: 3 })
  })

  it('sends an industry name without a code as it is, for the server to name industry.code', () => {
    const values = { ...toFormValues(HUAWEI), industry: { code: ' ', name: '制造业' } }
    expect(customerPatch(HUAWEI, values).industry).toEqual({ code: '', name: '制造业' })
  })

  it('creates a customer from the fields filled in only', () => {
    const values = { ...toFormValues(null), name: '小米科技有限责任公司', registrationId: '91110108551385082Q', customFields: { riskRegion: '' } }
    expect(newCustomerInput(values)).toEqual({ type: 'company', name: '小米科技有限责任公司', registrationId: '91110108551385082Q', country: 'CN', listed: false, status: 'prospect' })
  })
})
