import { describe, expect, it } from 'vitest'
import { chooseZModel, DEVELOPED_MARKETS, isDevelopedMarket, isManufacturer } from '../../src/domain/scoring/index.ts'

describe('choosing the Z model from the customer', () => {
  it.each([
    // listed, industry, country → model
    [true, 'C39', 'CN', 'z'],
    [true, 'C3911', 'US', 'z'],
    [false, 'C39', 'CN', 'z-prime'],
    [false, 'c26', 'DE', 'z-prime'],
    [false, 'F51', 'DE', 'z-double-prime'],
    [true, 'I65', 'US', 'z-double-prime'],
    [false, 'F51', 'CN', 'z-double-prime-em'],
    [true, 'K70', 'BR', 'z-double-prime-em'],
    [false, null, 'JP', 'z-double-prime'],
    [false, null, 'VN', 'z-double-prime-em'],
  ] as const)('listed %s, industry %s, country %s → %s', (listed, industryCode, country, model) => {
    expect(chooseZModel({ listed, industryCode, country }).model).toBe(model)
  })

  it('gives the rule that chose the model as its reason', () => {
    expect(chooseZModel({ listed: true, industryCode: 'C39', country: 'CN' })).toEqual({
      model: 'z',
      reason: 'listed manufacturer (industry C39, section C): the original Z with market value of equity',
      overridden: false,
      manufacturer: true,
      developedMarket: false,
    })
    expect(chooseZModel({ listed: false, industryCode: 'C39', country: 'CN' }).reason).toBe('unlisted manufacturer (industry C39, section C): Z′ with book value of equity')
    expect(chooseZModel({ listed: false, industryCode: 'F51', country: 'DE' }).reason).toBe('non-manufacturer (industry F51, not section C) in a developed market (DE): Z″ without sales / total assets')
    expect(chooseZModel({ listed: false, industryCode: 'F51', country: 'CN' }).reason).toBe(
      'non-manufacturer (industry F51, not section C) in an emerging market (CN is not on the developed-markets list): Z″-EM',
    )
    expect(chooseZModel({ listed: true, industryCode: null, country: 'CN' }).reason).toMatch(/^industry unknown, treated as a non-manufacturer/)
  })

  it('lets a caller override the choice, and says what the rules would have picked', () => {
    const choice = chooseZModel({ listed: true, industryCode: 'C39', country: 'CN' }, 'z-prime')
    expect(choice).toMatchObject({ model: 'z-prime', overridden: true })
    expect(choice.reason).toBe('Altman Z′ (private firms) as requested; the rules would pick Altman Z (1968): listed manufacturer (industry C39, section C): the original Z with market value of equity')
  })

  it('does not call an override that matches the rules an override', () => {
    expect(chooseZModel({ listed: false, industryCode: 'C39', country: 'CN' }, 'z-prime').overridden).toBe(false)
  })

  it('counts section C of GB/T 4754 / ISIC as manufacturing, nothing else', () => {
    expect(['C', 'C13', 'C4390', ' c39 '].map(isManufacturer)).toEqual([true, true, true, true])
    expect(['B06', 'D44', 'F51', '3911', '', null].map(isManufacturer)).toEqual([false, false, false, false, false, false])
  })

  it("uses the IMF's 41 advanced economies as the developed markets", () => {
    expect(DEVELOPED_MARKETS).toHaveLength(41)
    expect(new Set(DEVELOPED_MARKETS).size).toBe(41)
    expect(['US', 'DE', 'JP', 'GB', 'HK', 'SG', 'KR', 'hr'].every(isDevelopedMarket)).toBe(true)
    expect(['CN', 'IN', 'BR', 'RU', 'MX', 'VN', 'ZA'].some(isDevelopedMarket)).toBe(false)
  })
})
