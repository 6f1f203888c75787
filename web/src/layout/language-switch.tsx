import { Segmented } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Language } from '../api/types.ts'
import { useLanguage } from '../i18n/use-language.ts'

/** 中文 | English; each name is written in its own language, so either reader finds theirs. */
export function LanguageSwitch() {
  const { t } = useTranslation()
  const { language, changeLanguage } = useLanguage()
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('language.label')}
      value={language}
      onChange={(next) => void changeLanguage(next)}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en' },
      ]}
    />
  )
}
