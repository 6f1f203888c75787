import { App } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useMe, useSaveLanguage } from '../api/me-queries.ts'
import type { Language } from '../api/types.ts'
import { isLanguage } from './pick-language.ts'

/**
 * The interface language and a way to change it. Signed in, a change is saved on the user
 * (PATCH /api/v1/me), so the next sign-in, in any browser, opens in it.
 */
export function useLanguage(): { language: Language; changeLanguage: (language: Language) => Promise<void> } {
  const { i18n, t } = useTranslation()
  const { message } = App.useApp()
  const me = useMe().data
  const save = useSaveLanguage()
  const language: Language = isLanguage(i18n.language) ? i18n.language : 'zh-CN'
  async function changeLanguage(next: Language) {
    await i18n.changeLanguage(next)
    if (me) save.mutate(next, { onError: () => void message.error(t('language.notSaved')) })
  }
  return { language, changeLanguage }
}

/** Switches to the language the signed-in user saved, whenever that is known or changes. */
export function useSavedLanguage(): void {
  const { i18n } = useTranslation()
  const saved = useMe().data?.user.language
  useEffect(() => {
    if (isLanguage(saved) && saved !== i18n.language) void i18n.changeLanguage(saved)
    // Only a change of the saved language switches (not i18n.language): the user's own switch must not be undone.
  }, [saved])
}
