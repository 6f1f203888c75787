import { describe, expect, it } from 'vitest'
import { countryCode } from '../../src/services/imports/countries.ts'
import { personName, zohoMapping } from '../../src/services/imports/zoho-mapping.ts'

describe('Zoho CRM mapping', () => {
  const accounts = zohoMapping('customers', [{ key: 'website', label: 'Website', type: 'text', options: [], required: false }])!
  const contacts = zohoMapping('contacts', [])!

  it('maps an Accounts row onto a customer', () => {
    const { record, problems } = accounts.toRecord({
      'Record Id': '4876876000000123456',
      'Account Name': '深圳市腾讯计算机系统有限公司',
      'Account Number': '91440300708461136t',
      'Account Type': 'Customer',
      Industry: 'Data/Telecom OEM',
      Employees: '1,200',
      'Billing Country': '中国',
      'Billing State': '广东省',
      'Billing City': '深圳市',
      Description: '互联网增值服务',
      Ownership: 'Public',
      Tag: 'VIP,华南',
      Website: 'https://www.tencent.com',
      Phone: '0755-86013388',
    })
    expect(problems).toEqual([])
    expect(record).toEqual({
      type: 'company',
      externalId: 'zoho:4876876000000123456',
      name: '深圳市腾讯计算机系统有限公司',
      country: 'CN',
      registrationId: '91440300708461136T',
      region: '广东省 深圳市',
      industry: { code: 'C39', name: 'Data/Telecom OEM' },
      tags: ['VIP', '华南', 'Customer'],
      employees: 1200,
      businessScope: '互联网增值服务',
      listed: true,
      customFields: { website: 'https://www.tencent.com' },
    })
  })

  it('defaults the country to CN, keeps an unknown industry as a tag, and skips an Account Number that is no registration id', () => {
    const { record } = accounts.toRecord({ 'Record Id': '1', 'Account Name': 'Acme', 'Account Number': 'ACC-0042', Industry: 'Aerospace' })
    expect(record).toEqual({ type: 'company', externalId: 'zoho:1', name: 'Acme', country: 'CN', tags: ['Aerospace'] })
  })

  it('names a country it does not know', () => {
    expect(accounts.toRecord({ 'Record Id': '1', 'Account Name': 'Acme', 'Billing Country': 'Narnia' }).problems).toEqual([
      { path: 'Billing Country', message: '"Narnia" is not a country Fengkong knows; write it as a 2-letter ISO code such as CN, HK or US' },
    ])
  })

  it('maps a Contacts row onto a contact of the account it belongs to', () => {
    expect(contacts.toRecord({ 'Record Id': '77', 'First Name': '伟', 'Last Name': '王', Email: ' Wang.Wei@Example.CN ', Phone: '010-1234', Mobile: '13800000000', Title: '财务总监', 'Account Name': '华为', 'Account Name.id': '4876876000000123456' })).toEqual({
      record: { externalId: 'zoho:77', name: '王伟', customerExternalId: 'zoho:4876876000000123456', email: 'wang.wei@example.cn', phone: '010-1234', notes: 'Mobile: 13800000000', title: '财务总监' },
      problems: [],
      skipped: [],
    })
  })

  it('checks the header is an export of the right module', () => {
    expect(accounts.headerProblems(['Record Id', 'Account Name', 'Industry'])).toEqual([])
    expect(accounts.headerProblems(['Record Id', 'First Name']).map((p) => p.path)).toEqual(['Account Name'])
    expect(contacts.headerProblems(['Record Id', 'Last Name', 'Account Id'])).toEqual([])
    expect(contacts.headerProblems(['Record Id', 'Last Name']).map((p) => p.path)).toEqual(['Account Name.id'])
  })

  it('has no mapping for statements or bureau records', () => {
    expect(zohoMapping('statements', [])).toBeNull()
  })

  it('writes Chinese names family name first, others first name first', () => {
    expect(personName('伟', '王')).toBe('王伟')
    expect(personName('Wei', 'Wang')).toBe('Wei Wang')
    expect(personName(undefined, 'Wang')).toBe('Wang')
  })

  it.each([
    ['China', 'CN'],
    ['中国', 'CN'],
    ["People's Republic of China", 'CN'],
    ['P.R. China', 'CN'],
    ['Hong Kong', 'HK'],
    ['United States', 'US'],
    ['UK', 'GB'],
    ['de', 'DE'],
    ['日本', 'JP'],
  ])('knows %s as %s', (name, code) => {
    expect(countryCode(name)).toBe(code)
  })
})
