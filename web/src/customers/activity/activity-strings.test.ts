import { describe, expect, it } from 'vitest'
import { DIRECTIONS, TRANSACTION_TYPES } from '../../../../src/domain/monitoring/activity.ts'
import { DEFAULT_FEATURE_CONFIG } from '../../../../src/domain/monitoring/features/index.ts'
import en from '../../i18n/en.json'
import zhCN from '../../i18n/zh-CN.json'

/** The server names transaction types, directions and feature windows; the UI must have words for every one of them. */
describe('activity strings', () => {
  for (const [language, resource] of [
    ['en', en],
    ['zh-CN', zhCN],
  ] as const) {
    it(`name every transaction type, direction and default feature window in ${language}`, () => {
      const { activity } = resource
      expect(Object.keys(activity.transactions.types).sort()).toEqual([...TRANSACTION_TYPES].sort())
      expect(Object.keys(activity.transactions.directions).sort()).toEqual([...DIRECTIONS].sort())
      expect(Object.keys(activity.features.windows)).toEqual(DEFAULT_FEATURE_CONFIG.windows.map((w) => w.key))
    })
  }
})
