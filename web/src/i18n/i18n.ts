import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Language } from '../api/types.ts'
import en from './en.json'
import zhCN from './zh-CN.json'
import { DEFAULT_LANGUAGE } from './pick-language.ts'

/** An i18next instance holding every string of the UI in zh-CN and en, ready at once. */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance()
  void instance.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    interpolation: { escapeValue: false },
    initAsync: false,
  })
  return instance
}
