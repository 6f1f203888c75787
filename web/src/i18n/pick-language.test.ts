import { describe, expect, it } from 'vitest'
import { pickLanguage } from './pick-language.ts'

describe('pickLanguage', () => {
  it('prefers the language the user saved', () => {
    expect(pickLanguage('en', ['zh-CN'])).toBe('en')
    expect(pickLanguage('zh-CN', ['en-US'])).toBe('zh-CN')
  })

  it('else takes the first browser language it speaks', () => {
    expect(pickLanguage(null, ['fr-FR', 'en-GB', 'zh-CN'])).toBe('en')
    expect(pickLanguage(undefined, ['zh-TW'])).toBe('zh-CN')
  })

  it('ignores a saved language it does not speak, and falls back to zh-CN', () => {
    expect(pickLanguage('fr', ['de-DE'])).toBe('zh-CN')
    expect(pickLanguage(null, [])).toBe('zh-CN')
  })
})
