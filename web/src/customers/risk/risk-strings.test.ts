import { describe, expect, it } from 'vitest'
import { CREDIT_LIMIT_METHODS, RATING_SIGNALS, RATIO_CATEGORIES, RATIO_KEYS, Z_ZONES } from '../../../../src/domain/scoring/index.ts'
import en from '../../i18n/en.json'
import zhCN from '../../i18n/zh-CN.json'

/** The server names signals, methods, ratios and zones; the UI must have words for every one of them. */
describe('risk strings', () => {
  for (const [language, resource] of [
    ['en', en],
    ['zh-CN', zhCN],
  ] as const) {
    it(`name every signal, limit method, ratio, category and zone the server knows in ${language}`, () => {
      const { risk } = resource
      expect(Object.keys(risk.signals).sort()).toEqual([...RATING_SIGNALS].sort())
      expect(Object.keys(risk.limit.methods).sort()).toEqual([...CREDIT_LIMIT_METHODS].sort())
      expect(Object.keys(risk.ratioNames).sort()).toEqual([...RATIO_KEYS].sort())
      expect(Object.keys(risk.ratioCategories).sort()).toEqual([...RATIO_CATEGORIES].sort())
      expect(Object.keys(risk.zones).sort()).toEqual([...Z_ZONES].sort())
    })
  }
})
