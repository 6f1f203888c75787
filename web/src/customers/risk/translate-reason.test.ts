import { describe, expect, it } from 'vitest'
import { createI18n } from '../../i18n/i18n.ts'
import { translateReason } from './translate-reason.ts'

describe('translateReason', () => {
  const en = createI18n('en')
  const zh = createI18n('zh-CN')
  const say = (reason: string, i18n = en) => translateReason(reason, i18n.t, i18n.language)

  it('names the missing line items in the UI language', () => {
    expect(say('needs items.inventory, items.costOfSales')).toBe('Needs Inventory and Cost of sales')
    expect(say('needs items.inventory, items.costOfSales', zh)).toBe('缺少存货和营业成本')
    expect(say('needs monthlySales or items.revenue')).toBe('Needs Monthly sales or Revenue')
  })

  it('says which divisor is zero and which period is missing', () => {
    expect(say('division by zero: currentLiabilities is 0')).toBe('Current liabilities is 0')
    expect(say('division by zero: previous.revenue is 0')).toBe('Revenue a year earlier is 0')
    expect(say('no 12-month statement ending 2022-12-31 to compare with')).toBe('No 12-month statement ending Dec 31, 2022 to compare with')
  })

  it('passes a reason it does not know through as the server wrote it', () => {
    expect(say('the 12-month statement ending 2023-12-31 is in USD, this one in CNY')).toBe('the 12-month statement ending 2023-12-31 is in USD, this one in CNY')
  })
})
