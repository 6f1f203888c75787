import { Compile } from 'typebox/compile'
import { describe, expect, it } from 'vitest'
import { generatePortfolio } from '../../src/demo/generate-portfolio.ts'
import { customerProblems, unifiedSocialCreditCodeProblem } from '../../src/domain/customers/index.ts'
import { CustomerInputSchema } from '../../src/schemas/customer.ts'
import { BureauRecordInputSchema, ContactInputSchema, ContractInputSchema, InteractionInputSchema, StatementInputSchema } from '../../src/schemas/customer-records.ts'
import { withCustomerDefaults } from '../../src/services/customers/customer-fields.ts'

const portfolio = generatePortfolio({ customers: 300, seed: 7 })

describe('demo portfolio generator', () => {
  it('gives the same portfolio for the same seed, and another for another seed', () => {
    expect(generatePortfolio({ customers: 300, seed: 7 })).toEqual(portfolio)
    expect(generatePortfolio({ customers: 300, seed: 8 }).customers[0]!.customer.name).not.toBe(portfolio.customers[0]!.customer.name)
  })

  it('mixes Chinese and international companies across industries and health', () => {
    const countries = new Set(portfolio.customers.map((c) => c.customer.country))
    const industries = new Set(portfolio.customers.map((c) => c.customer.industry?.code))
    const chinese = portfolio.customers.filter((c) => c.customer.country === 'CN').length
    expect(countries.size).toBeGreaterThanOrEqual(4)
    expect(industries.size).toBeGreaterThanOrEqual(8)
    expect(chinese / portfolio.customers.length).toBeGreaterThan(0.5)
    expect(new Set(portfolio.customers.map((c) => c.health))).toEqual(new Set(['strong', 'average', 'weak', 'distressed']))
  })

  it('gives every Chinese company a valid unified social credit code and unique names', () => {
    for (const { customer } of portfolio.customers.filter((c) => c.customer.country === 'CN')) expect(unifiedSocialCreditCodeProblem(customer.registrationId!)).toBeNull()
    expect(new Set(portfolio.customers.map((c) => c.customer.name)).size).toBe(portfolio.customers.length)
  })

  it('produces records every API schema and domain rule accepts', () => {
    const checks = {
      customer: Compile(CustomerInputSchema),
      contact: Compile(ContactInputSchema),
      statement: Compile(StatementInputSchema),
      bureau: Compile(BureauRecordInputSchema),
      interaction: Compile(InteractionInputSchema),
      contract: Compile(ContractInputSchema),
    }
    for (const demo of portfolio.customers) {
      expect(checks.customer.Errors(demo.customer)).toEqual([])
      expect(customerProblems(withCustomerDefaults(demo.customer), [])).toEqual([])
      for (const contact of demo.contacts) expect(checks.contact.Errors(contact)).toEqual([])
      for (const statement of demo.statements) expect(checks.statement.Errors(statement)).toEqual([])
      for (const record of demo.bureau) expect(checks.bureau.Errors(record)).toEqual([])
      for (const interaction of demo.interactions) expect(checks.interaction.Errors(interaction)).toEqual([])
      for (const contract of demo.contracts) expect(checks.contract.Errors(contract)).toEqual([])
    }
  })

  it('writes three years of statements that add up', () => {
    for (const demo of portfolio.customers) {
      expect(demo.statements.map((s) => s.periodEnd)).toEqual(['2023-12-31', '2024-12-31', '2025-12-31'])
      for (const { items } of demo.statements) {
        expect(items.equity).toBeCloseTo(items.totalAssets! - items.totalLiabilities!, -1)
        expect(items.currentAssets!).toBeLessThanOrEqual(items.totalAssets!)
        expect(items.currentLiabilities!).toBeLessThanOrEqual(items.totalLiabilities!)
        expect(items.cash! + items.receivables! + items.inventory!).toBeLessThanOrEqual(items.currentAssets! + 2)
        expect(items.costOfSales!).toBeLessThan(items.revenue!)
        expect(items.marketValueEquity === null).toBe(!demo.customer.listed)
      }
    }
  })

  it('lets distressed companies look distressed: thinner equity, lower bureau scores', () => {
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length
    const equityRatio = (health: string) =>
      mean(portfolio.customers.filter((c) => c.health === health).map((c) => c.statements[2]!.items.equity! / c.statements[2]!.items.totalAssets!))
    const score = (health: string) => mean(portfolio.customers.filter((c) => c.health === health).map((c) => c.bureau.at(-1)!.score!))
    expect(equityRatio('distressed')).toBeLessThan(equityRatio('strong'))
    expect(score('distressed')).toBeLessThan(score('average'))
    expect(score('average')).toBeLessThan(score('strong'))
  })

  it('ties only customers of the portfolio, never one to itself', () => {
    const ids = new Set(portfolio.customers.map((c) => c.customer.externalId))
    expect(portfolio.relationships.length).toBeGreaterThan(10)
    for (const tie of portfolio.relationships) {
      expect(ids.has(tie.fromExternalId) && ids.has(tie.toExternalId)).toBe(true)
      expect(tie.fromExternalId).not.toBe(tie.toExternalId)
    }
  })
})
