import type { Language } from '../api/types.ts'

export const LANGUAGES: readonly Language[] = ['zh-CN', 'en']
export const DEFAULT_LANGUAGE: Language = 'zh-CN'

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language)
}

/**
 * The interface language: the one the user saved, else the first of the browser's
 * languages Fengkong speaks (zh-TW counts as Chinese, en-GB as English), else zh-CN.
 */
export function pickLanguage(saved: string | null | undefined, browser: readonly string[]): Language {
  if (isLanguage(saved)) return saved
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0]
    if (base === 'zh') return 'zh-CN'
    if (base === 'en') return 'en'
  }
  return DEFAULT_LANGUAGE
}
